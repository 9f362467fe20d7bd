/** Which grade (ngạch, chức danh nghề nghiệp) a description declares or names, resolved against the ladders. */
import type { PathSegment } from "../../lint/finding.js";
import { gradeList } from "../../model/normalize.js";
import type { Position } from "../../model/types.js";
import { gradeData, type GradeEntry } from "../data.js";

function gradeKey(name: unknown): string {
  return String(name ?? "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s+và tương đương$/iu, "")
    .toLowerCase();
}

let byKey: Map<string, GradeEntry> | undefined;
let longestFirst: Array<{ key: string; entry: GradeEntry }> | undefined;

function index(): Map<string, GradeEntry> {
  if (!byKey) {
    byKey = new Map(gradeData().grades.map((entry) => [gradeKey(entry.name), entry]));
    longestFirst = [...byKey]
      .map(([key, entry]) => ({ key, entry }))
      .sort((a, b) => b.key.length - a.key.length);
  }
  return byKey;
}

export function findGrade(name: unknown): GradeEntry | undefined {
  return index().get(gradeKey(name));
}

export function allGrades(): GradeEntry[] {
  return gradeData().grades;
}

/** The grade a position's name begins with ("Chuyên viên chính về …" → Chuyên viên chính), if any. */
export function gradeInName(name: unknown): GradeEntry | undefined {
  index();
  const key = gradeKey(name);
  if (!key) return undefined;
  for (const candidate of longestFirst!) {
    if (!key.startsWith(candidate.key)) continue;
    const next = key.charAt(candidate.key.length);
    if (next === "" || !/[\p{L}\p{N}]/u.test(next)) return candidate.entry;
  }
  return undefined;
}

export interface DeclaredGrade {
  name: string;
  code?: string;
  entry?: GradeEntry;
  path: PathSegment[];
}

export function declaredGrades(position: Position): DeclaredGrade[] {
  const list = gradeList(position.grade);
  const isList = Array.isArray(position.grade);
  return list.map((grade, index) => {
    const base: PathSegment[] = isList ? ["grade", index] : ["grade"];
    const path =
      typeof (isList ? (position.grade as unknown[])[index] : position.grade) === "string"
        ? base
        : [...base, "name"];
    return { name: grade.name, code: grade.code, entry: findGrade(grade.name), path };
  });
}

/** The professional title with its rank as one grade name ("Công nghệ thông tin" + II). */
function professionalTitleGrade(position: Position): GradeEntry | undefined {
  const title = position.professionalTitle;
  if (!title) return undefined;
  return (
    (title.rank ? findGrade(`${title.name} hạng ${title.rank}`) : undefined) ??
    findGrade(title.name) ??
    gradeInName(title.name)
  );
}

/**
 * The single grade of a position: the declared grade when there is exactly one, else the professional
 * title, else the grade its name begins with. Undefined for "A hoặc B" lists and positions without a grade.
 */
export function positionGrade(position: Position): GradeEntry | undefined {
  const declared = declaredGrades(position);
  if (declared.length > 1) return undefined;
  if (declared.length === 1) return declared[0]!.entry;
  return professionalTitleGrade(position) ?? gradeInName(position.name);
}

/** The grade a position's name or title names, with the text it was read from. */
export function namedGrade(position: Position): GradeEntry | undefined {
  return gradeInName(position.name) ?? professionalTitleGrade(position);
}
