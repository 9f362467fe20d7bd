import { textData } from "../data.js";
import { offsetsInScalar, scalarFix } from "../support/scalar.js";
import { perText } from "../support/memo.js";
import { isWordBoundary, textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

interface Typo {
  wrong: string;
  right: string;
}

/**
 * Each whole-word occurrence of a typo in the text, typo by typo: where it starts and which occurrence of the
 * typo's text it is (counting those inside longer words, as the fix finds them in the scalar's source).
 */
function typoHits(
  typos: readonly Typo[],
  text: string,
): Array<{ typo: Typo; at: number; occurrence: number }> {
  const hits: Array<{ typo: Typo; at: number; occurrence: number }> = [];
  for (const typo of typos) {
    let from = 0;
    let occurrence = 0;
    for (;;) {
      const at = text.indexOf(typo.wrong, from);
      if (at < 0) break;
      from = at + typo.wrong.length;
      occurrence++;
      if (isWordBoundary(text, at, from)) hits.push({ typo, at, occurrence });
    }
  }
  return hits;
}

const typosIn = perText((text) => typoHits(textData().typos, text));

/**
 * Typos found in the published documents ("xúc định", "dược giao", "Môi quan hệ", "MMTQ"), each with its
 * correction. The list is data; a correction is a safe fix because each entry is a whole phrase that has no
 * other reading.
 */
export const knownTypo: Rule = {
  id: "known-typo",
  meta: {
    description: {
      vi: "Không còn các lỗi chính tả đã biết của văn bản gốc (“xúc định”, “dược giao”, “Môi quan hệ” …).",
      en: "None of the known typos of the source documents (“xúc định”, “dược giao”, “Môi quan hệ” …).",
    },
    severity: "warning",
    regimes: "all",
    category: "text",
    optionsSchema: {
      type: "object",
      properties: {
        typos: {
          type: "array",
          items: {
            type: "object",
            properties: { wrong: { type: "string", minLength: 1 }, right: { type: "string" } },
            required: ["wrong", "right"],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    source: "Danh sách lỗi chính tả của các văn bản (data/rules/text.yaml `typos`, mỗi mục ghi dòng nguồn)",
    fixable: true,
    messages: {
      typo: {
        vi: "Lỗi chính tả: “{wrong}” → “{right}”.",
        en: "Typo: “{wrong}” → “{right}”.",
      },
    },
  },
  check(context) {
    const extra = Array.isArray(context.options.typos)
      ? (context.options.typos as unknown[]).filter(
          (entry): entry is { wrong: string; right: string } =>
            typeof entry === "object" &&
            entry !== null &&
            typeof (entry as { wrong?: unknown }).wrong === "string" &&
            (entry as { wrong: string }).wrong !== "" &&
            typeof (entry as { right?: unknown }).right === "string",
        )
      : [];
    for (const entry of textEntries(context.position)) {
      const hits = extra.length ? [...typosIn(entry), ...typoHits(extra, entry.text)] : typosIn(entry);
      for (const { typo, at, occurrence } of hits) {
        const corrected = entry.text.slice(0, at) + typo.right + entry.text.slice(at + typo.wrong.length);
        const replacements = Array.from({ length: occurrence }, (_, k): [string, string] =>
          k < occurrence - 1 ? [typo.wrong, typo.wrong] : [typo.wrong, typo.right],
        );
        context.report({
          messageId: "typo",
          data: { wrong: typo.wrong, right: typo.right },
          path: entry.path,
          offsets: offsetsInScalar(context.text, entry.path, typo.wrong, occurrence - 1),
          fix: scalarFix(context.text, entry.path, replacements, corrected, `${typo.wrong} → ${typo.right}`),
        });
      }
    }
  },
};
