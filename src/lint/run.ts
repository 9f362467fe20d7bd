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
import { applyFixes } from "./fix.js";

export const MAX_FIX_PASSES = 10;

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

/** Applies the fixes of one file's findings (or of `findings`) and lints the new text; false if nothing changed. */
function fixOnce(
  entry: Tracked,
  optionsFor: (file: string) => { lang?: Lang; maxFileBytes?: number; settings: FileSettings },
  findings = entry.result.findings,
): boolean {
  const { result } = entry;
  if (result.fatal || result.text === undefined) return false;
  const { text, applied } = applyFixes(result.text, findings);
  if (!applied || text === result.text) return false;
  entry.original ??= result.text;
  entry.applied += applied;
  entry.result = lintText(result.file, text, optionsFor(result.file), result.hadBom);
  return true;
}
