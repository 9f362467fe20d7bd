/**
 * From cell paragraphs to the format's values: list items without their bullet glyphs, one string for one
 * item, levels as the schema writes them. Row-per-line exports flatten lists into one paragraph ("- A; - B",
 * "1. A 2. B"); those are split back here, with the helpers of row-lines.ts.
 */
import type { Level } from "../model/types.js";
import type { SourceFormat } from "./document.js";
import { joinContinuation, splitBulletItems, splitNumberedItems } from "./row-lines.js";
import { LEVEL_REFERENCE } from "./vocabulary.js";

export type TextValue = string | string[];

/** The bullet glyph of a list item ("•", "-", "+"), not a dash that is part of the text ("--", "-5"). */
const BULLET = /^(?:•\s*|[+-](?![-\d])\s*)/u;

export function stripBullet(item: string): string {
  return item.replace(BULLET, "").trim();
}

/**
 * A cell's items. In row-per-line exports a paragraph that starts with a bullet is a flattened list and is split
 * at its bullets; a paragraph "1. … 2. …" is split at its numbers. Elsewhere each paragraph is one item.
 */
export function itemsOf(paragraphs: readonly string[], format: SourceFormat): string[] {
  const split =
    format === "row-lines"
      ? paragraphs
          .flatMap((paragraph) =>
            BULLET.test(paragraph) ? splitBulletItems(paragraph) : splitAfterSentence(paragraph),
          )
          .flatMap((item) => splitNumberedItems(item))
      : paragraphs;
  return split.map(stripBullet).filter((item) => item !== "");
}

/**
 * A list the export flattened after a first item that had no bullet ("… của tỉnh. - Tiếp nhận …"): split only
 * where a bullet follows the end of a sentence or clause, so "Tài chính - Ngân hàng" stays whole.
 */
function splitAfterSentence(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.;:])\s*[-+•]\s+(?=\p{Lu})/u)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function textValue(items: readonly string[]): TextValue | undefined {
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0]! : [...items];
}

export function valueOf(paragraphs: readonly string[], format: SourceFormat): TextValue | undefined {
  return textValue(itemsOf(paragraphs, format));
}

/** Appends the paragraphs of a row that continues the one above, column by column. */
export function continueParagraphs(
  before: readonly string[],
  after: readonly string[],
  pageBreak: boolean,
): string[] {
  return pageBreak ? joinContinuation(before, after) : [...before, ...after];
}

/** A level cell as printed: 4, "4-5", a reference to another framework, words, or empty (null). */
export function parseLevel(text: string): Level {
  const value = text.trim();
  if (value === "") return null;
  if (/^[1-5]$/u.test(value)) return Number(value);
  if (/^[1-5]-[1-5]$/u.test(value)) return value;
  if (LEVEL_REFERENCE.test(value)) return { ref: value };
  return { text: value };
}
