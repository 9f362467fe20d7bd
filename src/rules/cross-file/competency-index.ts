/** The numeric levels of a file's competencies by catalogue name, with where each is written. */
import { dirname } from "node:path";
import type { PathSegment } from "../../lint/finding.js";
import type { LevelRange } from "../../model/normalize.js";
import { competencyKey, canonicalName } from "../support/competency.js";
import { rangeOf } from "../support/levels.js";
import { asArray, isRecord } from "../../model/loose.js";
import type { FormId, Level, Position } from "../../model/types.js";
import type { ProjectFile } from "../types.js";

export interface IndexedLevel {
  name: string;
  range: LevelRange;
  path: PathSegment[];
}

/**
 * What the cross-file rules keep of a file's competencies: for each one with a numeric level, its catalogue name,
 * the level's min and max, and its group and item index, one after the other in a flat list. A large run keeps
 * this for every file until the cross-file pass (src/lint/spill.ts), so it is a few numbers and one shared name per
 * competency instead of the competency lists themselves (a third of the memory a run kept per file).
 */
export type LevelTable = ReadonlyArray<string | number>;
const FIELDS = 5;

export function levelTable(position: Position, form: FormId): LevelTable {
  const table: Array<string | number> = [];
  const groups = isRecord(position.competencies) ? asArray<unknown>(position.competencies.groups) : [];
  groups.forEach((group, groupIndex) => {
    if (!isRecord(group)) return;
    asArray<unknown>(group.items).forEach((item, itemIndex) => {
      if (!isRecord(item) || typeof item.name !== "string") return;
      const range = rangeOf(item.level as Level);
      if (!range) return;
      table.push(canonicalName(form, item.name), range.min, range.max, groupIndex, itemIndex);
    });
  });
  return table;
}

/**
 * The levels of a file by competency key, indexed once per file however many pairs of a set it is compared in.
 * Make one per set of comparable files: the indexes are dropped with it, so a run holds those of one set at a
 * time, not of every file (they are many small objects per competency).
 */
export function levelIndex(): (file: ProjectFile) => Map<string, IndexedLevel> {
  const indexed = new Map<ProjectFile, Map<string, IndexedLevel>>();
  return (file) => {
    let levels = indexed.get(file);
    if (!levels) indexed.set(file, (levels = levelsByName(file.levels)));
    return levels;
  };
}

function levelsByName(table: LevelTable): Map<string, IndexedLevel> {
  const levels = new Map<string, IndexedLevel>();
  for (let at = 0; at + FIELDS <= table.length; at += FIELDS) {
    const [name, min, max, groupIndex, itemIndex] = table.slice(at, at + FIELDS) as [
      string,
      number,
      number,
      number,
      number,
    ];
    levels.set(competencyKey(name), {
      name,
      range: { min, max },
      path: ["competencies", "groups", groupIndex, "items", itemIndex, "level"],
    });
  }
  return levels;
}

/** Files compared with each other: one form, one folder (one agency's set of descriptions). */
export function comparableSets(files: readonly ProjectFile[]): ProjectFile[][] {
  const sets = new Map<string, ProjectFile[]>();
  for (const file of files) {
    const key = `${dirname(file.file)}\u0000${file.form.id}`;
    const set = sets.get(key);
    if (set) set.push(file);
    else sets.set(key, [file]);
  }
  return [...sets.values()].filter((set) => set.length > 1);
}
