import { formRules } from "../data.js";
import { isBlank } from "../support/text.js";
import type { Rule } from "../types.js";

const LABELS = {
  code: "Mã vị trí việc làm",
  startDate: "Ngày bắt đầu thực hiện",
  workplace: "Địa điểm làm việc",
} as const;

/**
 * The model descriptions leave "Mã vị trí việc làm", "Ngày bắt đầu thực hiện" and "Địa điểm làm việc" blank
 * for the agency (GUIDE.md §a); an agency's own description must fill them. A warning, so a description
 * scaffolded from a model lints without errors and `--max-warnings 0` keeps it out until it is filled.
 */
export const idFieldsFilled: Rule = {
  id: "id-fields-filled",
  meta: {
    description: {
      vi: "Các ô nhận diện mà mẫu biểu có (mã vị trí, ngày bắt đầu thực hiện, địa điểm làm việc) đã được điền.",
      en: "The identification fields the form has (position code, start date, workplace) are filled in.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    optionsSchema: {
      type: "object",
      properties: { fields: { type: "array", items: { enum: Object.keys(LABELS) } } },
      additionalProperties: false,
    },
    source:
      "Mẫu biểu, bảng nhận diện (GUIDE.md §c); các mẫu của thông tư để trống để cơ quan điền (000_a7696d64b2f94493.txt L169, L172, L175)",
    messages: {
      fieldBlank: {
        vi: "Chưa điền “{label}” (`{key}`): mẫu để trống để cơ quan sử dụng điền.",
        en: "“{label}” (`{key}`) is not filled in: the model leaves it for the employing agency.",
      },
    },
  },
  check(context) {
    const configured = Array.isArray(context.options.fields)
      ? context.options.fields.filter(
          (field): field is keyof typeof LABELS => typeof field === "string" && field in LABELS,
        )
      : undefined;
    const fields = configured ?? formRules(context.form.id)?.idFields ?? [];
    const position = context.position as unknown as Record<string, unknown>;
    for (const key of fields) {
      const value = position[key];
      if (!isBlank(value)) continue;
      context.report({
        messageId: "fieldBlank",
        data: { label: LABELS[key], key },
        path: value === undefined ? [] : [key],
      });
    }
  },
};
