/**
 * Safe text edits on a YAML scalar. Rules see the parsed data and the file's text; a fix is an edit of the
 * text, so it is built against the scalar's source range and then proved: the edited value is parsed again
 * (on its line when that is enough, in the whole file otherwise) and must be exactly the value the rule
 * intended. A fix that cannot be proved is dropped (the finding stays), so --fix never breaks a file or
 * changes more than it says.
 */
import yaml from "js-yaml";
import type { Fix, PathSegment, TextEdit } from "../../lint/finding.js";
import { applyEdits } from "../../lint/fix.js";
import { locatorFor } from "../../load/locate.js";

/**
 * Source offsets of the node at `path` (quotes and block indicators included), to edit it: an empty range when
 * the locator cannot vouch for them (SourceLocator.editOffsets), which every fix built on it refuses.
 */
export function nodeOffsets(text: string, path: readonly PathSegment[]): { start: number; end: number } {
  return locatorFor(text).editOffsets(path) ?? { start: 0, end: 0 };
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

/** What may stand before a one-line block value on its line: indentation, sequence dashes, a plain key. */
const BLOCK_VALUE_PREFIX = /^ *(?:- +)*(?:[A-Za-z_$][\w$-]*: +)?$/;
/** What may follow it: spaces and a comment. */
const LINE_REST = /^[ \t]*(?:#.*)?$/;
const QUOTES = new Set(["'", '"']);

/**
 * The proof on the edited line alone, when that is enough: a scalar on one line in block context, edited
 * inside, keeping its quoting. Nothing outside the line can change (a block value ends with its line unless
 * it is a multi-line scalar, and an unclosed quote fails to parse here too), so parsing the line as
 * `k: <edited value><rest of line>` proves the whole file. Undefined when the edit is of another shape.
 */
function proveOnLine(
  text: string,
  edits: readonly TextEdit[],
  path: readonly PathSegment[],
  expected: unknown,
): boolean | undefined {
  if (!path.length) return undefined;
  const { start, end } = nodeOffsets(text, path);
  if (end <= start || edits.some((edit) => edit.start < start || edit.end > end)) return undefined;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd === -1) lineEnd = text.length;
  if (end > lineEnd || edits.some((edit) => edit.text.includes("\n") || edit.text.includes("\r")))
    return undefined;
  if (!BLOCK_VALUE_PREFIX.test(text.slice(lineStart, start))) return undefined;
  const rest = text.slice(end, lineEnd);
  if (!LINE_REST.test(rest)) return undefined;
  const shifted = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  const before = text.slice(start, end);
  const after = applyEdits(before, shifted);
  const quote = (value: string) => (QUOTES.has(value[0]!) ? value[0] : "");
  if (!after || quote(before) !== quote(after)) return undefined;
  try {
    const data = yaml.load(`k: ${after}${rest}`, { schema: yaml.CORE_SCHEMA }) as { k?: unknown } | null;
    return JSON.stringify(data?.k) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

const FLOW_OPEN = new Set(["{", "["]);
const FLOW_CLOSE = new Set(["}", "]"]);
/** Characters that could add or change an anchor, an alias or a tag: their meaning reaches past the line. */
const NODE_PROPERTIES = /[&*!]/;

function loadLineValue(source: string): { value: unknown } | undefined {
  try {
    const data = yaml.load(`k: ${source}`, { schema: yaml.CORE_SCHEMA }) as { k?: unknown } | null;
    return { value: data?.k };
  } catch {
    return undefined;
  }
}

function withValueAt(value: unknown, path: readonly PathSegment[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  if (value === null || typeof value !== "object") return undefined;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, unknown>)[String(head)] = withValueAt(
    (value as Record<string, unknown>)[String(head)],
    rest,
    replacement,
  );
  return copy;
}

/**
 * The proof on the edited line for a scalar inside a flow collection written on one line as a block value
 * (`- { name: …, level: 3 }`, the competency lists): the collection, edited, is parsed as `k: <collection>
 * <rest of line>` and must be the original collection with just the scalar changed. Nothing outside the line
 * can change: the collection closes on its line, and edits that could touch an anchor, alias or tag are left
 * to the whole-file proof. Undefined when the edit is of another shape or the line alone does not parse.
 */
function proveInFlowOnLine(
  text: string,
  edits: readonly TextEdit[],
  path: readonly PathSegment[],
  expected: unknown,
): true | undefined {
  if (path.length < 2) return undefined;
  const scalar = nodeOffsets(text, path);
  if (edits.some((edit) => edit.start < scalar.start || edit.end > scalar.end)) return undefined;
  const lineStart = text.lastIndexOf("\n", scalar.start - 1) + 1;
  let lineEnd = text.indexOf("\n", scalar.start);
  if (lineEnd === -1) lineEnd = text.length;
  // The outermost collection around the scalar that starts on its line.
  let depth = -1;
  let collection: { start: number; end: number } | undefined;
  for (let length = path.length - 1; length >= 1; length--) {
    const node = nodeOffsets(text, path.slice(0, length));
    if (node.start < lineStart || !FLOW_OPEN.has(text[node.start]!)) break;
    collection = node;
    depth = length;
  }
  if (!collection || collection.end > lineEnd || !FLOW_CLOSE.has(text[collection.end - 1]!)) return undefined;
  if (!BLOCK_VALUE_PREFIX.test(text.slice(lineStart, collection.start))) return undefined;
  const rest = text.slice(collection.end, lineEnd);
  if (!LINE_REST.test(rest)) return undefined;
  const original = text.slice(collection.start, collection.end);
  const shifted = edits.map((edit) => ({
    ...edit,
    start: edit.start - collection.start,
    end: edit.end - collection.start,
  }));
  const edited = applyEdits(original, shifted);
  if (
    edited.includes("\n") ||
    edited.includes("\r") ||
    NODE_PROPERTIES.test(original) ||
    NODE_PROPERTIES.test(edited)
  )
    return undefined;
  const before = loadLineValue(original + rest);
  const after = loadLineValue(edited + rest);
  if (!before || !after) return undefined;
  const intended = withValueAt(before.value, path.slice(depth), expected);
  return JSON.stringify(after.value) === JSON.stringify(intended) ? true : undefined;
}

/** The proof on the edited line (true or false), or undefined when it takes the whole file. Exported for tests. */
export function proofOnLine(
  text: string,
  edits: readonly TextEdit[],
  path: readonly PathSegment[],
  expected: unknown,
): boolean | undefined {
  return proveOnLine(text, edits, path, expected) ?? proveInFlowOnLine(text, edits, path, expected);
}

/**
 * Whether the edited text still parses and holds `expected` at `path`: proved on the edited line when the
 * edit stays inside a one-line scalar (nearly every fix), by parsing the whole edited file otherwise.
 */
export function editsProduce(
  text: string,
  edits: readonly TextEdit[],
  path: readonly PathSegment[],
  expected: unknown,
): boolean {
  const onLine = proofOnLine(text, edits, path, expected);
  if (onLine !== undefined) return onLine;
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
  const { start, end } = locatorFor(text).offsets(path);
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
