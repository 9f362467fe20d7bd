/**
 * The per-file pass of a lint run without --fix, for any number of files: each file is read when its turn
 * comes, linted, and kept only as a compact result (its findings, plus the few fields cross-file rules read),
 * so memory does not grow with the size of the descriptions. Large runs spread the files over worker threads
 * (the main thread lints too); results come back in input order and are the same as on one thread. The
 * cross-file pass then runs on the main thread, re-reading only the files a cross-file finding is about.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RuleEntry } from "../config/load.js";
import { settingsFromEntries } from "../config/resolve.js";
import type { Lang } from "../i18n/index.js";
import { DEFAULT_MAX_FILE_BYTES, decodeSource, isDecodeProblem, tooLarge } from "../load/decode.js";
import { findForm } from "../model/forms.js";
import type { Position } from "../model/types.js";
import { levelTable } from "../rules/cross-file/competency-index.js";
import { PROJECT_POSITION_KEYS } from "../rules/types.js";
import {
  defaultSettings,
  lintBytes,
  lintProject,
  unreadableResult,
  type FileResult,
  type FileSettings,
} from "./engine.js";
import { addTimings, timed } from "./timing.js";
import { readFileReusingBuffer } from "../util/read-file.js";
import { ResultSpill } from "./spill.js";
import { contentHash, settingsHash, type LintCache } from "./cache.js";

/** Below this many files a worker's start (loading the rules and schemas) costs more than it saves. */
export const PARALLEL_MIN_FILES = 64;
/** From this many files on, results wait on disk for the report (spill.ts). */
export const SPILL_MIN_FILES = 500;
/** More threads than this gain little: the main thread merges every result. */
export const MAX_THREADS = 8;

export interface LintInput {
  /** The name findings carry (as the user wrote it, or --stdin-filepath). */
  file: string;
  /** Bytes already read (standard input); a file without them is read when its turn comes. */
  bytes?: Uint8Array;
  /** Size of a file over the limit, which is not read. */
  oversize?: number;
}

/** A file that could not be read when its turn came (it vanished, or lost its permissions). */
export interface ReadProblem {
  file: string;
  code?: string;
  message: string;
}

export interface ParallelRunOptions {
  lang?: Lang;
  maxFileBytes?: number;
  /** The configuration's rule entries for a file (plain data, so that worker threads rebuild the settings). */
  ruleEntriesFor?: (file: string) => ReadonlyMap<string, RuleEntry>;
  /** Keep each file's text in its result (the SARIF and GitLab fingerprints read it). */
  keepText?: boolean;
  /**
   * Keep the per-file results in a temporary file until the report is written (spill.ts): "auto" (the
   * default) from SPILL_MIN_FILES files on, so that memory does not grow with the number of files.
   */
  spill?: boolean | "auto";
  /**
   * Threads for the per-file pass, the main thread included: "auto" (the default) uses the machine's cores
   * for runs of PARALLEL_MIN_FILES files or more and the main thread alone below; 1 never starts a worker.
   */
  concurrency?: number | "auto";
  /**
   * Results of earlier runs (--cache): a file whose bytes and settings are unchanged is not linted again, and
   * the results of the others are stored. The caller saves the cache after the run.
   */
  cache?: LintCache;
}

export interface ParallelRunResult {
  /** One per input that could be read, in input order. */
  results: FileResult[];
  problems: ReadProblem[];
  /** How many results came from the cache. */
  reused: number;
  /** Frees the temporary file of a large run's results (see spill.ts); the results are unreadable after it. */
  release(): void;
}

/** How the files of a chunk are linted: the same on every thread. */
interface PassSettings {
  lang: Lang | undefined;
  maxFileBytes: number;
  keepText: boolean;
  /** Hash each file read (--cache), and skip a file whose hash is the one stored. */
  hashing?: boolean;
}

interface Task {
  index: number;
  file: string;
  bytes?: Uint8Array;
  oversize?: number;
  /** Index into the table of distinct rule entries (most files share a handful). */
  settings: number;
  /** The content hash of the file's result in the cache, made with the same settings. */
  storedHash?: string;
}

