/**
 * How close an import comes to a checked transcription: field by field, the share imported exactly. Used by
 * scripts/measure-import.ts (docs/import-accuracy.md) and by the tests that hold the importer to it.
 */
import { isDeepStrictEqual } from "node:util";
import type { Position, Task } from "../model/types.js";

export type FieldKind =
  | "task code"
  | "task area"
  | "task work"
  | "task outcomes"
  | "task criteria"
  | "competency name"
  | "competency level"
  | "experience";

export const FIELD_KINDS: FieldKind[] = [
  "task code",
  "task area",
  "task work",
  "task outcomes",
  "task criteria",
  "competency name",
  "competency level",
  "experience",
];

/** Fields that are text (the ≥ 95 % aim); codes and levels are held to 100 %. */
export const TEXT_KINDS: FieldKind[] = [
  "task area",
  "task work",
  "task outcomes",
  "task criteria",
  "competency name",
  "experience",
];

export interface Mismatch {
  description: number;
  kind: FieldKind;
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface Tally {
  exact: number;
  total: number;
}

export interface Comparison {
  tallies: Record<FieldKind, Tally>;
  mismatches: Mismatch[];
}

function emptyTallies(): Record<FieldKind, Tally> {
  return Object.fromEntries(FIELD_KINDS.map((kind) => [kind, { exact: 0, total: 0 }])) as Record<
    FieldKind,
    Tally
  >;
}

function experienceText(position: Position | undefined): unknown {
  const experience = position?.requirements?.experience;
  if (experience === undefined) return undefined;
  if (typeof experience === "string" || Array.isArray(experience)) return experience;
  return experience.text;
}

/** A task's work column as the form prints it: a parenthesised note stands where the work would be. */
function workOf(task: Task | undefined): unknown {
  return task?.work ?? task?.note;
}

export function compare(expected: Position[], actual: Array<Position | undefined>): Comparison {
  const tallies = emptyTallies();
  const mismatches: Mismatch[] = [];
  const count = (description: number, kind: FieldKind, path: string, want: unknown, got: unknown) => {
    if (want === undefined && got === undefined) return;
    tallies[kind].total += 1;
    if (isDeepStrictEqual(want, got)) tallies[kind].exact += 1;
    else mismatches.push({ description, kind, path, expected: want, actual: got });
  };
  expected.forEach((want, index) => {
    const got = actual[index];
    const description = index + 1;
    const tasks = Math.max(want.tasks?.length ?? 0, got?.tasks?.length ?? 0);
    for (let task = 0; task < tasks; task += 1) {
      const left = want.tasks?.[task];
      const right = got?.tasks?.[task];
      count(description, "task code", `tasks[${task}].code`, left?.code ?? null, right?.code ?? null);
      count(description, "task area", `tasks[${task}].area`, left?.area, right?.area);
      count(description, "task work", `tasks[${task}].work`, workOf(left), workOf(right));
      count(description, "task outcomes", `tasks[${task}].outcomes`, left?.outcomes, right?.outcomes);
      count(description, "task criteria", `tasks[${task}].criteria`, left?.criteria, right?.criteria);
    }
    const wantItems = (want.competencies?.groups ?? []).flatMap((group) =>
      group.items.map((item) => ({ group: group.group, ...item })),
    );
    const gotItems = (got?.competencies?.groups ?? []).flatMap((group) =>
      group.items.map((item) => ({ group: group.group, ...item })),
    );
    for (let item = 0; item < Math.max(wantItems.length, gotItems.length); item += 1) {
      const left = wantItems[item];
      const right = gotItems[item];
      const path = `competencies[${item}]`;
      count(
        description,
        "competency name",
        `${path}.name`,
        left ? `${left.group}: ${left.name}` : null,
        right ? `${right.group}: ${right.name}` : null,
      );
      count(
        description,
        "competency level",
        `${path}.level`,
        left ? left.level : "(none)",
        right ? right.level : "(none)",
      );
    }
    count(description, "experience", "requirements.experience", experienceText(want), experienceText(got));
  });
  return { tallies, mismatches };
}

export function share(tally: Tally): number {
  return tally.total === 0 ? 1 : tally.exact / tally.total;
}

export function sum(tallies: Record<FieldKind, Tally>, kinds: FieldKind[]): Tally {
  return kinds.reduce(
    (total, kind) => ({ exact: total.exact + tallies[kind].exact, total: total.total + tallies[kind].total }),
    {
      exact: 0,
      total: 0,
    },
  );
}
