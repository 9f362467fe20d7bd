import { formRules } from "../data.js";
import type { Rule } from "../types.js";

/**
 * A form that marks levels with an X in five columns ("Mức độ 1 … 5") explains the levels in a note under
 * the table. The PL1.1 note of Hưng Yên 2022 forgets level 1 ("cấp độ: Kém") and leaves a parenthesis open.
 */
export const levelLegend: Rule = {
  id: "level-legend",
  meta: {
    description: {
      vi: "Mẫu biểu đánh dấu X theo mức độ có ghi chú giải thích đủ năm cấp độ, viết đúng dấu ngoặc.",
      en: "A form that marks levels with an X has a note explaining all five levels, with balanced parentheses.",
    },
    severity: "warning",
    regimes: "all",
    category: "competency",
    source:
      "Mẫu PL1.1, Sở Nội vụ Hưng Yên (2022), ghi chú dưới bảng năng lực (003_bd0bbd630426eb45.txt L233)",
    messages: {
      missingLegend: {
        vi: "Thiếu ghi chú giải thích các cấp độ (`competencies.legend`) mà mẫu biểu {form} in dưới bảng năng lực.",
        en: "Missing the note explaining the levels (`competencies.legend`) that form {form} prints under the table.",
      },
      levelNotExplained: {
        vi: "Ghi chú không giải thích cấp độ {level}.",
        en: "The note does not explain level {level}.",
      },
      unbalanced: {
        vi: "Ghi chú có {open} dấu “(” nhưng {close} dấu “)”.",
        en: "The note has {open} “(” but {close} “)”.",
      },
    },
  },
  check(context) {
    if (!formRules(context.form.id)?.legend) return;
    const competencies = context.position.competencies;
    if (!competencies) return;
    const legend = competencies.legend;
    if (!legend?.trim()) {
      context.report({
        messageId: "missingLegend",
        data: { form: context.form.id },
        path: ["competencies"],
        key: true,
      });
      return;
    }
    for (let level = 1; level <= 5; level++) {
      const explained = new RegExp(
        `(?:cấp độ|mức độ|mức|cấp)\\s*${level}(?!\\d)|(?<![\\d.])${level}\\s*[:=]`,
        "iu",
      );
      if (!explained.test(legend))
        context.report({ messageId: "levelNotExplained", data: { level }, path: ["competencies", "legend"] });
    }
    const open = (legend.match(/\(/g) ?? []).length;
    const close = (legend.match(/\)/g) ?? []).length;
    if (open !== close)
      context.report({ messageId: "unbalanced", data: { open, close }, path: ["competencies", "legend"] });
  },
};