interface Outcome {
  index: number;
  result?: FileResult;
  problem?: ReadProblem;
  /** The content hash of the bytes linted (--cache). */
  hash?: string;
  /** The bytes have the stored hash: the cached result stands (with the text, when results keep it). */
  reused?: boolean;
  text?: string;
}

/** Main thread → worker: a chunk of files, with the settings entries the worker has not seen yet. */
export interface ChunkMessage {
  chunk: number;
  tasks: Task[];
  newSettings: Array<Array<[string, RuleEntry]>>;
}

/** Worker → main thread. */
export interface ChunkReply {
  chunk: number;
  outcomes: Outcome[];
  /** The worker's VTVL_TIMING totals since its last reply. */
  timings?: Array<[string, number]>;
}

export type WorkerInit = PassSettings;

/** The fields of a description that cross-file rules read; the rest of the data is dropped. */
export function projectSummary(position: Position): Position {
  const summary: Record<string, unknown> = {};
  const source = position as unknown as Record<string, unknown>;
  for (const key of PROJECT_POSITION_KEYS) if (source[key] !== undefined) summary[key] = source[key];
  return summary as unknown as Position;
}

/**
 * A per-file result as the rest of the run needs it: findings and directives, a summary instead of the data.
 * It is a deep copy: strings cut from the file's text (names, excerpts in messages) would otherwise keep the
 * whole text alive (V8 slices share their parent string), and with it the memory of every file linted.
 * A worker thread skips the copy (`copy` false): posting the result to the main thread copies it anyway.
 */
export function compactResult(result: FileResult, keepText: boolean, copy = true): FileResult {
  const { text, position, form, ...rest } = result;
  const summary: FileResult = {
    ...rest,
    ...(position ? { position: projectSummary(position) } : {}),
    ...(position && form ? { levels: levelTable(position, form.id) } : {}),
  };
  const compact = copy ? structuredClone(summary) : summary;
  if (form) compact.form = form;
  if (keepText && text !== undefined) compact.text = text;
  return compact;
}

/** Lints the tasks of one chunk; the same function runs on the main thread and in the workers. */
export class ChunkLinter {
  private readonly settings: FileSettings[] = [];

  /**
   * `copyResults` false: the results are copied anyway, by postMessage (a worker) or by being written to the
   * run's temporary file (see compactResult).
   */
  constructor(
    private readonly pass: PassSettings,
    private readonly copyResults = true,
  ) {}

  addSettings(entries: ReadonlyArray<Array<[string, RuleEntry]>>): void {
    for (const list of entries)
      this.settings.push(list.length ? settingsFromEntries(new Map(list)) : defaultSettings);
  }

  settingsFor(id: number): FileSettings {
    return this.settings[id] ?? defaultSettings;
  }

  lint(tasks: readonly Task[]): Outcome[] {
    return tasks.map((task) => this.lintOne(task));
  }

  private lintOne(task: Task): Outcome {
    const { lang, maxFileBytes } = this.pass;
    if (task.oversize !== undefined)
      return {
        index: task.index,
        result: unreadableResult(task.file, tooLarge(task.oversize, maxFileBytes), lang),
      };
    let bytes = task.bytes;
    if (!bytes) {
      try {
        // Decoded right away (lintBytes), before the next read reuses the buffer.
        bytes = timed("(read)", () => readFileReusingBuffer(task.file));
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        return { index: task.index, problem: { file: task.file, ...(code ? { code } : {}), message } };
      }
    }
    const hash = this.pass.hashing && !task.bytes ? timed("(cache)", () => contentHash(bytes)) : undefined;
    if (hash !== undefined && hash === task.storedHash) {
      if (!this.pass.keepText) return { index: task.index, hash, reused: true };
      const decoded = decodeSource(bytes, maxFileBytes);
      return {
        index: task.index,
        hash,
        reused: true,
        ...(isDecodeProblem(decoded) ? {} : { text: decoded.text }),
      };
    }
    const result = lintBytes(task.file, bytes, {
      lang,
      maxFileBytes,
      settings: this.settingsFor(task.settings),
    });
    // Standard input cannot be read again for the cross-file pass: it keeps its text.
    return {
      index: task.index,
      ...(hash !== undefined ? { hash } : {}),
      result: timed("(compact)", () =>
        compactResult(result, this.pass.keepText || task.bytes !== undefined, this.copyResults),
      ),
    };
  }
}

