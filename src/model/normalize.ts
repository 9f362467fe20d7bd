/**
 * Canonical views of the flexible YAML shapes (a text or a list, a level as 4 / "4-5" / {min, max}, a grade as a
 * string or an object or a list), shared by rules and renderers so each reads the format one way.
 */
import type { GradeRef, Level, Position, Text } from "./types.js";

/** A text as its list of items: a paragraph is a list of one; empty strings are dropped. */
export function textItems(text: Text | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return (Array.isArray(text) ? text : [text]).filter((item) => item.trim() !== "");
}

/** The rows of the requirements table (`requirements.*` without its preamble). */
export type RequirementKey = Exclude<keyof NonNullable<Position["requirements"]>, "preamble">;

/**
 * The label each requirements row has in the format (docs/format.md): what template A of the forms prints.
 * A row printed with another label keeps it in its own `label`.
 */
export const STANDARD_REQUIREMENT_LABELS: Readonly<Record<RequirementKey, string>> = {
  education: "Trình độ đào tạo",
  training: "Bồi dưỡng, chứng chỉ",
  knowledge: "Kiến thức, hiểu biết",
  skills: "Kỹ năng",
  experience: "Kinh nghiệm (thành tích công tác)",
  qualities: "Phẩm chất cá nhân",
  other: "Các yêu cầu khác",
};

/** A requirement row's text, whichever of its shapes the file used. */
export function requirementLabel(row: unknown): string | undefined {
  return row && typeof row === "object" && !Array.isArray(row) && "label" in row
    ? (row as { label?: string }).label
    : undefined;
}

export interface LevelRange {
  min: number;
  max: number;
}

/** The numeric range of a level, or undefined for text, references and empty cells. */
export function levelRange(level: Level | undefined): LevelRange | undefined {
  if (typeof level === "number") return { min: level, max: level };
  if (typeof level === "string") {
    const match = /^([1-5])-([1-5])$/.exec(level);
    return match ? { min: Number(match[1]), max: Number(match[2]) } : undefined;
  }
  if (level && typeof level === "object" && "min" in level) return { min: level.min, max: level.max };
  return undefined;
}

/** How a level is printed on the form: "4", "4-5", or its text. */
export function levelLabel(level: Level | undefined): string {
  if (level === null || level === undefined) return "";
  if (typeof level === "number" || typeof level === "string") return String(level);
  if ("text" in level) return level.text;
  if ("ref" in level) return level.ref;
  return level.min === level.max ? String(level.min) : `${level.min}-${level.max}`;
}

export function gradeList(grade: Position["grade"]): Array<{ name: string; code?: string }> {
  if (grade === null || grade === undefined) return [];
  const list: GradeRef[] = Array.isArray(grade) ? grade : [grade];
  return list.map((entry) => (typeof entry === "string" ? { name: entry } : entry));
}
