/**
 * The layout registry: one folder per form under templates/layouts/, each with a layout.yaml that holds the
 * form's own wording (title, headings, column headings, header placeholders, requirement row labels, bullets,
 * approval caption) with its source (read by ./layout-spec.ts), and the Handlebars templates that draw it. A
 * new form is a new folder, not new code. This module adds what a file lacks to be drawn in a layout.
 */
import type { Localized } from "../i18n/index.js";
import { findForm } from "../model/forms.js";
import { asArray, isRecord, scalar, textList } from "../model/loose.js";
import { levelRange } from "../model/normalize.js";
import type { FormId, Level, Position } from "../model/types.js";
import { layoutSpec } from "./layout-spec.js";

export {
  isLayoutId,
  layoutIds,
  layoutSpec,
  LAYOUTS_DIR,
  type LayoutCheck,
  type LayoutSpec,
  type RequirementKey,
  type RequirementRowSpec,
} from "./layout-spec.js";

export interface MissingField {
  path: string;
  message: Localized;
}

const FIELD_TITLES: Record<string, Localized> = {
  title: { vi: "Tên loại văn bản", en: "document title" },
  name: { vi: "Tên vị trí việc làm", en: "position name" },
  objective: { vi: "Mục tiêu vị trí việc làm", en: "objective" },
  tasks: { vi: "Các công việc và tiêu chí đánh giá", en: "tasks" },
  relations: { vi: "Các mối quan hệ công việc", en: "relations" },
  authority: { vi: "Phạm vi quyền hạn", en: "authority" },
  workingConditions: { vi: "Điều kiện làm việc", en: "working conditions" },
  requirements: { vi: "Yêu cầu về trình độ", en: "requirements" },
  competencies: { vi: "Các năng lực", en: "competencies" },
  category: { vi: "Nhóm vị trí việc làm", en: "position group" },
  careerLevels: { vi: "Bậc nghề nghiệp được sử dụng", en: "career levels used" },
};

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/**
 * What a file lacks to be drawn in a layout: the sections its form requires (the layout supplies a title
 * of its own) and the layout's own needs, such as one whole level per competency for an X matrix.
 */
export function missingForLayout(position: Position, layout: FormId): MissingField[] {
  const form = findForm(layout);
  const spec = layoutSpec(layout);
  const missing: MissingField[] = [];
  const data = position as unknown as Record<string, unknown>;
  for (const section of form?.requiredSections ?? []) {
    if (section === "title") continue;
    if (isBlank(data[section])) {
      const title = FIELD_TITLES[section] ?? { vi: section, en: section };
      missing.push({
        path: `/${section}`,
        message: { vi: `thiếu ${title.vi} (\`${section}\`)`, en: `missing ${title.en} (\`${section}\`)` },
      });
    }
  }
  if (spec.checks?.includes("integer-levels")) {
    const groups = isRecord(position.competencies) ? asArray<unknown>(position.competencies.groups) : [];
    const items = groups.filter(isRecord).flatMap((group) => asArray<unknown>(group.items).filter(isRecord));
    for (const item of items) {
      const range = levelRange(item.level as Level);
      if (!range || range.min !== range.max) {
        missing.push({
          path: "/competencies",
          message: {
            vi: `năng lực "${scalar(item.name)}" cần đúng một cấp độ (1–5) để đánh dấu X, đang là "${describeLevel(item.level)}"`,
            en: `competency "${scalar(item.name)}" needs exactly one level (1–5) for its X mark, has "${describeLevel(item.level)}"`,
          },
        });
      }
    }
  }
  if (spec.checks?.includes("task-career-levels")) {
    const tasks = asArray<unknown>(position.tasks).filter(isRecord);
    const without = tasks.filter(
      (task) => task.careerLevel === undefined && !isBlank(task.work ?? task.area),
    );
    if (without.length) {
      missing.push({
        path: "/tasks",
        message: {
          vi: `${without.length} công việc chưa ghi bậc nghề nghiệp (\`careerLevel\`), ví dụ "${textList(without[0]!.work ?? without[0]!.area)[0] ?? ""}"`,
          en: `${without.length} task(s) without a career level (\`careerLevel\`), e.g. "${textList(without[0]!.work ?? without[0]!.area)[0] ?? ""}"`,
        },
      });
    }
  }
  return missing;
}

function describeLevel(level: unknown): string {
  if (level === null || level === undefined) return "";
  if (typeof level === "object")
    return Object.values(level as Record<string, unknown>)
      .map(scalar)
      .join("-");
  return scalar(level);
}