/** The worker's module: compiled JavaScript next to this file, or the TypeScript source under tsx (tests). */
function startWorker(init: WorkerInit): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./worker.js", here), { workerData: init });
  const tsxPackage = createRequire(here).resolve("tsx/package.json");
  const register = new URL("dist/esm/api/index.mjs", `file://${tsxPackage}`).href;
  const source = new URL("./worker.ts", here).href;
  const bootstrap = `import(${JSON.stringify(register)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: init });
}

export function threadCount(files: number, concurrency: number | "auto" = "auto"): number {
  if (concurrency === "auto")
    return files < PARALLEL_MIN_FILES ? 1 : Math.min(availableParallelism(), MAX_THREADS, files);
  return Math.max(1, Math.min(Math.floor(concurrency), MAX_THREADS, files));
}

/** Files per message: small enough to balance the threads at the end, large enough to amortise a message. */
function chunkSize(files: number, threads: number): number {
  return Math.max(4, Math.min(32, Math.ceil(files / (threads * 16))));
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The text a compact result was linted from, read again for the cross-file pass. */
function rereadText(file: string, maxFileBytes: number): string | undefined {
  try {
    const decoded = decodeSource(readFileSync(file), maxFileBytes);
    return isDecodeProblem(decoded) ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}

export async function lintInputs(
  inputs: readonly LintInput[],
  options: ParallelRunOptions = {},
): Promise<ParallelRunResult> {
  const pass: PassSettings = {
    lang: options.lang,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    keepText: options.keepText ?? false,
    hashing: options.cache !== undefined,
  };
  const { cache } = options;

  // Distinct rule entries, by their JSON: an agency's folders share a few configurations.
  const settingsTable: Array<Array<[string, RuleEntry]>> = [];
  const settingsIds = new Map<string, number>();
  const settingsOfInput: number[] = [];
  for (const input of inputs) {
    const entries = [...(options.ruleEntriesFor?.(input.file) ?? new Map<string, RuleEntry>())];
    const key = JSON.stringify(entries);
    let id = settingsIds.get(key);
    if (id === undefined) {
      id = settingsTable.length;
      settingsTable.push(entries);
      settingsIds.set(key, id);
    }
    settingsOfInput.push(id);
  }

  // What besides its bytes decides a file's result, for the cache's key.
  const settingsHashes = cache
    ? settingsTable.map((entries) => settingsHash([entries, pass.lang ?? "vi", pass.maxFileBytes]))
    : [];
  const tasks: Task[] = inputs.map((input, index) => {
    const settings = settingsOfInput[index]!;
    const storedHash =
      cache && !input.bytes && input.oversize === undefined
        ? cache.storedHash(input.file, settingsHashes[settings]!)
        : undefined;
    return {
      index,
      file: input.file,
      ...(input.bytes ? { bytes: input.bytes } : {}),
      ...(input.oversize !== undefined ? { oversize: input.oversize } : {}),
      settings,
      ...(storedHash !== undefined ? { storedHash } : {}),
    };
  });
  const outcomes: Array<Outcome | undefined> = new Array(inputs.length);
  const spill = startSpill(options.spill ?? "auto", inputs.length);
  let reused = 0;
  const local = new ChunkLinter(pass, !spill);
  local.addSettings(settingsTable);
  const store = (outcome: Outcome) => {
    if (cache && outcome.reused) {
      const task = tasks[outcome.index]!;
      const stored = cache.reuse(task.file);
      if (stored) {
        if (outcome.text !== undefined) stored.text = outcome.text;
        outcome.result = stored;
        reused++;
      } else {
        // The stored result cannot be read back: lint the file after all.
        const { storedHash: _unusable, ...fresh } = task;
        outcome = local.lint([fresh])[0]!;
      }
    }
    const { result } = outcome;
    if (cache && result && outcome.hash !== undefined && !outcome.reused) {
      const task = tasks[outcome.index]!;
      cache.record(task.file, outcome.hash, settingsHashes[task.settings]!, result);
    }
    if (result) {
      // A result that crossed threads is a copy: share the form entry and the file name again.
      if (result.form) result.form = findForm(result.form.id) ?? result.form;
      for (const finding of result.findings) finding.file = result.file;
      if (spill) outcome.result = spill.add(result);
    }
    outcomes[outcome.index] = outcome;
  };

  const threads = threadCount(inputs.length, options.concurrency);
  if (threads <= 1) {
    for (const task of tasks) store(local.lint([task])[0]!);
  } else {
    await runPool(tasks, threads, pass, settingsTable, local, store);
  }

  const results: FileResult[] = [];
  const problems: ReadProblem[] = [];
  for (const outcome of outcomes) {
    if (outcome?.result) results.push(outcome.result);
    else if (outcome?.problem) problems.push(outcome.problem);
  }
  const settingsByFile = new Map(inputs.map((input, index) => [input.file, settingsOfInput[index]!]));
  const settingsOf = (file: string): FileSettings => {
    const id = settingsByFile.get(file);
    return id === undefined ? defaultSettings : local.settingsFor(id);
  };
  lintProject(results, { lang: options.lang }, settingsOf, (result) =>
    rereadText(result.file, pass.maxFileBytes),
  );
  return { results, problems, reused, release: () => spill?.close() };
}

function startSpill(mode: boolean | "auto", files: number): ResultSpill | undefined {
  if (mode === false || (mode === "auto" && files < SPILL_MIN_FILES)) return undefined;
  try {
    return new ResultSpill();
  } catch {
    return undefined; // no writable temporary folder: keep the results in memory
  }
}

/**
 * Hands out chunks to `threads - 1` workers and lints chunks on the main thread in between, until every
 * chunk has come back. Each worker keeps two chunks in hand so that it never waits for the main thread.
 * A worker that fails leaves its chunks to the main thread, which then fails the same way a one-thread run
 * would.
 */
async function runPool(
  tasks: readonly Task[],
  threads: number,
  pass: PassSettings,
  settingsTable: Array<Array<[string, RuleEntry]>>,
  local: ChunkLinter,
  store: (outcome: Outcome) => void,
): Promise<void> {
  const size = chunkSize(tasks.length, threads);
  const chunks: Task[][] = [];
  for (let start = 0; start < tasks.length; start += size) chunks.push(tasks.slice(start, start + size));
  let next = 0;
  let pending = chunks.length;
  let wake: (() => void) | undefined;
  const settle = () => {
    pending--;
    wake?.();
  };

  interface PoolWorker {
    worker: Worker;
    inHand: Set<number>;
    settingsSent: number;
    failed: boolean;
  }
  const orphans: number[] = [];
  const pool: PoolWorker[] = [];
  const give = (entry: PoolWorker) => {
    if (entry.failed || next >= chunks.length) return;
    const chunk = next++;
    entry.inHand.add(chunk);
    const message: ChunkMessage = {
      chunk,
      tasks: chunks[chunk]!,
      newSettings: settingsTable.slice(entry.settingsSent),
    };
    entry.settingsSent = settingsTable.length;
    entry.worker.postMessage(message);
  };
  const fail = (entry: PoolWorker) => {
    if (entry.failed) return;
    entry.failed = true;
    orphans.push(...entry.inHand);
    entry.inHand.clear();
    wake?.();
  };
  for (let count = 1; count < threads; count++) {
    const entry: PoolWorker = {
      worker: startWorker(pass),
      inHand: new Set(),
      settingsSent: 0,
      failed: false,
    };
    entry.worker.on("message", (reply: ChunkReply) => {
      if (!entry.inHand.delete(reply.chunk)) return;
      for (const outcome of reply.outcomes) store(outcome);
      if (reply.timings) addTimings(reply.timings);
      settle();
      give(entry);
    });
    entry.worker.on("error", () => fail(entry));
    entry.worker.on("exit", () => fail(entry));
    pool.push(entry);
    give(entry);
    give(entry);
  }

  try {
    while (pending > 0) {
      const chunk = orphans.length ? orphans.shift()! : next < chunks.length ? next++ : undefined;
      if (chunk !== undefined) {
        for (const outcome of local.lint(chunks[chunk]!)) store(outcome);
        settle();
        await yieldToEvents();
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    for (const entry of pool) entry.failed = true;
    await Promise.all(pool.map((entry) => entry.worker.terminate()));
  }
}
