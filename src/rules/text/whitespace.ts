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

/** The data with every string's spaces made plain, as JSON: what the irregular-space fix must not change. */
export function normalized(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    typeof value === "string"
      ? value
          .replace(IRREGULAR_SPACE, " ")
          .replace(INVISIBLE, "")
          .replace(/[ \t]+/g, " ")
          .trim()
      : value,
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
  return text.split("\n").some(mayLeaveMappingOpen);
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
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  let lineEnd = text.indexOf("\n", at);
  if (lineEnd === -1) lineEnd = text.length;
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

/** Whether every edit of the irregular-space fix is proved safe on its own line (spaceOnlyInText). */
export function spaceOnlyInLines(text: string, edits: readonly TextEdit[]): boolean {
  if (edits.length > MAX_LINE_PROOFS) return false;
  return !mayHaveKeysOverLines(text) && edits.every((edit) => spaceOnlyInText(text, edit.start));
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
  const allEdits = lines.flatMap((line) => line.edits);
  // Proved on each edit's line where that is enough; otherwise the edited file is parsed and compared with the
  // context's data (the file as parsed).
  const safe =
    spaceOnlyInLines(text, allEdits) ||
    normalizedData(applyEdits(text, allEdits)) === normalized(context.position);
  for (const line of lines) {
    const fix: Fix | undefined = safe ? { description: "→ space", edits: line.edits } : undefined;
    context.report({
      messageId: "irregular",
      data: { chars: [...line.names].join(", ") },
      path: [],
      offsets: { start: line.edits[0]!.start, end: line.edits.at(-1)!.end },
      fix,
    });
  }
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
