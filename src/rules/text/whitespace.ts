import yaml from "js-yaml";
import type { Fix, TextEdit } from "../../lint/finding.js";
import { applyEdits } from "../../lint/fix.js";
import { editsProduce, nodeOffsets } from "../support/scalar.js";
import { perText } from "../support/memo.js";
import { textEntries } from "../support/text.js";
import type { Rule, RuleContext } from "../types.js";

/** Spaces that look like a space but are not one: they break search, sorting and duplicate checks. */
const IRREGULAR_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Characters that take no room at all. */
const INVISIBLE = /[\u200b\u2060\ufeff]/g;
const ANY_IRREGULAR = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]/;

const STRAY = /^[ \t]|[ \t]$|\S[ \t]{2,}\S|\t/;
const hasStraySpace = perText((text) => STRAY.test(text));

/** The text with its stray spaces made visible: "·" for a space at either end or doubled, "→" for a tab. */
function shown(value: string): string {
  const text = value.replace(/\t/g, "→");
  // The ends counted by hand: / +$/ tries every space of a long run as the start of the trailing one.
  let start = 0;
  while (text.charCodeAt(start) === 32) start++;
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const visible =
    "·".repeat(start) +
    text.slice(start, end).replace(/ {2,}/g, (spaces) => "·".repeat(spaces.length)) +
    "·".repeat(text.length - end);
  return visible.length > 70 ? `${visible.slice(0, 69)}…` : visible;
}

function tidy(value: string): string {
  return value.replace(/[ \t]+/g, " ").trim();
}

/** Spaces and tabs at either end of a text, up to a line break: trimming never takes a line break away. */
const END_SPACES = /^[^\S\n\r]+|[^\S\n\r]+$/g;

/**
 * A string as the whitespace fixes leave it: special spaces made plain (invisible ones removed), runs of spaces
 * and tabs made one space, spaces trimmed at either end; line breaks stay (a line break appearing or vanishing,
 * in a folded block scalar, is a change of the text).
 */
export function spaceNormalized(value: string): string {
  return value
    .replace(IRREGULAR_SPACE, " ")
    .replace(INVISIBLE, "")
    .replace(/[ \t]+/g, " ")
    .replace(END_SPACES, "");
}

/** A string as the unicode-nfc and whitespace fixes leave it: what --fix may change in any text or key. */
export function fixNormalized(value: string): string {
  return spaceNormalized(value.normalize("NFC")).normalize("NFC");
}

/** The data with every string's spaces made plain, as JSON: what the irregular-space fix must not change. */
export function normalized(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    typeof value === "string" ? spaceNormalized(value) : value,
  );
}

function normalizedData(text: string): string | undefined {
  try {
    return normalized(yaml.load(text, { schema: yaml.CORE_SCHEMA }));
  } catch {
    return undefined;
  }
}

/**
 * Whether a flow mapping may still be open after `line` (a whole line, or the part before an edit): more "{"
 * than "}" once quoted strings and a comment are taken out. A quote left unpaired (a string over several lines,
 * an apostrophe) could hide braces either way: then it may.
 */
