/**
 * The layout registry: one folder per form under templates/layouts/, each with a layout.yaml that holds the
 * form's own wording (default title, header placeholders, requirement row labels, bullets, approval caption)
 * with its source, and the Handlebars templates that draw it. A new form is a new folder, not new code.
 */
import { existsSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { Localized } from "../i18n/index.js";
import { findForm } from "../model/forms.js";
import { allCompetencies, levelRange, textItems } from "../model/normalize.js";
import type { FormId, Position } from "../model/types.js";
import { templatesDir } from "../paths.js";

export const LAYOUTS_DIR = `${templatesDir}layouts/`;

export type RequirementKey =
  "education" | "training" | "knowledge" | "skills" | "experience" | "qualities" | "other";

export interface RequirementRowSpec {
  key: RequirementKey;
  label: string;
  /** Printed only when the file fills it (QĐ 4135 mẫu B leaves absent rows out). */
  optional?: boolean;
}

/** Checks a layout needs beyond the form's required sections before it can draw a file of another form. */
export type LayoutCheck = "integer-levels" | "task-career-levels";

export interface LayoutSpec {
  form: FormId;
  source: string;
  title: string;
  header: {
    motto: "quoc-hieu" | "dang" | "none";
    /** Lines printed on the left when the file names no agency, as the blank form does. */
    placeholders: string[];
    /** Where the appendix label ("PL1.1") goes when the file has one and no header code. */
    appendixLabelTopRight?: boolean;
  };
  /** Bullet added before each item of a list cell; none when the form numbers its items itself. */
  bullet?: string;
  /** The bullet also goes before a cell's only item (TT 02/2023 does so). */
  bulletSingle?: boolean;
  competencyNameBullet?: string;
  /** Group labels in italics (Ninh Bình 2026 prints "<i>Năng lực chung</i>"). */
  italicGroupLabels?: boolean;
  relationsMiddle: "coordinatesWith" | "manages";
  requirements: RequirementRowSpec[];
  competencyGroups: Record<"chung" | "chuyen-mon" | "quan-ly", string>;
  approval?: { caption: string; note?: string };
  checks?: LayoutCheck[];
}

const cache = new Map<string, LayoutSpec>();

export function layoutIds(): FormId[] {
  return [
    "tt-02-2023-vpcp",
    "qd-4135-btctw-a",
    "qd-4135-btctw-b",
    "hung-yen-pl1-1-2022",
    "ninh-binh-xa-2026",
    "qd-302-2025-ubnd",
    "nd-232-2026",
  ];
}

export function isLayoutId(id: string): id is FormId {
  return (layoutIds() as string[]).includes(id);
}

export function layoutSpec(id: FormId): LayoutSpec {
  let spec = cache.get(id);
  if (!spec) {
    const path = `${LAYOUTS_DIR}${id}/layout.yaml`;
    if (!existsSync(path)) throw new Error(`missing layout file ${path}`);
    spec = yaml.load(readFileSync(path, "utf8"), { schema: yaml.CORE_SCHEMA }) as LayoutSpec;
    if (spec.form !== id) throw new Error(`${path}: form is "${spec.form}", expected "${id}"`);
    cache.set(id, spec);
  }
  return spec;
}

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
    for (const item of allCompetencies(position)) {
      const range = levelRange(item.level);
      if (!range || range.min !== range.max) {
        missing.push({
          path: "/competencies",
          message: {
            vi: `năng lực "${item.name}" cần đúng một cấp độ (1–5) để đánh dấu X, đang là "${describeLevel(item.level)}"`,
            en: `competency "${item.name}" needs exactly one level (1–5) for its X mark, has "${describeLevel(item.level)}"`,
          },
        });
      }
    }
  }
  if (spec.checks?.includes("task-career-levels")) {
    const tasks = Array.isArray(position.tasks) ? position.tasks : [];
    const without = tasks.filter(
      (task) => task.careerLevel === undefined && !isBlank(task.work ?? task.area),
    );
    if (without.length) {
      missing.push({
        path: "/tasks",
        message: {
          vi: `${without.length} công việc chưa ghi bậc nghề nghiệp (\`careerLevel\`), ví dụ "${textItems(without[0]!.work ?? without[0]!.area)[0] ?? ""}"`,
          en: `${without.length} task(s) without a career level (\`careerLevel\`), e.g. "${textItems(without[0]!.work ?? without[0]!.area)[0] ?? ""}"`,
        },
      });
    }
  }
  return missing;
}

function describeLevel(level: unknown): string {
  if (level === null || level === undefined) return "";
  if (typeof level === "object") return Object.values(level as Record<string, unknown>).join("-");
  return String(level);
}
