import yaml from "js-yaml";
import type { Fix, TextEdit } from "../../lint/finding.js";
import { applyEdits } from "../../lint/fix.js";
import { isNfc } from "../../util/nfc.js";
import type { Rule } from "../types.js";

/** Past this many lines proved one by one (when the whole file's proof fails) the rest get no fix this pass. */
const MAX_LINE_PROOFS = 32;

/**
 * Whether `data` (the edited file, parsed) is `original` with some of its strings and keys in NFC and nothing
 * else changed: the same structure, the same other values, each string and key as it was or normalised.
 */
function onlyNormalized(original: unknown, data: unknown): boolean {
  if (typeof original === "string")
    return typeof data === "string" && (data === original || data === original.normalize("NFC"));
  if (Array.isArray(original))
    return (
      Array.isArray(data) &&
      data.length === original.length &&
      original.every((item, index) => onlyNormalized(item, data[index]))
    );
  if (original !== null && typeof original === "object") {
    if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
    const keys = Object.keys(original);
    const byNfc = new Map(Object.keys(data).map((key) => [key.normalize("NFC"), key]));
    // Two keys of the original with one NFC would be one key once normalised (js-yaml refuses that anyway).
    if (byNfc.size !== keys.length || new Set(keys.map((key) => key.normalize("NFC"))).size !== keys.length)
      return false;
    return keys.every((key) => {
      const other = byNfc.get(key.normalize("NFC"));
      return (
        other !== undefined &&
        (other === key || other === key.normalize("NFC")) &&
        onlyNormalized((original as Record<string, unknown>)[key], (data as Record<string, unknown>)[other])
      );
    });
  }
  return Object.is(original, data);
}

/** An anchor or alias whose name the line's normalisation changes: its meaning reaches other lines. */
const NODE_NAME = /[&*][^\s,[\]{}]*/g;
function renamesNode(line: string): boolean {
  for (const match of line.matchAll(NODE_NAME)) if (match[0] !== match[0].normalize("NFC")) return true;
  return false;
}

/**
 * Vietnamese text typed with some keyboards or pasted from old Word files arrives decomposed (NFD: "e" +
 * combining marks). It looks the same but breaks search, sorting and duplicate checks; NFC is the form
 * TCVN 6909:2001 and every source document use.
 */
export const unicodeNfc: Rule = {
  id: "unicode-nfc",
  meta: {
    description: {
      vi: "Văn bản phải ở dạng Unicode dựng sẵn (NFC).",
      en: "Text must be in Unicode composed form (NFC).",
    },
    severity: "error",
    regimes: "all",
    category: "text",
    source: "TCVN 6909:2001; Nghị định 30/2020/NĐ-CP, Phụ lục I (phông chữ Unicode theo TCVN 6909:2001)",
    fixable: true,
    messages: {
      notNfc: {
        vi: "Dòng này chứa chữ tiếng Việt ở dạng tổ hợp (NFD), không phải dạng dựng sẵn (NFC). Dùng --fix để chuẩn hoá.",
        en: "This line has Vietnamese text in decomposed form (NFD), not composed (NFC). Use --fix to normalise it.",
      },
    },
  },
  check(context) {
    const { text } = context;
    if (isNfc(text)) return;
    const lines: Array<{ edit: TextEdit; renames: boolean }> = [];
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf("\n", lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const normalized = line.normalize("NFC");
      if (normalized !== line)
        lines.push({
          edit: { start: lineStart, end: lineEnd, text: normalized },
          renames: renamesNode(line),
        });
      if (newline === -1) break;
      lineStart = newline + 1;
    }
    // The fix replaces whole lines, keys, anchors and comments included: it is proved by parsing the edited
    // file, which must hold the data with nothing changed but strings and keys put in NFC (two keys or anchors
    // becoming one, or a character normalising to a YAML indicator such as U+1FEF → "`", fail it).
    const proves = (edits: readonly TextEdit[]): boolean => {
      try {
        return onlyNormalized(
          context.position,
          yaml.load(applyEdits(text, edits), { schema: yaml.CORE_SCHEMA }),
        );
      } catch {
        return false;
      }
    };
    const fixes: Array<Fix | undefined> = [];
    if (proves(lines.map((line) => line.edit))) {
      // Proved together. A line that renames no anchor or alias changes only its own texts and keys, so it may
      // be applied alone; lines renaming anchors or aliases go together (one fix on each of their findings,
      // which --fix drops when a directive silences one of them).
      const renaming = lines.filter((line) => line.renames);
      const shared: Fix | undefined =
        renaming.length > 1 ? { description: "NFC", edits: renaming.map((line) => line.edit) } : undefined;
      for (const line of lines)
        fixes.push(line.renames && shared ? shared : { description: "NFC", edits: [line.edit] });
    } else {
      // Each line alone, as far as that stays cheap; a line that fails gets no fix.
      lines.forEach((line, index) =>
        fixes.push(
          index < MAX_LINE_PROOFS && proves([line.edit])
            ? { description: "NFC", edits: [line.edit] }
            : undefined,
        ),
      );
    }
    lines.forEach((line, index) =>
      context.report({
        messageId: "notNfc",
        path: [],
        offsets: { start: line.edit.start, end: line.edit.end },
        fix: fixes[index],
      }),
    );
  },
};
