/**
 * The words `vtvl import` recognises: section headings, table column labels, requirement row labels and
 * competency groups, with the variants the published documents print (GUIDE §c, §d.5, §g). Matching is by
 * keyword on lowercased text, so numbering styles ("1-", "1.", "I."), capitals and small wording changes
 * ("Môi quan hệ") still land in the right place.
 */
import type { CompetencyGroup, FormId, Position } from "../model/types.js";
import { standardHeadings as layoutHeadings } from "../render/layout-spec.js";

export type SectionKey = keyof NonNullable<Position["headings"]>;
export type { RequirementKey } from "../model/normalize.js";
import type { RequirementKey } from "../model/normalize.js";

export function lower(text: string): string {
  return text.toLocaleLowerCase("vi").replace(/\s+/gu, " ").trim();
}

export interface Heading {
  /** "1", "3.1", "V", "a" as printed. */
  number: string;
  /** The text after the number. */
  body: string;
  /** Roman numerals and plain numbers are top-level unless the outline makes them nested. */
  kind: "roman" | "number" | "dotted" | "letter";
}

const HEADING =
  /^(?<number>[IVX]+|\d+(?:\.\d+)*|[a-zđ])(?:\s*(?<sep>\.\s*-|[-.)])|(?<=\d\.\d+)(?=\s))\s*(?<body>\S.*)$/u;

/** Splits "3.1- Bên trong" into number and text; undefined for a line that is no numbered heading. */
export function splitHeading(text: string): Heading | undefined {
  const match = HEADING.exec(text.trim());
  if (!match?.groups) return undefined;
  const number = match.groups.number!;
  const kind = /^[IVX]+$/u.test(number)
    ? "roman"
    : /^\d+$/u.test(number)
      ? "number"
      : /^\d/u.test(number)
        ? "dotted"
        : "letter";
  if (kind === "roman" && match.groups.sep !== ".") return undefined;
  if (kind === "letter" && match.groups.sep !== ")") return undefined;
  return { number, body: match.groups.body!, kind };
}

export type HeadingKey = SectionKey | "competencyGroup" | "generalInfo";

/**
 * What a heading's text announces. `nested` is true for "3.1-" style numbers and for plain numbers under a
 * Roman heading (Hưng Yên's "1. Yêu cầu về trình độ" under "V."), where "năng lực" means the competency table.
 */
export function headingKey(body: string, nested: boolean): HeadingKey | undefined {
  const text = lower(body).replace(/:$/u, "");
  if (/^(các mối quan hệ )?bên trong(?![\p{L}\p{N}])/u.test(text)) return "relationsInternal";
  if (/^(các mối quan hệ )?bên ngoài(?![\p{L}\p{N}])/u.test(text)) return "relationsExternal";
  if (/^năng lực (chung|chuyên môn|quản lý)(?![\p{L}\p{N}])/u.test(text)) return "competencyGroup";
  if (/^mục tiêu(?![\p{L}\p{N}])/u.test(text)) return "objective";
  if (
    /^(các )?(nhiệm vụ, )?(các )?công việc(?![\p{L}\p{N}]).{0,60}(tiêu chí|kết quả|sản phẩm)/u.test(text) &&
    text.length < 90
  )
    return "tasks";
  if (/^(các )?m[ốôo]i quan hệ(?![\p{L}\p{N}])/u.test(text) && text.length < 60) return "relations";
  if (/^phạm vi,? quyền hạn(?![\p{L}\p{N}])/u.test(text)) return "authority";
  if (/^điều kiện làm việc(?![\p{L}\p{N}])/u.test(text)) return "workingConditions";
  if (/^thông tin chung$/u.test(text)) return "generalInfo";
  if (/^(khung năng lực|(các )?năng lực)$/u.test(text)) return "competencies";
  if (/^(các )?yêu cầu(?![\p{L}\p{N}])/u.test(text) && text.length < 90) {
    if (nested)
      return /năng lực/u.test(text) && !/trình độ/u.test(text) ? "competencies" : "requirementsQualification";
    if (/trình độ|phẩm chất|kinh nghiệm/u.test(text)) return "requirements";
    return /năng lực/u.test(text) ? "competencies" : "requirements";
  }
  return undefined;
}

/** A paragraph that is a section heading of some form (used to tell headings from text cut out of a cell). */
export function looksLikeHeading(text: string): boolean {
  const heading = splitHeading(text);
  return (
    heading !== undefined &&
    headingKey(heading.body, heading.kind !== "roman" && heading.kind !== "number") !== undefined
  );
}

// ------------------------------------------------------------------------------------------ identification

export type IdentificationKey =
  | "name"
  | "code"
  | "startDate"
  | "workplace"
  | "relatedProcedures"
  | "grade"
  | "careerLevels"
  | "field"
  | "managementLevel"
  | "relatedPositions"
  | "headcount"
  | "category";

