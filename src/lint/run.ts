/**
 * A whole lint run over files already read: the per-file pass (independent per file, so it could run in
 * worker threads: its inputs and outputs are plain data), the --fix loop, then the cross-file pass.
 * Nothing here touches the disk; the CLI reads the bytes and writes the fixed texts.
 */
import type { Lang } from "../i18n/index.js";
import { DEFAULT_MAX_FILE_BYTES, tooLarge } from "../load/decode.js";
import {
  defaultSettings,
  lintBytes,
  lintProject,
  lintText,
  unreadableResult,
  type FileResult,
  type FileSettings,
} from "./engine.js";
import type { Finding, Fix } from "./finding.js";
import { applyFixes } from "./fix.js";
import { fixKeepsData } from "./verify.js";

export const MAX_FIX_PASSES = 10;
/** Parses a pass may spend finding the fixes it can keep when applying all of them changed the data. */
export const MAX_FIX_FALLBACK_PROOFS = 64;

export interface SourceFile {
  /** The name findings carry (as the user wrote it, or --stdin-filepath). */
  file: string;
  bytes: Uint8Array;
  /** Size of a file over the limit, which was not read. */
  oversize?: number;
}

export interface RunOptions {
  lang?: Lang;
  maxFileBytes?: number;
  settingsFor?: (file: string) => FileSettings;
  fix?: boolean;
}

export interface FixOutcome {
  file: string;
  original: string;
  fixed: string;
  hadBom: boolean;
  /** Fixes applied over all passes. */
  applied: number;
}

export interface RunResult {
  results: FileResult[];
  /** Files whose text --fix changed (only when fixing). */
  fixes: FixOutcome[];
  /** Passes the fix loop needed (0 without --fix). */
  passes: number;
}

interface Tracked {
  result: FileResult;
  original?: string;
  applied: number;
  passes: number;
}

/** A copy the cross-file pass may add to, leaving the per-file result as it was. */
function forProjectPass(result: FileResult): FileResult {
  return {
    ...result,
    findings: [...result.findings],
    ...(result.suppressed ? { suppressed: [...result.suppressed] } : {}),
    ...(result.directives
      ? { directives: result.directives.map((directive) => ({ ...directive, used: [...directive.used] })) }
      : {}),
  };
}

export function lintSources(sources: readonly SourceFile[], options: RunOptions = {}): RunResult {
  const settingsFor = options.settingsFor ?? (() => defaultSettings);
  const settings = new Map<string, FileSettings>();
  const optionsFor = (file: string) => {
    let fileSettings = settings.get(file);
    if (!fileSettings) settings.set(file, (fileSettings = settingsFor(file)));
    return { lang: options.lang, maxFileBytes: options.maxFileBytes, settings: fileSettings };
  };
  const tracked: Tracked[] = sources.map((source) => ({
    result:
      source.oversize !== undefined
        ? unreadableResult(
            source.file,
            tooLarge(source.oversize, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES),
            options.lang,
          )
        : lintBytes(source.file, source.bytes, optionsFor(source.file)),
    applied: 0,
    passes: 0,
  }));
  const settingsOf = (file: string) => optionsFor(file).settings;

  if (!options.fix) {
    const results = tracked.map((entry) => entry.result);
    lintProject(results, { lang: options.lang }, settingsOf);
    return { results, fixes: [], passes: 0 };
  }

  // Fix every file to a fixed point, let the cross-file rules look, apply their fixes, and again until
  // nothing changes; a file is re-linted at most MAX_FIX_PASSES times.
  let results: FileResult[];
  for (;;) {
    for (const entry of tracked) {
      while (entry.passes < MAX_FIX_PASSES && fixOnce(entry, optionsFor)) entry.passes++;
    }
    results = tracked.map((entry) => forProjectPass(entry.result));
    lintProject(results, { lang: options.lang }, settingsOf);
    let changed = false;
    results.forEach((result, index) => {
      const entry = tracked[index]!;
      const own = new Set(entry.result.findings);
      const added = result.findings.filter((finding) => finding.fix && !own.has(finding));
      if (added.length && entry.passes < MAX_FIX_PASSES && fixOnce(entry, optionsFor, added)) {
        entry.passes++;
        changed = true;
      }
    });
    if (!changed) break;
  }
  const passes = Math.max(0, ...tracked.map((entry) => entry.passes));

  const fixes: FixOutcome[] = [];
  for (const entry of tracked) {
    const { result } = entry;
    if (entry.original === undefined || result.text === undefined || result.text === entry.original) continue;
    fixes.push({
      file: result.file,
      original: entry.original,
      fixed: result.text,
      hadBom: Boolean(result.hadBom),
      applied: entry.applied,
    });
  }
  return { results, fixes, passes };
}

