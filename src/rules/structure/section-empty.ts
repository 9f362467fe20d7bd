import type { PathSegment } from "../../lint/finding.js";
import type { Position } from "../../model/types.js";
import { isBlank } from "../support/text.js";
import type { Rule } from "../types.js";

interface Section {
  key: keyof Position;
  label: string;
  empty(value: unknown): boolean;
}

const blankObject = (value: unknown): boolean =>
  value !== null &&
  typeof value === "object" &&
  !Array.isArray(value) &&
  Object.values(value).every(isBlankDeep);

function isBlankDeep(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string" || Array.isArray(value)) {
    if (Array.isArray(value) && value.some((item) => typeof item === "object" && item !== null))
      return value.every(isBlankDeep);
    return isBlank(value);
  }
  if (typeof value === "object") return Object.values(value).every(isBlankDeep);
  return false;
}

const SECTIONS: Section[] = [
  { key: "objective", label: "Mục tiêu vị trí việc làm", empty: isBlank },
  {
    key: "tasks",
    label: "Các công việc và tiêu chí đánh giá",
    empty: (value) => Array.isArray(value) && value.every(isBlankDeep),
  },
  { key: "relations", label: "Các mối quan hệ công việc", empty: blankObject },
  {
    key: "authority",
    label: "Phạm vi quyền hạn",
    empty: (value) => Array.isArray(value) && value.every(isBlankDeep),
  },
  { key: "workingConditions", label: "Điều kiện làm việc", empty: blankObject },
  { key: "requirements", label: "Yêu cầu về trình độ", empty: blankObject },
];

/**
 * A section that is present but says nothing is a form not filled in: the schema accepts `objective: ""` or
 * `tasks: []`, the circulars do not.
 */
export const sectionEmpty: Rule = {
  id: "section-empty",
  meta: {
    description: {
      vi: "Một mục có mặt thì phải có nội dung (mục tiêu, công việc, quan hệ, quyền hạn, yêu cầu, năng lực).",
      en: "A section that is present must have content (objective, tasks, relations, authority, requirements, competencies).",
    },
    severity: "error",
    regimes: "all",
    category: "structure",
    source: "Mẫu biểu của từng văn bản (GUIDE.md §c): mỗi mục của bản mô tả đều phải được điền",
    messages: {
      emptySection: {
        vi: "Mục “{section}” để trống. Hãy điền nội dung, hoặc bỏ khóa `{key}` nếu mẫu biểu không có mục này.",
        en: "Section “{section}” is empty. Fill it in, or drop `{key}` if the form has no such section.",
      },
      emptyGroup: {
        vi: "Nhóm năng lực “{group}” không có năng lực nào.",
        en: "Competency group “{group}” has no competencies.",
      },
    },
  },
  check(context) {
    const position = context.position as unknown as Record<string, unknown>;
    for (const section of SECTIONS) {
      const value = position[section.key];
      if (value === undefined || value === null) continue;
      if (section.empty(value))
        context.report({
          messageId: "emptySection",
          data: { section: section.label, key: section.key },
          path: [section.key],
          key: true,
        });
    }
    const competencies = context.position.competencies;
    if (!competencies) return;
    if (!competencies.groups.length && !competencies.professionalByLevel?.length) {
      context.report({
        messageId: "emptySection",
        data: { section: "Các năng lực", key: "competencies" },
        path: ["competencies"],
      });
      return;
    }
    competencies.groups.forEach((group, index) => {
      if (group.items.length) return;
      const path: PathSegment[] = ["competencies", "groups", index, "items"];
      context.report({ messageId: "emptyGroup", data: { group: group.label ?? group.group }, path });
    });
  },
};
