/** Walking the text of a description and comparing texts the way a reader would. */
import type { PathSegment } from "../../lint/finding.js";
import type { Position } from "../../model/types.js";
import { lastAtOrBefore } from "../../util/sorted.js";
import { memoByText, type TextFacts } from "./memo.js";

export interface TextEntry {
  text: string;
  path: PathSegment[];
  /** What perText analyses found in this text, shared by the rules (set by the first that asks). */
  facts?: TextFacts;
}

/** Keys that describe the file rather than the document: their text is not the position's content. */
const META_KEYS = new Set(["$schema", "form", "regime", "effectiveDate", "source"]);

const entriesCache = new WeakMap<Position, TextEntry[]>();
const listsCache = new WeakMap<Position, Array<{ items: string[]; path: PathSegment[] }>>();

/** Every string value of the description with its path, in document order (keys excluded); computed once. */
export function textEntries(position: Position): TextEntry[] {
  const cached = entriesCache.get(position);
  if (cached) return cached;
  const entries: TextEntry[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === "string") entries.push({ text: value, path, facts: undefined });
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === "object")
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  for (const [key, value] of Object.entries(position as Record<string, unknown>))
    if (!META_KEYS.has(key)) visit(value, [key]);
  entriesCache.set(position, entries);
  return entries;
}

interface Joined {
  text: string;
  /** Offset in `text` where each entry starts, in the order of textEntries. */
  starts: number[];
}

const joinedCache = new WeakMap<Position, Joined>();

function joined(position: Position): Joined {
  let cached = joinedCache.get(position);
  if (cached === undefined) {
    const entries = textEntries(position);
    const starts: number[] = [];
    let offset = 0;
    for (const entry of entries) {
      starts.push(offset);
      offset += entry.text.length + 1;
    }
    cached = { text: entries.map((entry) => entry.text).join("\n"), starts };
    joinedCache.set(position, cached);
  }
  return cached;
}

/**
 * Every text of the description in one string, one per line: a rule tests its patterns here once and looks at
 * the texts one by one only when one matched (an entry's match is always a match here, "\n" acting as the
 * start and end of a line between texts).
 */
export function joinedText(position: Position): string {
  return joined(position).text;
}

const globalCopies = new WeakMap<RegExp, RegExp>();

/**
 * The texts in which `pattern` may match, in document order: one scan of the joined text instead of one per
 * text. Every text that holds a match is returned (a match in a text is a match at the same place of the
 * joined text, or lies under a longer match there that crosses into it, and every text a match touches is
 * returned); a returned text may hold none, so callers test each one again on its own.
 */
export function entriesMatching(position: Position, pattern: RegExp): TextEntry[] {
  let scan = globalCopies.get(pattern);
  if (!scan) {
    scan = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globalCopies.set(pattern, scan);
  }
  const { text, starts } = joined(position);
  const entries = textEntries(position);
  const found: TextEntry[] = [];
  let next = 0;
  scan.lastIndex = 0;
  for (let match = scan.exec(text); match; match = scan.exec(text)) {
    const end = match.index + Math.max(match[0].length, 1);
    if (match[0].length === 0) scan.lastIndex++;
    let index = Math.max(next, lastAtOrBefore(starts, match.index));
    for (; index < entries.length && starts[index]! < end; index++) found.push(entries[index]!);
    next = Math.max(next, index);
  }
  return found;
}

/** Every list of strings in the description with its path (a Text written as a list). */
export function stringLists(position: Position): Array<{ items: string[]; path: PathSegment[] }> {
  const cached = listsCache.get(position);
  if (cached) return cached;
  const lists: Array<{ items: string[]; path: PathSegment[] }> = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) {
      if (value.length > 1 && value.every((item) => typeof item === "string"))
        lists.push({ items: value as string[], path });
      else value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === "object")
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  for (const [key, value] of Object.entries(position as Record<string, unknown>))
    if (!META_KEYS.has(key)) visit(value, [key]);
  listsCache.set(position, lists);
  return lists;
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
 * The key under which two writings of one sentence compare equal (the file's own texts, so no NFC step: a
 * decomposed text is unicode-nfc's finding): lowercase, single spaces, without a
 * leading bullet or list number ("1.", "2-", "a)") and without trailing punctuation.
 */
export const comparisonKey: (text: string) => string = memoByText((text: string): string =>
  text
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .replace(/^(?:[•\-–—+*]\s*|\d+(?:[.,]\d+)*\s*[.)\-–]\s*|[a-zđ]\)\s*)+/iu, "")
    .replace(/[\s.;:,…]+$/u, "")
    .toLowerCase(),
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