interface ChosenFixes {
  text: string;
  applied: number;
  /** Findings whose fix, applied with the others kept or alone, changed the data. */
  rejected: Finding[];
}

/**
 * The fixes of `findings` to apply to `text` (whose data is `data`): all of them when the result keeps the data
 * but for the changes they intend (verify.ts), else as many as bisection finds: a group is kept when it keeps the
 * data together with the groups kept before it, else split, down to single findings, which are rejected.
 */
export function chooseFixes(text: string, data: unknown, findings: readonly Finding[]): ChosenFixes {
  const all = applyFixes(text, findings);
  if (!all.applied || all.text === text) return { text, applied: 0, rejected: [] };
  if (fixKeepsData(data, all.text, all.taken)) return { text: all.text, applied: all.applied, rejected: [] };
  const withFix = findings.filter((finding) => finding.fix?.edits.length);
  const kept: Finding[] = [];
  const rejected: Finding[] = [];
  let best: ChosenFixes = { text, applied: 0, rejected };
  let budget = MAX_FIX_FALLBACK_PROOFS;
  const select = (group: Finding[]): void => {
    if (!group.length || budget <= 0) return;
    budget--;
    const tried = applyFixes(text, [...kept, ...group]);
    if (tried.text === text || fixKeepsData(data, tried.text, tried.taken)) {
      kept.push(...group);
      if (tried.text !== text) best = { text: tried.text, applied: tried.applied, rejected };
      return;
    }
    if (group.length === 1) {
      rejected.push(group[0]!);
      return;
    }
    const middle = Math.ceil(group.length / 2);
    select(group.slice(0, middle));
    select(group.slice(middle));
  };
  if (withFix.length === 1) rejected.push(withFix[0]!);
  else {
    const middle = Math.ceil(withFix.length / 2);
    select(withFix.slice(0, middle));
    select(withFix.slice(middle));
  }
  return best;
}

/**
 * Applies the fixes of one file's findings (or of `findings`) and lints the new text; false if nothing changed.
 * The result is verified against the data of the text it started from (chooseFixes); a fix shared by several
 * findings (one proof for edits on several lines) is left out when a directive silenced one of them.
 */
function fixOnce(
  entry: Tracked,
  optionsFor: (file: string) => { lang?: Lang; maxFileBytes?: number; settings: FileSettings },
  findings = entry.result.findings,
): boolean {
  const { result } = entry;
  if (result.fatal || result.text === undefined) return false;
  const silenced = new Set<Fix>();
  for (const finding of result.suppressed ?? []) if (finding.fix) silenced.add(finding.fix);
  const candidates = silenced.size
    ? findings.filter((finding) => !finding.fix || !silenced.has(finding.fix))
    : findings;
  const { text, applied, rejected } = chooseFixes(result.text, result.position, candidates);
  if (!applied || text === result.text) {
    // What cannot be applied is still reported, without a fix.
    const dropped = new Set<Finding>(rejected);
    for (const finding of findings) if (finding.fix && silenced.has(finding.fix)) dropped.add(finding);
    if (dropped.size)
      entry.result = {
        ...result,
        findings: result.findings.map((finding) => (dropped.has(finding) ? withoutFix(finding) : finding)),
      };
    return false;
  }
  entry.original ??= result.text;
  entry.applied += applied;
  entry.result = lintText(result.file, text, optionsFor(result.file), result.hadBom);
  return true;
}

function withoutFix(finding: Finding): Finding {
  const { fix: _fix, ...rest } = finding;
  return rest;
}