/** The fields, as labels or as numbered lines of NĐ 232/2026's "I. THÔNG TIN CHUNG" ("1. Tên vị trí việc làm: …"). */
export const IDENTIFICATION_LABELS: Array<[IdentificationKey, RegExp]> = [
  ["name", /^(?:\d+\.\s*)?Tên (?:VTVL|vị trí việc làm)\s*:?/iu],
  ["code", /^(?:\d+\.\s*)?Mã vị trí việc làm\s*:?/iu],
  ["startDate", /^(?:\d+\.\s*)?Ngày bắt đầu thực hiện\s*:?/iu],
  ["workplace", /^(?:\d+\.\s*)?Địa điểm làm việc\s*:?/iu],
  ["relatedProcedures", /^(?:\d+\.\s*)?Quy trình công việc liên quan\s*:?/iu],
  ["grade", /^(?:\d+\.\s*)?(?:Ngạch công chức tương ứng|Tương ứng ngạch công chức)\s*:?/iu],
  ["careerLevels", /^(?:\d+\.\s*)?Bậc nghề nghiệp được sử dụng[^:]*:/iu],
  ["field", /^(?:\d+\.\s*)?Lĩnh vực hoạt động\s*:/iu],
  ["managementLevel", /^(?:\d+\.\s*)?Cấp quản lý\s*:/iu],
  ["relatedPositions", /^(?:\d+\.\s*)?Vị trí việc làm liên quan\s*:/iu],
  ["headcount", /^(?:\d+\.\s*)?Số lượng người đảm nhiệm[^:]*:/iu],
  ["category", /^(?:\d+\.\s*)?Nhóm vị trí việc làm\s*:/iu],
];

// ----------------------------------------------------------------------------------------------- tables

export type TableKind =
  | "header"
  | "identification"
  | "objective"
  | "tasks"
  | "relationsInternal"
  | "relationsExternal"
  | "authority"
  | "workingConditions"
  | "requirements"
  | "competencies"
  | "catalogue"
  | "approval";

/** A table's kind from the texts of its first rows (the header), or undefined when nothing matches. */
export function tableKind(rows: string[][]): TableKind | undefined {
  const head = rows.slice(0, 2).flat();
  const all = rows.flat();
  const some = (cells: string[], pattern: RegExp) => cells.some((text) => pattern.test(text));
  if (some(head, /^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM|TÊN CƠ QUAN)/u)) return "header";
  // An agency block without a motto: one row of capitals and a form code ("UBND TỈNH …" | "PL1.1").
  if (
    rows.length === 1 &&
    rows[0]!.length === 2 &&
    rows[0]!.every((text) => text !== "" && !/\p{Ll}/u.test(text))
  )
    return "header";
  if (some(head, /^(\d+\.\s*)?(Tên (VTVL|vị trí việc làm)|Mã vị trí việc làm|Ngày bắt đầu thực hiện)\s*:/iu))
    return "identification";
  if (some(head, /^Tóm tắt tổng quan/iu)) return "objective";
  if (some(head, /^Được quản lý trực tiếp/iu)) return "relationsInternal";
  if (some(head, /^Bản chất quan hệ$/iu)) return "relationsExternal";
  if (some(head, /^Nhóm yêu cầu$/iu)) return "requirements";
  if (some(head, /^Tên năng lực$/iu) || some(head, /^Nhóm năng lực$/iu)) return "competencies";
  if (some(head, /^Điều kiện cụ thể$/iu)) return "workingConditions";
  if (some(head, /^(Các )?quyền hạn( cụ thể)?$/iu)) return "authority";
  if (some(head, /tiêu chí/iu)) return "tasks";
  if (some(head, /^Tên vị trí việc làm$/iu)) return "catalogue";
  if (rows.length <= 2 && some(all, APPROVAL)) return "approval";
  return undefined;
}

export const APPROVAL = /^(Phê duyệt của\b.*|Người phê duyệt|THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ)$/u;

export type TaskColumn = "code" | "careerLevel" | "area" | "work" | "quota" | "outcomes" | "criteria";

/** Task table columns in the order every form prints them. */
export const TASK_COLUMN_ORDER: TaskColumn[] = [
  "code",
  "careerLevel",
  "area",
  "work",
  "quota",
  "outcomes",
  "criteria",
];

export function taskColumn(label: string): TaskColumn | undefined {
  const text = lower(label);
  if (text.length > 60) return undefined;
  if (/^s?tt$/u.test(text)) return "code";
  if (/^bậc(?![\p{L}\p{N}])/u.test(text)) return "careerLevel";
  if (/mảng công việc/u.test(text)) return "area";
  if (/cụ thể$|^nội dung công việc/u.test(text)) return "work";
  if (/định mức/u.test(text)) return "quota";
  if (/kết quả đầu ra|sản phẩm/u.test(text)) return "outcomes";
  if (/tiêu chí/u.test(text)) return "criteria";
  return undefined;
}

export function requirementKey(label: string): RequirementKey | undefined {
  const text = lower(label);
  if (/^trình độ/u.test(text)) return "education";
  if (/^bồi dưỡng/u.test(text)) return "training";
  if (/^kiến thức/u.test(text)) return "knowledge";
  if (/^kỹ năng/u.test(text)) return "skills";
  if (/^kinh nghiệm/u.test(text)) return "experience";
  if (/phẩm chất|chất lượng cá nhân/u.test(text)) return "qualities";
  if (/yêu cầu khác/u.test(text)) return "other";
  return undefined;
}

export { STANDARD_REQUIREMENT_LABELS } from "../model/normalize.js";

export function competencyGroup(label: string): CompetencyGroup["group"] | undefined {
  const text = lower(label);
  if (/năng lực chung/u.test(text)) return "chung";
  if (/năng lực chuyên môn/u.test(text)) return "chuyen-mon";
  if (/năng lực quản lý/u.test(text)) return "quan-ly";
  return undefined;
}

export const LEVEL_REFERENCE = /^Theo yêu cầu năng lực của(?![\p{L}\p{N}])/u;

// ------------------------------------------------------------------------------------ standard headings

/**
 * Each form's headings as its layout prints them (templates/layouts/<form>/layout.yaml `headings`), which is
 * what `vtvl render` prints for a file without `headings`. A printed heading that differs goes to `headings`,
 * so the renderer prints it as published.
 */
export function standardHeadings(form: FormId): Partial<Record<SectionKey, string>> {
  return layoutHeadings(form);
}
