import { requirementLabel } from "../../model/normalize.js";
import { didYouMean } from "../../util/similar.js";
import { formRules, formRulesData, type RequirementRow } from "../data.js";
import type { Rule } from "../types.js";
import { withoutTrailing } from "../support/text.js";

const fold = (text: string): string =>
  withoutTrailing(text.normalize("NFC").replace(/\s+/g, " "), /[\s:]/u).trim().toLowerCase();

/**
 * Table 5.1 ("Nhóm yêu cầu | Yêu cầu cụ thể") has fixed rows: trình độ đào tạo; bồi dưỡng, chứng chỉ; kinh
 * nghiệm; phẩm chất cá nhân; các yêu cầu khác. A missing row is a requirement nobody stated; a row printed under
 * another label ("Chất lượng cá nhân") is a slip of the source.
 */
export const requirementRows: Rule = {
  id: "requirement-rows",
  meta: {
    description: {
      vi: "Bảng yêu cầu về trình độ có đủ các dòng của mẫu biểu, với nhãn đúng.",
      en: "The requirements table has every row of the form, with the right labels.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Mẫu biểu, mục 5.1 (GUIDE.md §c); Thông tư 07/2023/TT-BCT Điều 5 khoản 2a (năm dòng yêu cầu); NĐ 232/2026/NĐ-CP Phụ lục IV mục IX",
    messages: {
      missingRow: {
        vi: "Bảng yêu cầu thiếu dòng “{label}” (`requirements.{row}`).",
        en: "The requirements table lacks the row “{label}” (`requirements.{row}`).",
      },
      unknownLabel: {
        vi: "Nhãn dòng “{actual}” không phải nhãn của dòng này; mẫu biểu ghi “{expected}”.",
        en: "Row label “{actual}” is not a label of this row; the form prints “{expected}”.",
      },
    },
  },
  check(context) {
    const rules = formRules(context.form.id);
    const requirements = context.position.requirements;
    if (!rules || !requirements) return;
    const vocabulary = formRulesData().requirementLabels;
    for (const row of rules.requirementRows) {
      if (requirements[row] !== undefined) continue;
      context.report({
        messageId: "missingRow",
        data: { label: vocabulary[row][0]!, row },
        path: ["requirements"],
        key: true,
      });
    }
    for (const row of Object.keys(vocabulary) as RequirementRow[]) {
      const label = requirementLabel(requirements[row]);
      if (!label) continue;
      const labels = vocabulary[row];
      if (labels.some((known) => fold(known) === fold(label))) continue;
      const expected = didYouMean(label, labels) ?? labels[0]!;
      context.report({
        messageId: "unknownLabel",
        data: { actual: label, expected },
        path: ["requirements", row, "label"],
        suggestions: [expected],
      });
    }
  },
};
