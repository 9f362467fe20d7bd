/**
 * The safety net of --fix: whatever the rules proved, the text a pass of fixes produces is parsed again and
 * compared with the data of the text it started from, and only changes the applied fixes intend are let
 * through. Rules prove their own fixes (src/rules/support/scalar.ts, whitespace, unicode-nfc), but a fix is
 * proved on the text it was built for, alone; fixes applied together, a fix applied without the others it was
 * proved with (a directive silenced them, or they overlap another rule's fix) or a range the locator got wrong
 * can still change the data. This costs one parse per pass and runs only when fixing.
 *
 * What a fix may change ("intended"):
 * - the structure stays: the same node kinds everywhere, lists of the same length, mappings with the same keys
 *   (compared after the normalisation below);
 * - numbers, booleans and nulls stay identical (Object.is);
 * - a string may change when it is equal to the original after `fixNormalized` (what the unicode-nfc and
 *   whitespace fixes do: NFC, special spaces made plain, spaces and tabs collapsed, trimmed at the ends but
 *   never across a line break), or when it lies at or under the data path of an applied finding of a rule
 *   whose fix rewrites that text (REWRITES), or when it had the same text as such a string and changed the same
 *   way (an alias of the rewritten anchor);
 * - competency-level-format turns a quoted level ("3", "4-4") into a number on purpose: at its paths a string
 *   may become a number.
 */
import { isParseProblem, parseYaml } from "../load/parse.js";
import { fixNormalized } from "../rules/text/whitespace.js";
import { fromPointer, type Finding, type PathSegment } from "./finding.js";

interface Rewrite {
  /** The part of the data the fix may rewrite, from the finding's path. */
  scope(path: PathSegment[]): PathSegment[];
  /** The rewritten string may become a number. */
  toNumber?: boolean;
}

/** Rules whose fixes rewrite a text on purpose, beyond what `fixNormalized` forgives. */
const REWRITES: Record<string, Rewrite> = {
  "known-typo": { scope: (path) => path },
  "no-markup": { scope: (path) => path },
  // One fix for the names of a whole group, reported at the first name (…/groups/i/items/j/name).
  "competency-set": {
    scope: (path) => (path.length >= 3 && path.at(-3) === "items" ? path.slice(0, -3) : path),
  },
  "competency-level-format": { scope: (path) => path, toNumber: true },
};

interface Scope {
  path: PathSegment[];
  toNumber: boolean;
}

interface Change {
  path: PathSegment[];
  before: string;
  after: unknown;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return (
    prefix.length <= path.length && prefix.every((segment, index) => String(path[index]) === String(segment))
  );
}

/** Pairs the keys of two mappings by their normalised form; undefined when they do not pair one to one. */
function pairKeys(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Array<[string, string]> | undefined {
  const beforeKeys = Object.keys(before);
  const afterKeys = Object.keys(after);
  if (beforeKeys.length !== afterKeys.length) return undefined;
  const index = (keys: string[]) => {
    const byNorm = new Map<string, string>();
    for (const key of keys) {
      const norm = fixNormalized(key);
      if (byNorm.has(norm)) return undefined;
      byNorm.set(norm, key);
    }
    return byNorm;
  };
  const a = index(beforeKeys);
  const b = index(afterKeys);
  if (!a || !b) {
    // Keys that normalise alike cannot be told apart: they must then stay exactly as they were.
    return beforeKeys.every((key) => Object.hasOwn(after, key))
      ? beforeKeys.map((key) => [key, key])
      : undefined;
  }
  const pairs: Array<[string, string]> = [];
  for (const [norm, key] of a) {
    const other = b.get(norm);
    if (other === undefined) return undefined;
    pairs.push([key, other]);
  }
  return pairs;
}

/** Walks both data trees; false on a change of structure or of a non-string, collecting changed strings. */
function compare(before: unknown, after: unknown, path: PathSegment[], changes: Change[]): boolean {
  if (typeof before === "string") {
    if (before === after) return true;
    if (typeof after === "string" && fixNormalized(before) === fixNormalized(after)) return true;
    if (typeof after !== "string" && typeof after !== "number") return false;
    changes.push({ path, before, after });
    return true;
  }
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return false;
    return before.every((item, index) => compare(item, after[index], [...path, index], changes));
  }
  if (isMapping(before)) {
    if (!isMapping(after)) return false;
    const pairs = pairKeys(before, after);
    return (
      pairs !== undefined &&
      pairs.every(([key, other]) => compare(before[key], after[other], [...path, key], changes))
    );
  }
  return Object.is(before, after);
}

/** The scopes the applied fixes may rewrite. */
function rewriteScopes(applied: readonly Finding[]): Scope[] {
  const scopes: Scope[] = [];
  for (const finding of applied) {
    const rewrite = REWRITES[finding.ruleId];
    if (rewrite)
      scopes.push({ path: rewrite.scope(fromPointer(finding.path)), toNumber: Boolean(rewrite.toNumber) });
  }
  return scopes;
}

/**
 * Whether `fixed` (the text after the fixes `applied`) parses and holds the same data as `original` (the data
 * of the text before them) but for the changes those fixes intend (see the head of this file).
 */
export function fixKeepsData(original: unknown, fixed: string, applied: readonly Finding[]): boolean {
  const parsed = parseYaml(fixed);
  if (isParseProblem(parsed)) return false;
  const changes: Change[] = [];
  if (!compare(original, parsed.data, [], changes)) return false;
  if (!changes.length) return true;
  const scopes = rewriteScopes(applied);
  const intended = new Map<string, unknown[]>();
  const outside: Change[] = [];
  for (const change of changes) {
    const scope = scopes.find(
      (candidate) =>
        startsWith(change.path, candidate.path) && (typeof change.after === "string" || candidate.toNumber),
    );
    if (!scope) {
      outside.push(change);
      continue;
    }
    const list = intended.get(change.before) ?? [];
    list.push(change.after);
    intended.set(change.before, list);
  }
  // A string outside every scope may only have changed as an intended one with the same text did: an alias of
  // the anchor the fix edited.
  return outside.every((change) =>
    intended.get(change.before)?.some((after) => Object.is(after, change.after)),
  );
}
