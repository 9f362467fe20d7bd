import type { PathSegment } from "../../lint/finding.js";
import { formRules } from "../data.js";
import type { Rule } from "../types.js";

const PART_LABELS: Record<string, { vi: string; en: string }> = {
  "relations.internal": { vi: "Bên trong (3.1)", en: "internal relations (3.1)" },
  "relations.external": { vi: "Bên ngoài (3.2)", en: "external relations (3.2)" },
};

/**
 * The JSON Schema requires a form's top-level sections; the parts inside them (3.1 and 3.2 of the relations
 * table) are the form's too, and the schema cannot require them without rejecting every partial draft.
 */
export const sectionRequired: Rule = {
  id: "section-required",
  meta: {
    description: {
      vi: "Các phần con mà mẫu biểu có (3.1 Bên trong, 3.2 Bên ngoài) phải có mặt.",
      en: "The sub-parts the form has (3.1 internal, 3.2 external relations) must be present.",
    },
    severity: "error",
    regimes: "all",
    category: "structure",
    source:
      "Mẫu biểu của từng văn bản (data/rules/forms.yaml `parts`; GUIDE.md §c); TT 07/2023/TT-BCT Điều 5",
    messages: {
      missingPart: {
        vi: "Thiếu phần “{part}” của mục {section}: mẫu biểu {form} có phần này.",
        en: "Missing “{part}” in {section}: form {form} has this part.",
      },
    },
  },
  check(context) {
    const rules = formRules(context.form.id);
    if (!rules) return;
    for (const part of rules.parts) {
      const segments = part.split(".");
      if (segments.length < 2) continue;
      let parent: unknown = context.position;
      const parentPath: PathSegment[] = [];
      for (const segment of segments.slice(0, -1)) {
        parent = (parent as Record<string, unknown> | undefined)?.[segment];
        parentPath.push(segment);
      }
      if (parent === null || typeof parent !== "object") continue;
      const value = (parent as Record<string, unknown>)[segments.at(-1)!];
      if (value !== undefined && value !== null) continue;
      const label = PART_LABELS[part] ?? { vi: part, en: part };
      context.report({
        messageId: "missingPart",
        data: { part: label.vi, section: parentPath.join("."), form: context.form.id },
        path: parentPath,
        key: true,
      });
    }
  },
};
