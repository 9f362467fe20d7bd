/**
 * What a printed page cannot carry. A layout prints the text of a description but not its grade codes,
 * experience facts, catalogue data or source; and it prints defaults the file did not have (a placeholder
 * header, the form's title). When vtvl writes a Word file it stores the difference between the description
 * and what importing the page gives back: each entry records the value the page gave at that place and the
 * value the description has. Importing the file again applies an entry only where the page still gives the
 * same value, so a place the user edited in Word keeps the edit.
 */
import { isDeepStrictEqual } from "node:util";
import type { Position } from "../model/types.js";

export type ResiduePath = Array<string | number>;

export interface ResidueEntry {
  path: ResiduePath;
  /** What the page gave; absent when it gave nothing. */
  page?: unknown;
  /** What the description has; absent when the page added something the description does not have. */
  value?: unknown;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function diff(original: unknown, page: unknown, path: ResiduePath, entries: ResidueEntry[]): void {
  if (isDeepStrictEqual(original, page)) return;
  if (isObject(original) && isObject(page)) {
    for (const key of new Set([...Object.keys(original), ...Object.keys(page)]))
      diff(original[key], page[key], [...path, key], entries);
    return;
  }
  if (
    Array.isArray(original) &&
    Array.isArray(page) &&
    original.length === page.length &&
    original.every(isObject)
  ) {
    original.forEach((item, index) => diff(item, page[index], [...path, index], entries));
    return;
  }
  entries.push({
    path,
    ...(page !== undefined ? { page } : {}),
    ...(original !== undefined ? { value: original } : {}),
  });
}

export function residueOf(original: Position, page: Position): ResidueEntry[] {
  const entries: ResidueEntry[] = [];
  diff(original, page, [], entries);
  return entries;
}

function get(root: unknown, path: ResiduePath): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function set(root: Json, path: ResiduePath, value: unknown): boolean {
  let node: unknown = root;
  for (const [index, key] of path.slice(0, -1).entries()) {
    const container = node as Record<string | number, unknown>;
    if (container[key] === undefined) container[key] = typeof path[index + 1] === "number" ? [] : {};
    node = container[key];
    if (node === null || typeof node !== "object") return false;
  }
  const last = path[path.length - 1]!;
  const container = node as Record<string | number, unknown>;
  if (value === undefined) delete container[last];
  else container[last] = structuredClone(value);
  return true;
}

/** The top-level order of the format (src/model/schema-source.ts), so restored keys land where they belong. */
const ORDER = [
  "$schema",
  "form",
  "regime",
  "effectiveDate",
  "legalBasis",
  "formLabel",
  "appendix",
  "decision",
  "header",
  "title",
  "name",
  "code",
  "startDate",
  "workplace",
  "relatedProcedures",
  "grade",
  "professionalTitle",
  "careerLevels",
  "category",
  "adminLevels",
  "field",
  "managementLevel",
  "relatedPositions",
  "headcount",
  "headings",
  "objective",
  "tasks",
  "relations",
  "authority",
  "workingConditions",
  "requirements",
  "competencies",
  "approval",
  "notes",
  "footnotes",
  "source",
];

/** Applies the entries whose place the page left as it was; returns the position and the entries left out. */
export function applyResidue(
  page: Position,
  entries: readonly ResidueEntry[],
): { position: Position; skipped: ResidueEntry[] } {
  const result = structuredClone(page) as unknown as Json;
  const skipped: ResidueEntry[] = [];
  for (const entry of entries) {
    // `source` says where the description was transcribed from, which the Word file is not: always restored.
    const unconditional = entry.path[0] === "source";
    if (
      entry.path.length === 0 ||
      (!unconditional && !isDeepStrictEqual(get(result, entry.path), entry.page))
    ) {
      skipped.push(entry);
      continue;
    }
    if (!set(result, entry.path, entry.value)) skipped.push(entry);
  }
  const ordered: Json = {};
  for (const key of ORDER) if (key in result) ordered[key] = result[key];
  for (const key of Object.keys(result)) if (!(key in ordered)) ordered[key] = result[key];
  return { position: ordered as unknown as Position, skipped };
}
