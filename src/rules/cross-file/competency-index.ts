/** The numeric levels of a file's competencies by catalogue name, with where each is written. */
import { dirname } from "node:path";
import type { PathSegment } from "../../lint/finding.js";
import type { LevelRange } from "../../model/normalize.js";
import { competencyKey, canonicalName } from "../support/competency.js";
import { rangeOf } from "../support/levels.js";
import type { ProjectFile } from "../types.js";

export interface IndexedLevel {
  name: string;
  range: LevelRange;
  path: PathSegment[];
}

// Rules compare every pair of files in a ladder: index each description once per run, not once per pair.
const indexed = new WeakMap<object, Map<string, IndexedLevel>>();

export function levelsByName(file: ProjectFile): Map<string, IndexedLevel> {
  const cached = indexed.get(file.position);
  if (cached) return cached;
  const levels = new Map<string, IndexedLevel>();
  (file.position.competencies?.groups ?? []).forEach((group, groupIndex) => {
    group.items.forEach((item, itemIndex) => {
      const range = rangeOf(item.level);
      if (!range) return;
      const name = canonicalName(file.form.id, item.name);
      levels.set(competencyKey(name), {
        name,
        range,
        path: ["competencies", "groups", groupIndex, "items", itemIndex, "level"],
      });
    });
  });
  indexed.set(file.position, levels);
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
