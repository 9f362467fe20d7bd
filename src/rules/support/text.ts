/** Walking the text of a description and comparing texts the way a reader would. */
import type { PathSegment } from "../../lint/finding.js";
import type { Position } from "../../model/types.js";
import { memoByText, type TextFacts } from "./memo.js";

export interface TextEntry {
  text: string;
  path: PathSegment[];
  /** What perText analyses found in this text, shared by the rules (set by the first that asks). */
  facts?: TextFacts;
}

/** Keys that describe the file rather than the document: their text is not the position's content. */
const META_KEYS = new Set(["$schema", "form", "regime", "effectiveDate", "source"]);

const walkCache = new WeakMap<
  Position,
  { entries: TextEntry[]; lists: Array<{ items: string[]; path: PathSegment[] }> }
>();

/** Every string value of the description with its path, in document order (keys excluded); computed once. */
export function textEntries(position: Position): TextEntry[] {
  return walked(position).entries;
}

/** Every list of strings in the description with its path (a Text written as a list). */
export function stringLists(position: Position): Array<{ items: string[]; path: PathSegment[] }> {
  return walked(position).lists;
}

/** One walk of the description for both textEntries and stringLists. */
function walked(position: Position): {
  entries: TextEntry[];
  lists: Array<{ items: string[]; path: PathSegment[] }>;
} {
  const cached = walkCache.get(position);
  if (cached) return cached;
  const entries: TextEntry[] = [];
  const lists: Array<{ items: string[]; path: PathSegment[] }> = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === "string") entries.push({ text: value, path, facts: undefined });
    else if (Array.isArray(value)) {
      if (value.length > 1 && value.every((item) => typeof item === "string"))
        lists.push({ items: value as string[], path });
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === "object")
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  for (const [key, value] of Object.entries(position as Record<string, unknown>))
    if (!META_KEYS.has(key)) visit(value, [key]);
  const result = { entries, lists };
  walkCache.set(position, result);
  return result;
}

/** A string or list of strings as its items (the Text shape of the model). */
export function items(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** True when a text has no content: absent, empty, only spaces, or only bullets and dashes. */
export function isBlank(value: unknown): boolean {
  return items(value).every((item) => item.replace(/[\s\u00a0•\-–—+*.]/g, "") === "");
}

/**
 * `text` without the run of characters matching `char` (a one-character class) at its end. By hand: a pattern
 * such as /[\s.]+$/ starts again at every character of a long run that does not reach the end (quadratic).
 */
export function withoutTrailing(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * The key under which two writings of one sentence compare equal (the file's own texts, so no NFC step: a
 * decomposed text is unicode-nfc's finding): lowercase, single spaces, without a
 * leading bullet or list number ("1.", "2-", "a)") and without trailing punctuation.
 */
export const comparisonKey: (text: string) => string = memoByText((text: string): string =>
  withoutTrailing(
    text
      .replace(/[\s\u00a0]+/g, " ")
      .trim()
      .replace(/^(?:[•\-–—+*]\s*|\d+(?:[.,]\d+)*\s*[.)\-–]\s*|[a-zđ]\)\s*)+/iu, ""),
    /[\s.;:,…]/u,
  ).toLowerCase(),
);

/** Whether `index` of `text` starts or ends a word (no letter or digit on the outer side). */
export function isWordBoundary(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1]! : "";
  const after = end < text.length ? text[end]! : "";
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** Short excerpt of a text for a message. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
