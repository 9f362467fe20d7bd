import { dataRegExp, textData } from "../data.js";
import { offsetsInScalar } from "../support/scalar.js";
import { perText } from "../support/memo.js";
import { textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

interface Signatures {
  /** Any character that can start a suspicion, for a fast first test of a whole text. */
  any: RegExp;
  chars: Set<string>;
  innerOnly: Set<string>;
  tcvn3: Set<string>;
}

let signatures: Signatures | undefined;

function getSignatures(): Signatures {
  if (!signatures) {
    const data = textData().legacyEncoding;
    const escape = (chars: string): string => chars.replace(/[\\\]^-]/g, "\\$&");
    signatures = {
      any: new RegExp(`[${escape(data.signatureChars + data.innerOnlyChars)}]|${data.vniPairs}`, "u"),
      chars: new Set(data.signatureChars),
      innerOnly: new Set(data.innerOnlyChars),
      tcvn3: new Set(data.tcvn3Hints),
    };
  }
  return signatures;
}

const LETTER = /\p{L}/u;

/** The first word of `text` that looks like Vietnamese typed in TCVN3 or VNI and read as Windows-1252. */
export function mojibakeWord(text: string): { word: string; encoding: "TCVN3" | "VNI" } | undefined {
  const { any, chars, innerOnly, tcvn3 } = getSignatures();
  if (!any.test(text)) return undefined;
  for (const match of text.matchAll(/[^\s.,;:!?()"'“”/\\[\]{}]+/gu)) {
    const word = match[0];
    let suspicious = false;
    for (let i = 0; i < word.length && !suspicious; i++) {
      const char = word[i]!;
      const before = word[i - 1] ?? "";
      const after = word[i + 1] ?? "";
      if (chars.has(char)) suspicious = LETTER.test(before) || LETTER.test(after);
      else if (innerOnly.has(char)) suspicious = LETTER.test(before) && LETTER.test(after);
    }
    if (!suspicious && dataRegExp(textData().legacyEncoding.vniPairs, "u").test(word) && /[a-z]/i.test(word))
      return { word, encoding: "VNI" };
    if (suspicious) return { word, encoding: [...word].some((char) => tcvn3.has(char)) ? "TCVN3" : "VNI" };
  }
  return undefined;
}

const mojibakeIn = perText((text) => mojibakeWord(text) ?? null);

/**
 * Vietnamese typed with a TCVN3 (ABC) or VNI font and pasted as Unicode comes out as "Chuyªn viªn" or
 * "Chuyeân vieân": readable by nobody, and invisible to search. NĐ 30/2020 requires Unicode (TCVN 6909:2001).
 */
export const legacyEncoding: Rule = {
  id: "legacy-encoding",
  meta: {
    description: {
      vi: "Văn bản không chứa chữ gõ bằng bảng mã cũ (TCVN3/ABC, VNI) bị hiển thị sai, như “Chuyªn viªn”.",
      en: "The text contains no Vietnamese typed in a legacy encoding (TCVN3/ABC, VNI) and shown garbled, such as “Chuyªn viªn”.",
    },
    severity: "error",
    regimes: "all",
    category: "text",
    source:
      "Nghị định 30/2020/NĐ-CP Phụ lục I (phông chữ Unicode theo TCVN 6909:2001); TCVN 5712:1993 (TCVN3)",
    messages: {
      mojibake: {
        vi: "“{word}” có vẻ là chữ gõ bằng bảng mã {encoding} bị hiển thị sai. Hãy chuyển mã văn bản gốc sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi chép lại.",
        en: "“{word}” looks like Vietnamese typed in {encoding} and shown garbled. Convert the source to Unicode (e.g. Unikey's converter) and copy it again.",
      },
    },
  },
  check(context) {
    for (const entry of textEntries(context.position)) {
      const found = mojibakeIn(entry);
      if (!found) continue;
      context.report({
        messageId: "mojibake",
        data: found,
        path: entry.path,
        offsets: offsetsInScalar(context.text, entry.path, found.word),
      });
    }
  },
};
