/**
 * Each form's printed wording, from its templates/layouts/<form>/layout.yaml: the title, the section headings
 * and table column headings as the form prints them, header placeholders, requirement row labels, competency
 * group labels and the approval caption, with the source they were read from. One source for the renderer,
 * `vtvl import` (which keeps in `headings` only what a document prints differently), the heading-text rule
 * and the transcription scripts. Only js-yaml and the file system: the linter loads it too.
 */
import { existsSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { FormId, Position } from "../model/types.js";
import { templatesDir } from "../paths.js";

export const LAYOUTS_DIR = `${templatesDir}layouts/`;

export type { RequirementKey } from "../model/normalize.js";
import type { RequirementKey } from "../model/normalize.js";

export interface RequirementRowSpec {
  key: RequirementKey;
  label: string;
  /** Printed only when the file fills it (QĐ 4135 mẫu B leaves absent rows out). */
  optional?: boolean;
}

/** Checks a layout needs beyond the form's required sections before it can draw a file of another form. */
export type LayoutCheck = "integer-levels" | "task-career-levels";

/**
 * The section headings a file's `headings` can replace (src/model/schema-source.ts); a layout may print more
 * (NĐ 232/2026's "I. THÔNG TIN CHUNG"), under keys of its own.
 */
export const SECTION_HEADING_KEYS = [
  "objective",
  "tasks",
  "relations",
  "relationsInternal",
  "relationsExternal",
  "authority",
  "workingConditions",
  "requirements",
  "requirementsQualification",
  "competencies",
] as const satisfies ReadonlyArray<keyof NonNullable<Position["headings"]>>;

export type SectionHeadingKey = (typeof SECTION_HEADING_KEYS)[number];

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
  /**
   * Each heading exactly as the form prints it, number included ("3.1- Bên trong"): what most descriptions of
   * the source document print.
   */
  headings: Record<string, string>;
  /** Column headings of each table, by table and column ("tasks" → "area" → "Nhiệm vụ, mảng công việc"). */
  columns: Record<string, Record<string, string>>;
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

const isStringMap = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((entry) => typeof entry === "string" && entry.trim() === entry && entry !== "");

export function layoutSpec(id: FormId): LayoutSpec {
  let spec = cache.get(id);
  if (!spec) {
    const path = `${LAYOUTS_DIR}${id}/layout.yaml`;
    if (!existsSync(path)) throw new Error(`missing layout file ${path}`);
    spec = yaml.load(readFileSync(path, "utf8"), { schema: yaml.CORE_SCHEMA }) as LayoutSpec;
    if (spec.form !== id) throw new Error(`${path}: form is "${spec.form}", expected "${id}"`);
    if (!isStringMap(spec.headings)) throw new Error(`${path}: \`headings\` must map keys to headings`);
    const columns: unknown = spec.columns;
    if (typeof columns !== "object" || columns === null || !Object.values(columns).every(isStringMap))
      throw new Error(`${path}: \`columns\` must map each table to its column headings`);
    cache.set(id, spec);
  }
  return spec;
}

/** The section headings of a form that a file's `headings` can replace, as the form prints them. */
export function standardHeadings(id: FormId): Partial<Record<SectionHeadingKey, string>> {
  const headings = layoutSpec(id).headings;
  const result: Partial<Record<SectionHeadingKey, string>> = {};
  for (const key of SECTION_HEADING_KEYS) if (headings[key] !== undefined) result[key] = headings[key];
  return result;
}

const HEADING_NUMBER = /^\s*([IVXLC]+\.|\d+(?:\.\d+)*\s*[-.:)]|[a-zđ]\))\s*(?=\S)/u;

/** "3.1-" of "3.1- Bên trong", "V." of "V. YÊU CẦU …", "" for a heading without a number. */
export function headingNumber(heading: string): string {
  return HEADING_NUMBER.exec(heading)?.[1] ?? "";
}
