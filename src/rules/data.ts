/**
 * The circulars' numbers, read from data/rules/*.yaml once per process. Rules ask for the slice they need;
 * nothing here knows what a rule does with it.
 */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { dataDir } from "../paths.js";
import type { CompetencyGroupId, FormId, RegimeId } from "../model/types.js";

export type AdminLevel = "trung-uong" | "tinh" | "huyen" | "xa";

export interface GradeEntry {
  name: string;
  code?: string;
  /** 1 = chuyên viên cao cấp / hạng I … 5 = nhân viên; equal tiers are "tương đương". */
  tier: number;
  rank?: "I" | "II" | "III" | "IV";
  abbreviations?: string[];
  ladder: string;
  kind: "ngach" | "chuc-danh-nghe-nghiep";
}

export interface GradeData {
  grades: GradeEntry[];
  adminLevels: Partial<Record<RegimeId, { source: string; byTier: Record<number, AdminLevel[]> }>>;
}

export interface CompetencyCatalogue {
  source: string;
  groups: Partial<Record<CompetencyGroupId, string[]>>;
}

export interface CompetencyData {
  aliases: Array<{ alias: string; name: string; source: string }>;
  catalogues: Partial<Record<FormId, CompetencyCatalogue>>;
}

export interface GradePattern {
  tier: number;
  label: string;
  lines?: string;
  names?: Record<string, string>;
  groups?: Partial<Record<CompetencyGroupId, string>>;
}

export interface LevelPattern {
  id: string;
  forms: FormId[];
  categories?: string[];
  source: string;
  note?: string;
  grades: GradePattern[];
}

export interface LegacyExperienceRule {
  lowerTier?: number;
  lowerGrade?: string;
  minYears?: number;
  excludesProbation?: boolean;
  minMonthsInLowerGrade?: number;
  notRequired?: boolean;
  quote: string;
  lines: string;
}

export interface ExperienceData {
  legacy: { regimes: RegimeId[]; source: string; byTier: Record<number, LegacyExperienceRule> };
  noHardYears: { regimes: RegimeId[]; sources: Partial<Record<RegimeId, string>> };
}

export type HeadingKey =
  | "objective"
  | "tasks"
  | "relations"
  | "relationsInternal"
  | "relationsExternal"
  | "authority"
  | "workingConditions"
  | "requirements"
  | "requirementsQualification"
  | "competencies";

export type RequirementRow =
  "education" | "training" | "knowledge" | "skills" | "experience" | "qualities" | "other";

export interface FormRules {
  source: string;
  parts: string[];
  idFields: Array<"code" | "startDate" | "workplace">;
  header?: { motto: "quoc-hieu" | "dang" | "none"; agency: boolean };
  approval?: string;
  legend?: boolean;
  taskCodes: { prefix: string };
  authorityCodes: { prefix: string; grouped?: boolean };
  lastTaskOther: boolean;
  requirementRows: RequirementRow[];
  headings: Partial<Record<HeadingKey, string[]>>;
}

export interface FormRulesData {
  forms: Partial<Record<FormId, FormRules>>;
  requirementLabels: Record<RequirementRow, string[]>;
  mottoes: Record<"quoc-hieu" | "dang", string[]>;
}

export interface CodeScheme {
  pattern: string;
  example: string;
  description: string;
  titleSuffix?: boolean;
  source: string;
}

export interface CodeData {
  schemes: Partial<Record<FormId, CodeScheme>>;
  initialsSkip: string[];
}

export interface RegimePeriod {
  from: string;
  until?: string;
  validUntil?: string;
  successor?: RegimeId;
  source: string;
}

export interface RegimeData {
  regimes: Record<RegimeId, RegimePeriod>;
  districtAbolished: { date: string; source: string; phrases: string[] };
}

export interface PatternEntry {
  id: string;
  pattern: string;
  what: string;
  whatEn?: string;
  source: string;
  /** Only in these top-level sections, when given. */
  paths?: string[];
  /**
   * A simpler pattern that matches wherever `pattern` does, tried first (a pattern that starts with a
   * lookbehind or a line anchor is slow to search for; most texts have no match).
   */
  scan?: string;
}

export interface TextData {
  placeholders: PatternEntry[];
  legacyEncoding: {
    signatureChars: string;
    innerOnlyChars: string;
    vniPairs: string;
    tcvn3Hints: string;
    source: string;
  };
  typos: Array<{ wrong: string; right: string; source: string }>;
  doubledWords: { single: string[]; conjunctions: string[] };
  markup: Array<Omit<PatternEntry, "what">>;
  certificateScale: { patterns: string[]; source: string };
}

export interface LeadershipData {
  deputyPrefixes: string[];
  aliases: Array<{ deputy: string; head: string; source: string }>;
}

const cache = new Map<string, unknown>();

/** Reads data/rules/<name>.yaml (core schema: no dates, no custom tags), once. */
export function loadRuleData<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = yaml.load(readFileSync(`${dataDir}rules/${name}.yaml`, "utf8"), { schema: yaml.CORE_SCHEMA });
    cache.set(name, value);
  }
  return value as T;
}

function memo<T>(key: string, build: () => T): () => T {
  return () => {
    let value = cache.get(key) as T | undefined;
    if (value === undefined) {
      value = build();
      cache.set(key, value);
    }
    return value;
  };
}

interface RawGrades {
  ladders: Array<{
    id: string;
    kind: GradeEntry["kind"];
    grades: Array<Omit<GradeEntry, "ladder" | "kind">>;
  }>;
  adminLevels: GradeData["adminLevels"];
}

export const gradeData = memo<GradeData>("#grades", () => {
  const raw = loadRuleData<RawGrades>("grades");
  return {
    grades: raw.ladders.flatMap((ladder) =>
      ladder.grades.map((grade) => ({ ...grade, ladder: ladder.id, kind: ladder.kind })),
    ),
    adminLevels: raw.adminLevels,
  };
});

export const competencyData = (): CompetencyData => loadRuleData<CompetencyData>("competencies");
export const levelPatterns = (): LevelPattern[] =>
  loadRuleData<{ patterns: LevelPattern[] }>("level-patterns").patterns;
export const experienceData = (): ExperienceData => loadRuleData<ExperienceData>("experience");
export const formRulesData = (): FormRulesData => loadRuleData<FormRulesData>("forms");
export const codeData = (): CodeData => loadRuleData<CodeData>("codes");
export const regimeData = (): RegimeData => loadRuleData<RegimeData>("regimes");
export const textData = (): TextData => loadRuleData<TextData>("text");
export const leadershipData = (): LeadershipData => loadRuleData<LeadershipData>("leadership");

export function formRules(form: FormId): FormRules | undefined {
  return formRulesData().forms[form];
}

/** A compiled regular expression per source string, so rules never recompile data patterns per file. */
const compiled = new Map<string, Map<string, RegExp>>();

export function dataRegExp(source: string, flags = "gu"): RegExp {
  let byFlags = compiled.get(source);
  if (!byFlags) {
    byFlags = new Map();
    compiled.set(source, byFlags);
  }
  let regexp = byFlags.get(flags);
  if (!regexp) {
    regexp = new RegExp(source, flags);
    byFlags.set(flags, regexp);
  }
  regexp.lastIndex = 0;
  return regexp;
}
