import type { Rule } from "../types.js";

/**
 * Every competency has a required level. TT 02/2023 leaves "Sử dụng công nghệ thông tin" empty in all twelve
 * descriptions (probably a cell merged with the foreign-language text above it); the leaders of QĐ 4135 print
 * one reference text for the whole professional group, which covers the empty cells beside it.
 */
export const competencyLevelMissing: Rule = {
  id: "competency-level-missing",
  meta: {
    description: {
      vi: "Mỗi năng lực có cấp độ yêu cầu (hoặc yêu cầu bằng lời, hoặc tham chiếu).",
      en: "Every competency has a required level (or a requirement in words, or a reference).",
    },
    severity: "warning",
    regimes: "all",
    category: "competency",
    source:
      "Khung năng lực của các mẫu biểu: cột “Cấp độ” (GUIDE.md §c); 000_a7696d64b2f94493.txt L357 (ô trống ở cả 12 bản mô tả)",
    messages: {
      missingLevel: {
        vi: "Năng lực “{name}” chưa có cấp độ.",
        en: "Competency “{name}” has no level.",
      },
    },
  },
  check(context) {
    (context.position.competencies?.groups ?? []).forEach((group, groupIndex) => {
      const coveredByReference = group.items.some(
        (item) => item.level !== null && typeof item.level === "object" && "ref" in item.level,
      );
      if (coveredByReference) return;
      group.items.forEach((item, itemIndex) => {
        if (item.level !== null && item.level !== undefined && item.level !== "") return;
        context.report({
          messageId: "missingLevel",
          data: { name: item.name },
          path: ["competencies", "groups", groupIndex, "items", itemIndex],
        });
      });
    });
  },
};
