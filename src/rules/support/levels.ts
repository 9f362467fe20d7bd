/** Competency levels as numeric ranges, and how two of them compare. */
import { levelRange, type LevelRange } from "../../model/normalize.js";
import type { Level } from "../../model/types.js";

export type { LevelRange };

/** "4", "4-5" (a hyphen or an en dash) → range; anything else → undefined. */
export function parseRange(text: string): LevelRange | undefined {
  const match = /^\s*([1-5])\s*(?:[-–]\s*([1-5]))?\s*$/.exec(text);
  if (!match) return undefined;
  const min = Number(match[1]);
  return { min, max: match[2] ? Number(match[2]) : min };
}

export function rangeOf(level: Level | undefined): LevelRange | undefined {
  return levelRange(level);
}

export function formatRange(range: LevelRange): string {
  return range.min === range.max ? String(range.min) : `${range.min}-${range.max}`;
}

export function sameRange(a: LevelRange, b: LevelRange): boolean {
  return a.min === b.min && a.max === b.max;
}

/** `inner` lies within `outer`. */
export function within(inner: LevelRange, outer: LevelRange): boolean {
  return inner.min >= outer.min && inner.max <= outer.max;
}

/** `a` is lower than `b`: not above it at either end, and below it at one. */
export function isBelow(a: LevelRange, b: LevelRange): boolean {
  return a.min <= b.min && a.max <= b.max && (a.min < b.min || a.max < b.max);
}
