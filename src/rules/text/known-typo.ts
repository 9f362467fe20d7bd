import { textData } from "../data.js";
import { offsetsInScalar, scalarFix } from "../support/scalar.js";
import { isWordBoundary, joinedText, textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

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
    const all = joinedText(context.position);
    const typos = [...textData().typos, ...extra].filter((typo) => all.includes(typo.wrong));
    for (const entry of textEntries(context.position)) {
      for (const typo of typos) {
        let from = 0;
        let occurrence = 0;
        for (;;) {
          const at = entry.text.indexOf(typo.wrong, from);
          if (at < 0) break;
          from = at + typo.wrong.length;
          occurrence++;
          if (!isWordBoundary(entry.text, at, from)) continue;
          const corrected = entry.text.slice(0, at) + typo.right + entry.text.slice(from);
          const replacements = Array.from({ length: occurrence }, (_, k): [string, string] =>
            k < occurrence - 1 ? [typo.wrong, typo.wrong] : [typo.wrong, typo.right],
          );
          context.report({
            messageId: "typo",
            data: typo,
            path: entry.path,
            offsets: offsetsInScalar(context.text, entry.path, typo.wrong, occurrence - 1),
            fix: scalarFix(
              context.text,
              entry.path,
              replacements,
              corrected,
              `${typo.wrong} → ${typo.right}`,
            ),
          });
        }
      }
    }
  },
};
