import { isNfc } from "../../util/nfc.js";
import type { Rule } from "../types.js";

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
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf("\n", lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const normalized = line.normalize("NFC");
      if (normalized !== line) {
        context.report({
          messageId: "notNfc",
          path: [],
          offsets: { start: lineStart, end: lineEnd },
          fix: {
            description: "NFC",
            edits: [{ start: lineStart, end: lineEnd, text: normalized }],
          },
        });
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
  },
};