function mayLeaveMappingOpen(line: string): boolean {
  if (!line.includes("{")) return false;
  // Quoted strings where a node can start (a quote inside a word is a character of a plain scalar).
  const unquoted = line.replace(/(^|[\s[{,:])(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/g, "$1");
  if (/["']/.test(unquoted)) return true;
  const code = unquoted.replace(/(?:^|\s)#.*$/, "");
  return code.split("{").length > code.split("}").length;
}

/**
 * Explicit keys ("? ") and flow mappings left open at the end of a line: keys that may run over several lines,
 * which the line check cannot see.
 */
function mayHaveKeysOverLines(text: string): boolean {
  if (/(?:^|[\s,[{-])\?(?:[ \t]|$)/m.test(text)) return true;
  if (!text.includes("{")) return false;
  return text.split(LINE_BREAK).some(mayLeaveMappingOpen);
}

/** A line break for YAML: "\r\n", "\n" or a bare "\r". */
const LINE_BREAK = /\r\n|\r|\n/;

/** The line (between YAML line breaks) around `at`. */
function lineAround(text: string, at: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf("\n", at - 1), text.lastIndexOf("\r", at - 1)) + 1;
  let end = text.length;
  for (const found of [text.indexOf("\n", at), text.indexOf("\r", at)])
    if (found !== -1 && found < end) end = found;
  return { start, end };
}

/** What ends a plain scalar that could be read as a number, a boolean or a null (none holds these). */
const SCALAR_BOUNDARY = new Set([":", ",", "[", "]", "{", "}", "#"]);

/**
 * Whether the edits of the lines they are on leave every scalar they touch a string. The line proof sees only
 * spaces: "\u00a0null" is a text, but "  null" (the space trimmed) is a null and "1\u200b2" becomes 12. The
 * scalar around each edit is taken, once its line is edited, between characters that no number, boolean or
 * null contains, and read as YAML alone: anything but a string (or anything unreadable) is left to the proof
 * on the whole file.
 */
function keepsStrings(text: string, edits: readonly TextEdit[]): boolean {
  for (const edit of edits) {
    const line = lineAround(text, edit.start);
    const onLine = edits.filter((other) => other.start >= line.start && other.end <= line.end);
    let at = edit.start - line.start;
    for (const other of onLine)
      if (other.start < edit.start) at += other.text.length - (other.end - other.start);
    const edited = applyEdits(
      text.slice(line.start, line.end),
      onLine.map((other) => ({ ...other, start: other.start - line.start, end: other.end - line.start })),
    );
    let from = at;
    while (from > 0 && !SCALAR_BOUNDARY.has(edited[from - 1]!)) from--;
    let to = at;
    while (to < edited.length && !SCALAR_BOUNDARY.has(edited[to]!)) to++;
    const scalar = edited.slice(from, to).replace(/^[ \t]+|[ \t]+$/g, "");
    if (!scalar) return false;
    try {
      if (typeof yaml.load(scalar, { schema: yaml.CORE_SCHEMA }) !== "string") return false;
    } catch {
      return false;
    }
  }
  return true;
}
/** Any character of the line that is not a space of any kind. */
const CONTENT = /[^\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]/;
/**
 * Indicators that a following space would turn into structure ("key: v", "- item", "? k", flow lists), and
 * the backslash of an escape.
 */
const STRUCTURE_BEFORE = new Set([":", "-", "?", ",", "[", "{", "\\"]);
/** What a preceding space would make a comment or a mapping. */
const STRUCTURE_AFTER = new Set(["#", ":", ",", "]", "}"]);

/**
 * Whether replacing (or removing) the special space at `at` can only change the spaces of a text: it stands
 * right after some content of its line, not next to an indicator, not in an anchor, alias or tag, and nothing after
 * it on the line could make it part of a key. Anything else is proved by parsing the edited file.
 */
function spaceOnlyInText(text: string, at: number): boolean {
  const { start: lineStart, end: lineEnd } = lineAround(text, at);
  const before = text.slice(lineStart, at);
  const after = text.slice(at + 1, lineEnd);
  // Content on both sides on its line: at an end of a line, YAML's folding of lines may take a space away.
  if (!CONTENT.test(before) || !CONTENT.test(after)) return false;
  // Right after content; or after a space when a letter or digit follows (a space before it would make the
  // next character the start of a node, which must not become an indicator).
  const previous = before.at(-1)!;
  if (!CONTENT.test(previous) && !/^[\p{L}\p{N}]/u.test(after)) return false;
  if (STRUCTURE_BEFORE.has(before.at(-1)!) || STRUCTURE_AFTER.has(after.charAt(0))) return false;
  if (/(?:^|[\s[{,])[&*!][^\s]*$/.test(before)) return false;
  // Inside a flow mapping every word may be a key ("{a b}" is a mapping with the key "a b").
  if (mayLeaveMappingOpen(before)) return false;
  // In a flow collection a ":" makes a key even without a space after it ("[a b:]", "[\"a b\":c]").
  if (/[[{]/.test(before) && after.includes(":")) return false;
  return !/:(?:[\s,[\]{}]|$)|\s#/.test(after);
}

/**
 * Past this many edits the line proofs would cost more than one parse of the edited file: each reads its whole
 * line, so a line of n special spaces would cost n × n.
 */
const MAX_LINE_PROOFS = 64;
/** Past this many lines proved only in the whole file, they are not proved one by one: they share one fix. */
const MAX_ALONE_PROOFS = 16;

/** Whether every edit of the irregular-space fix is proved safe on its own line (spaceOnlyInText). */
export function spaceOnlyInLines(text: string, edits: readonly TextEdit[]): boolean {
  if (edits.length > MAX_LINE_PROOFS) return false;
  return (
    !mayHaveKeysOverLines(text) &&
    edits.every((edit) => spaceOnlyInText(text, edit.start)) &&
    keepsStrings(text, edits)
  );
}

function reportIrregular(context: RuleContext): void {
  const { text } = context;
  if (!ANY_IRREGULAR.test(text)) return;
  const lines: Array<{ start: number; end: number; edits: TextEdit[]; names: Set<string> }> = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const edits: TextEdit[] = [];
    const names = new Set<string>();
    for (const match of line.matchAll(IRREGULAR_SPACE)) {
      edits.push({ start: lineStart + match.index, end: lineStart + match.index + 1, text: " " });
      names.add(
        match[0] === "\u00a0"
          ? "NBSP (U+00A0)"
          : `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
      );
    }
    for (const match of line.matchAll(INVISIBLE)) {
      if (lineStart + match.index === 0) continue;
      edits.push({ start: lineStart + match.index, end: lineStart + match.index + 1, text: "" });
      names.add(`U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    }
    if (edits.length) lines.push({ start: lineStart, end: lineStart + line.length, edits, names });
    lineStart += line.length + 1;
  }
  // A line whose edits are proved on the line stands alone: its fix can be applied with or without the others.
  // The other lines are proved by parsing the file edited and comparing it with the context's data (the file
  // as parsed): all of them together first; then, when there are several, each alone, since applying only some
  // of them (a directive silences one, another rule's fix overlaps one) was not proved by the first proof (an
  // anchor renamed without its alias, one line of a folded block scalar). Those proved only together share one
  // fix: each of their findings carries it, and --fix drops it when a directive silences one of them.
  const onLines =
    !mayHaveKeysOverLines(text) &&
    lines.reduce((count, line) => count + line.edits.length, 0) <= MAX_LINE_PROOFS;
  const proved = lines.map(
    (line) =>
      onLines &&
      line.edits.every((edit) => spaceOnlyInText(text, edit.start)) &&
      keepsStrings(text, line.edits),
  );
  const provesInFile = (edits: readonly TextEdit[]) =>
    normalizedData(applyEdits(text, edits)) === normalized(context.position);
  const together = lines.flatMap((_line, index) => (proved[index] ? [] : [index]));
  let shared: Fix | undefined;
  if (together.length && provesInFile(together.flatMap((index) => lines[index]!.edits))) {
    const alone =
      together.length === 1
        ? together
        : together.length <= MAX_ALONE_PROOFS
          ? together.filter((index) => provesInFile(lines[index]!.edits))
          : [];
    for (const index of alone) proved[index] = true;
    const rest = together.filter((index) => !proved[index]);
    const restEdits = rest.flatMap((index) => lines[index]!.edits);
    if (rest.length > 1 && (rest.length === together.length || provesInFile(restEdits)))
      shared = { description: "→ space", edits: restEdits };
  }
  lines.forEach((line, index) => {
    const fix: Fix | undefined = proved[index] ? { description: "→ space", edits: line.edits } : shared;
    context.report({
      messageId: "irregular",
      data: { chars: [...line.names].join(", ") },
      path: [],
      offsets: { start: line.edits[0]!.start, end: line.edits.at(-1)!.end },
      fix,
    });
  });
}

/**
 * Text converted from Word or HTML brings non-breaking spaces, zero-width characters, doubled spaces and
 * spaces at the ends of quoted strings. They are invisible on paper but make two equal texts differ (the
 * duplicate and catalogue checks, search, diff). All are fixed safely: the fix is checked to change
 * nothing but the spaces.
 */
export const whitespace: Rule = {
  id: "whitespace",
  meta: {
    description: {
      vi: "Không có dấu cách đặc biệt (NBSP, ký tự rộng bằng 0), dấu cách thừa hai đầu, hai dấu cách liền nhau hay ký tự Tab trong văn bản.",
      en: "No special spaces (NBSP, zero-width characters), spaces at either end, double spaces or tabs in the text.",
    },
    severity: "warning",
    regimes: "all",
    category: "text",
    source: "Chất lượng văn bản; các văn bản gốc có 95 dòng NBSP và nhiều dấu cách thừa (GUIDE.md §g)",
    fixable: true,
    messages: {
      irregular: {
        vi: "Dòng có dấu cách đặc biệt {chars}; dùng dấu cách thường.",
        en: "The line has special spaces {chars}; use ordinary spaces.",
      },
      stray: {
        vi: "Dấu cách thừa (ở hai đầu, hai dấu cách liền nhau, hoặc Tab; đánh dấu ·, →): “{text}”.",
        en: "Stray whitespace (at either end, doubled, or a tab; marked ·, →): “{text}”.",
      },
    },
  },
  check(context) {
    reportIrregular(context);
    for (const entry of textEntries(context.position)) {
      if (!hasStraySpace(entry)) continue;
      const expected = tidy(entry.text);
      let fix: Fix | undefined;
      const { start, end } = nodeOffsets(context.text, entry.path);
      const raw = context.text.slice(start, end);
      if (!raw.includes("\n") && raw.length > 0) {
        const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : "";
        const inner = quote ? raw.slice(1, -1) : raw;
        const edits: TextEdit[] = [{ start, end, text: `${quote}${tidy(inner)}${quote}` }];
        if (editsProduce(context.text, edits, entry.path, expected))
          fix = { description: "→ tidy spaces", edits };
      }
      context.report({ messageId: "stray", data: { text: shown(entry.text) }, path: entry.path, fix });
    }
  },
};
