/**
 * The per-file results of a large lint run, kept in a temporary file instead of memory until the report is
 * written: what a run holds then hardly grows with the number of files. Each result becomes a stand-in that
 * keeps in memory only what the cross-file pass groups files by (file, form, regime, the fields of
 * PROJECT_POSITION_KEYS, their strings shared between files) and reads back when asked its competency levels
 * (a record of their own, so that the cross-file pass reads only those) and its findings, one result at a time
 * (the last one read is kept, so that a formatter looking at a result several times reads it once). A result
 * the cross-file pass changes stays in memory from then on; those are the few files a cross-file finding or an
 * inline directive is about.
 */
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readExactly } from "../util/read-file.js";
import type { FileResult } from "./engine.js";
import type { Finding } from "./finding.js";
import type { Directive, SuppressedFinding } from "./suppress.js";
import type { LevelTable } from "../rules/cross-file/competency-index.js";

/** What of a result goes to disk. */
interface Payload {
  findings: Finding[];
  suppressed?: SuppressedFinding[];
  directives?: Directive[];
  text?: string;
}

const PLACE_FIELDS = 4;

export class ResultSpill {
  private readonly fd: number;
  private readonly path: string;
  private unlinked = false;
  private size = 0;
  /** Per result: where its payload starts and its length, then the same of its levels (length 0: none). */
  private readonly places: number[] = [];
  private cached: { index: number; payload: Payload } | undefined;
  private closed = false;
  private readonly interner = new Interner();

  /** Throws when no temporary file can be made; the caller then keeps its results in memory. */
  constructor(directory = tmpdir()) {
    this.path = join(directory, `vtvl-lint-${process.pid}-${randomBytes(6).toString("hex")}.ndjson`);
    this.fd = openSync(this.path, "wx+", 0o600);
    try {
      // Gone from the directory at once: the file lives as long as the descriptor, even if vtvl is killed.
      unlinkSync(this.path);
      this.unlinked = true;
    } catch {
      // Windows keeps an open file's name: it is removed by close().
    }
  }

  /** Writes `result` away and returns the stand-in to keep in its place. */
  add(result: FileResult): FileResult {
    const { findings, suppressed, directives, text } = result;
    const payload: Payload = {
      findings,
      ...(suppressed?.length ? { suppressed } : {}),
      ...(directives?.length ? { directives } : {}),
      ...(text !== undefined ? { text } : {}),
    };
    const index = this.places.length / PLACE_FIELDS;
    this.write(JSON.stringify(payload));
    if (result.levels) this.write(JSON.stringify(result.levels));
    else this.places.push(0, 0);
    return new SpilledResult(
      this,
      index,
      result,
      { directives: Boolean(directives?.length), text: text !== undefined },
      this.interner,
    );
  }

  private write(json: string): void {
    const bytes = Buffer.from(json);
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    this.places.push(this.size, bytes.length);
    this.size += bytes.length;
  }

  private read(start: number, length: number): unknown {
    if (this.closed) throw new Error("the lint results were released");
    const bytes = Buffer.allocUnsafe(length);
    readExactly(this.fd, bytes, start);
    return JSON.parse(bytes.toString("utf8"));
  }

  /** The payload of result `index`, as written (the same object until another one is read). */
  load(index: number, file: string): Payload {
    if (this.cached?.index === index) return this.cached.payload;
    const at = index * PLACE_FIELDS;
    const payload = this.read(this.places[at]!, this.places[at + 1]!) as Payload;
    // One file name shared by the findings, as in memory.
    for (const finding of payload.findings) finding.file = file;
    for (const finding of payload.suppressed ?? []) finding.file = file;
    this.cached = { index, payload };
    return payload;
  }

  /** The competency levels of result `index`, if it has any. */
  loadLevels(index: number): LevelTable | undefined {
    const at = index * PLACE_FIELDS + 2;
    const length = this.places[at + 1]!;
    return length ? (this.read(this.places[at]!, length) as LevelTable) : undefined;
  }

  /** Frees the temporary file; the stand-ins cannot be read after this. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cached = undefined;
    closeSync(this.fd);
    if (!this.unlinked) rmSync(this.path, { force: true });
  }
}

/** One copy of each string the stand-ins keep (competency names, grades recur in every file). */
class Interner {
  private readonly table = new Map<string, string>();

  /** A deep copy of `value` with its strings shared: also cuts them loose from the file's text. */
  copy<T>(value: T): T {
    if (typeof value === "string") {
      let known = this.table.get(value);
      if (known === undefined) {
        known = ` ${value}`.slice(1); // a flat copy, not a slice of the file's text
        this.table.set(known, known);
      }
      return known as T;
    }
    if (Array.isArray(value)) return value.map((item: unknown) => this.copy(item)) as T;
    if (value !== null && typeof value === "object") {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.copy(item);
      return copy as T;
    }
    return value;
  }
}

/**
 * A result whose findings are on disk, read back when asked. Assigning its findings, suppressed findings or
 * directives, or reading the directives of a file that has some (what the cross-file pass does), keeps it in
 * memory from then on. (Accessors on the prototype: `{ ...result }` would not copy them.)
 */
class SpilledResult implements FileResult {
  file: string;
  fatal: boolean;
  position?: FileResult["position"];
  form?: FileResult["form"];
  regime?: FileResult["regime"];
  hadBom?: boolean;
  private kept: Payload | undefined;
  private keptLevels: LevelTable | undefined;

  constructor(
    private readonly spill: ResultSpill,
    private readonly index: number,
    result: FileResult,
    private readonly has: { directives: boolean; text: boolean },
    interner: Interner,
  ) {
    this.file = result.file;
    this.fatal = result.fatal;
    if (result.position) this.position = interner.copy(result.position);
    if (result.form) this.form = result.form;
    if (result.regime) this.regime = result.regime;
    if (result.hadBom) this.hadBom = true;
  }

  private payload(): Payload {
    return this.kept ?? this.spill.load(this.index, this.file);
  }

  private keep(): Payload {
    return (this.kept ??= this.spill.load(this.index, this.file));
  }

  /** Read from disk each time: the cross-file pass asks for them once per rule and set of files. */
  get levels(): LevelTable | undefined {
    return this.keptLevels ?? this.spill.loadLevels(this.index);
  }
  set levels(value: LevelTable | undefined) {
    this.keptLevels = value;
  }
  get findings(): Finding[] {
    return this.payload().findings;
  }
  set findings(value: Finding[]) {
    this.keep().findings = value;
  }
  get suppressed(): SuppressedFinding[] | undefined {
    return this.payload().suppressed;
  }
  set suppressed(value: SuppressedFinding[] | undefined) {
    this.keep().suppressed = value;
  }
  get directives(): Directive[] | undefined {
    return this.has.directives ? this.keep().directives : this.kept?.directives;
  }
  set directives(value: Directive[] | undefined) {
    this.keep().directives = value;
  }
  get text(): string | undefined {
    return this.has.text ? this.payload().text : undefined;
  }
}
