/**
 * Safe text edits on a YAML scalar. Rules see the parsed data and the file's text; a fix is an edit of the
 * text, so it is built against the scalar's source range and then proved: the edited file is parsed again and
 * the value at the path must be exactly the value the rule intended. A fix that cannot be proved is dropped
 * (the finding stays), so --fix never breaks a file or changes more than it says.
 */
import yaml from "js-yaml";
import type { Fix, PathSegment, TextEdit } from "../../lint/finding.js";
import { SourceLocator } from "../../load/locate.js";

let lastLocator: SourceLocator | undefined;

/** One locator per text, reused by every rule that needs positions in the same file. */
export function locatorFor(text: string): SourceLocator {
  if (lastLocator?.text !== text) lastLocator = new SourceLocator(text);
  return lastLocator;
}

/** Source offsets of the node at `path` (quotes and block indicators included). */
export function nodeOffsets(text: string, path: readonly PathSegment[]): { start: number; end: number } {
  return locatorFor(text).offsets(path);
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** Whether the edited text still parses and holds `expected` at `path`. */
export function editsProduce(
  text: string,
  edits: readonly TextEdit[],
  path: readonly PathSegment[],
  expected: unknown,
): boolean {
  try {
    const data = yaml.load(applyEdits(text, edits), { schema: yaml.CORE_SCHEMA });
    return JSON.stringify(valueAt(data, path)) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

/**
 * Finds each `[needle, replacement]` in the source of the scalar at `path`, in order, and returns the edits
 * if all were found and the result proves to be `expected`; undefined otherwise.
 */
export function scalarFix(
  text: string,
  path: readonly PathSegment[],
  replacements: ReadonlyArray<readonly [string, string]>,
  expected: string,
  description: string,
): Fix | undefined {
  const { start, end } = nodeOffsets(text, path);
  const raw = text.slice(start, end);
  const edits: TextEdit[] = [];
  let from = 0;
  for (const [needle, replacement] of replacements) {
    const at = raw.indexOf(needle, from);
    if (at < 0) return undefined;
    if (needle !== replacement)
      edits.push({ start: start + at, end: start + at + needle.length, text: replacement });
    from = at + needle.length;
  }
  if (!edits.length || !editsProduce(text, edits, path, expected)) return undefined;
  return { description, edits };
}

/** Offsets in the file of the `occurrence`-th appearance of `needle` inside the scalar at `path`. */
export function offsetsInScalar(
  text: string,
  path: readonly PathSegment[],
  needle: string,
  occurrence = 0,
): { start: number; end: number } | undefined {
  if (!needle) return undefined;
  const { start, end } = nodeOffsets(text, path);
  const raw = text.slice(start, end);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = raw.indexOf(needle, at + 1);
    if (at < 0) return undefined;
  }
  return { start: start + at, end: start + at + needle.length };
}

/** Replaces the whole node at `path` with `source` (YAML text), proved to yield `expected`. */
export function replaceNodeFix(
  text: string,
  path: readonly PathSegment[],
  source: string,
  expected: unknown,
  description: string,
): Fix | undefined {
  const { start, end } = nodeOffsets(text, path);
  if (end <= start) return undefined;
  const edits: TextEdit[] = [{ start, end, text: source }];
  return editsProduce(text, edits, path, expected) ? { description, edits } : undefined;
}
