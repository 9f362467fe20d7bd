/** The experience requirement of a description: its text, its facts, and facts read from the text. */
import type { PathSegment } from "../../lint/finding.js";
import type { ExperienceFacts, Position } from "../../model/types.js";

export interface Experience {
  texts: string[];
  facts?: ExperienceFacts;
  /** Path of the text (for locations): the row itself, or its `text`. */
  textPath: PathSegment[];
  /** Path of each text item, parallel to `texts`. */
  textPaths: PathSegment[][];
  path: PathSegment[];
}

function withPaths(value: unknown, textPath: PathSegment[]): Pick<Experience, "texts" | "textPaths"> {
  if (Array.isArray(value)) {
    const texts: string[] = [];
    const textPaths: PathSegment[][] = [];
    value.forEach((item, index) => {
      if (typeof item !== "string") return;
      texts.push(item);
      textPaths.push([...textPath, index]);
    });
    return { texts, textPaths };
  }
  return typeof value === "string" ? { texts: [value], textPaths: [textPath] } : { texts: [], textPaths: [] };
}

export function experienceOf(position: Position): Experience | undefined {
  const row = position.requirements?.experience;
  if (row === undefined) return undefined;
  const path: PathSegment[] = ["requirements", "experience"];
  if (typeof row === "string" || Array.isArray(row)) return { ...withPaths(row, path), textPath: path, path };
  const textPath = [...path, "text"];
  return { ...withPaths(row.text, textPath), facts: row.facts, textPath, path };
}

/** "09 năm", "01 năm": a number of years as the sources write it. */
export const YEARS = /(?<![\p{L}\p{N}])(\d{1,2})\s*năm(?![\p{L}])/gu;
/** "09 năm (đủ 108 tháng", "01 năm (đủ 12 tháng)". */
export const YEARS_WITH_MONTHS = /(\d{1,2})\s*năm\s*\(\s*đủ\s*(\d{1,3})\s*tháng/gu;

/** Facts the text states, for files that give the text without `facts`. */
export function factsFromText(texts: readonly string[]): ExperienceFacts {
  const text = texts.join(" ");
  const facts: ExperienceFacts = {};
  if (/^\s*không yêu cầu\.?\s*$/iu.test(text)) facts.notRequired = true;
  const years = [...text.matchAll(YEARS)].map((match) => Number(match[1]));
  if (years.length) facts.minYears = years[0];
  if (/tập sự|thử việc/iu.test(text)) facts.excludesProbation = true;
  const equivalent = /tương đương[^.]*?tối thiểu\s*(\d{1,2})\s*năm(?:\s*\(\s*đủ\s*(\d{1,3})\s*tháng)?/iu.exec(
    text,
  );
  if (equivalent)
    facts.minMonthsInGradeIfEquivalent = equivalent[2] ? Number(equivalent[2]) : Number(equivalent[1]) * 12;
  const grade = /(?:giữ |trong )?ngạch (chuyên viên cao cấp|chuyên viên chính|chuyên viên)/iu.exec(text);
  if (grade) facts.inGrade = grade[1];
  return facts;
}

/** The facts of the file, completed by what its text says. */
export function effectiveFacts(experience: Experience): ExperienceFacts {
  return { ...factsFromText(experience.texts), ...(experience.facts ?? {}) };
}
