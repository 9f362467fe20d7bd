/**
 * The blank convention shared with the lint rule for unfilled placeholders: a part the agency must write
 * is the string "(bổ sung: <what to write>)". Lint reports each as a warning, never an error, so a freshly
 * scaffolded file is valid but visibly unfinished. Optional identification fields left empty are null.
 */
import type { PathSegment } from "../lint/finding.js";

const BLANK = /^\(bổ sung: (.+)\)$/su;

export function blank(what: string): string {
  return `(bổ sung: ${what})`;
}

export function isBlank(value: unknown): value is string {
  return typeof value === "string" && BLANK.test(value.trim());
}

/** What the blank asks for ("tên cơ quan"), or undefined when the value is not a blank. */
export function blankPrompt(value: unknown): string | undefined {
  return typeof value === "string" ? BLANK.exec(value.trim())?.[1] : undefined;
}

export interface BlankSite {
  path: PathSegment[];
  what: string;
}

/** Every blank in a parsed document, in document order. */
export function findBlanks(value: unknown, path: PathSegment[] = []): BlankSite[] {
  const what = blankPrompt(value);
  if (what !== undefined) return [{ path, what }];
  if (Array.isArray(value)) return value.flatMap((item, index) => findBlanks(item, [...path, index]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => findBlanks(item, [...path, key]));
  return [];
}
