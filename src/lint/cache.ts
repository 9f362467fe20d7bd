/**
 * `vtvl lint --cache`: the per-file results of earlier runs, kept in a file (`.vtvlcache` by default) and
 * reused for a file whose bytes, settings and vtvl are the same as when it was linted. As ESLint's `--cache`
 * with `--cache-strategy content`: the key is a hash of the content, not the modification time, which every
 * fresh checkout in CI changes. Cross-file rules always run again, on the summaries the results keep.
 *
 * The file: a header line (format, fingerprint of vtvl), then one record per file: the length of its key (a
 * JSON array: path relative to the cache file, content hash, settings hash, hash of the result), the key, the
 * length of its result, the result (v8 serialization, exact for any value YAML can give; its hash is checked
 * when it is read back, since a damaged byte would otherwise still deserialize, into other findings). The
 * results stay on disk: a run indexes the keys, reads the results it reuses one at a time, and writes a new
 * file beside the old one that replaces it at the end, so an interrupted run leaves the old cache as it was. A
 * cache that cannot be read (another version, damaged, truncated) is not an error: whatever cannot be read is
 * linted again.
 */
import { Buffer } from "node:buffer";
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { deserialize, serialize } from "node:v8";
import { findForm } from "../model/forms.js";
import { packageRoot } from "../paths.js";
import { makeDirectory } from "../util/destination.js";
import { readExactly } from "../util/read-file.js";
import { vtvlVersion } from "../version.js";
import type { FileResult } from "./engine.js";

export const DEFAULT_CACHE_FILE = ".vtvlcache";
const FORMAT = "vtvl-cache 2";
/** How every vtvl cache file starts, whatever its format: what may be overwritten. */
const CACHE_MARK = Buffer.from('["vtvl-cache ');

/** A result as stored: the form by its id (the form entry is the run's own). */
type StoredResult = Omit<FileResult, "form" | "text"> & { form?: string };

interface Entry {
  hash: string;
  settings: string;
  digest: string;
  /** Where its result lies in the old file. */
  start: number;
  length: number;
}

/** The content hash a cache entry is keyed on. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("base64");
}

/** The hash of what, besides the bytes, decides a file's result: its rule settings, language, size limit. */
export function settingsHash(parts: readonly unknown[]): string {
  return createHash("sha1").update(JSON.stringify(parts)).digest("base64");
}

/**
 * What identifies this vtvl: its version, the Node.js it runs on (V8 serializes the results, ICU normalizes
 * Unicode), and the size and time of every file of its code and data (rules, schemas, layouts), so that any
 * rebuild or edit of the rules' data makes the old results unusable. Only stat calls: a few milliseconds.
 */
export function toolFingerprint(root = packageRoot): string {
  const hash = createHash("sha1").update(
    `${vtvlVersion()} ${process.version} ${process.versions.v8} ${process.versions.icu}`,
  );
  const visit = (directory: string) => {
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(directory, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (name !== "node_modules") visit(path);
      } else hash.update(`${relative(root, path)} ${stat.size} ${stat.mtimeMs}\n`);
    }
  };
  for (const part of ["dist", "src", "data", "schemas", "templates/layouts"]) visit(join(root, part));
  return hash.digest("base64");
}

/** The file at --cache-location is something else than a cache: it is left as it is. */
export class ForeignCacheFile extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a vtvl cache: it was left as it is`);
    this.name = "ForeignCacheFile";
  }
}

export class LintCache {
  private readonly directory: string;
  private readonly entries = new Map<string, Entry>();
  private oldFd: number | undefined;
  private newFd: number | undefined;
  private newPath: string | undefined;
  private newSize = 0;
  private readonly written = new Set<string>();
  private failure: unknown;
  /** What is at `path` is not a vtvl cache (a file given by mistake): it is never overwritten. */
  private foreign = false;

  /**
   * The cache at `path` (a file; it need not exist). Never throws for what is in the file: an unreadable or
   * foreign cache is an empty one.
   */
  constructor(
    readonly path: string,
    private readonly fingerprint = toolFingerprint(),
  ) {
    this.path = resolve(path);
    this.directory = dirname(this.path);
    this.index();
  }

  /** The content hash of `file`'s stored result, when it was made with these settings. */
  storedHash(file: string, settings: string): string | undefined {
    const entry = this.entries.get(resolve(file));
    return entry?.settings === settings ? entry.hash : undefined;
  }

  /** The stored result of `file` under the name `file`, or undefined when it cannot be read back. */
  reuse(file: string): FileResult | undefined {
    const key = resolve(file);
    const entry = this.entries.get(key);
    if (!entry || this.oldFd === undefined) return undefined;
    let stored: StoredResult;
    const bytes = Buffer.allocUnsafe(entry.length);
    try {
      readExactly(this.oldFd, bytes, entry.start);
      if (contentHash(bytes) !== entry.digest) return undefined;
      stored = deserialize(bytes) as StoredResult;
    } catch {
      return undefined;
    }
    if (typeof stored !== "object" || stored === null || !Array.isArray(stored.findings)) return undefined;
    const form = stored.form === undefined ? undefined : findForm(stored.form);
    if (stored.form !== undefined && !form) return undefined;
    const result: FileResult = { ...stored, file, ...(form ? { form } : {}) } as FileResult;
    for (const finding of result.findings) finding.file = file;
    for (const finding of result.suppressed ?? []) finding.file = file;
    this.write(key, entry.hash, entry.settings, bytes);
    return result;
  }

  /** Stores the per-file result of `file` (before the cross-file rules), made from bytes of `hash`. */
  record(file: string, hash: string, settings: string, result: FileResult): void {
    const { form, text: _text, ...rest } = result;
    this.write(resolve(file), hash, settings, { ...rest, ...(form ? { form: form.id } : {}) });
  }

  /**
   * Writes the new cache in place of the old one: what this run stored, and the old entries of files it did
   * not lint that still exist. Throws when the file cannot be written, or when what is there is not a vtvl
   * cache; the old file is then left as it was.
   */
  save(): void {
    try {
      if (this.foreign) throw new ForeignCacheFile(this.path);
      if (this.failure !== undefined) throw this.failure;
      this.openNew();
      for (const [key, entry] of this.entries) {
        if (this.written.has(key) || !existsSync(key) || this.oldFd === undefined) continue;
        const bytes = Buffer.allocUnsafe(entry.length);
        readExactly(this.oldFd, bytes, entry.start);
        this.append(key, entry.hash, entry.settings, bytes);
      }
      closeSync(this.newFd!);
      this.newFd = undefined;
      renameSync(this.newPath!, this.path);
      this.newPath = undefined;
    } finally {
      this.close();
    }
  }

  /** Leaves the old cache as it was and removes the new one being written. */
  close(): void {
    if (this.oldFd !== undefined) closeSync(this.oldFd);
    this.oldFd = undefined;
    if (this.newFd !== undefined) closeSync(this.newFd);
    this.newFd = undefined;
    if (this.newPath !== undefined) rmSync(this.newPath, { force: true });
    this.newPath = undefined;
  }

  private index(): void {
    // A device or a pipe (--cache-location /dev/null) is never a cache: renaming the new cache over it would
    // replace the device with a file, and opening a pipe to read it would wait for a writer.
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(this.path, { throwIfNoEntry: false });
    } catch {
      return; // no cache yet (a file in the way is reported when the cache is saved)
    }
    if (stats && !stats.isFile()) {
      this.foreign = true;
      return;
    }
    let fd: number;
    try {
      fd = openSync(this.path, "r");
    } catch {
      return; // no cache yet
    }
    try {
      const size = fstatSync(fd).size;
      const head = Buffer.allocUnsafe(Math.min(size, 4096));
      readExactly(fd, head, 0);
      this.foreign = size > 0 && !head.subarray(0, CACHE_MARK.length).equals(CACHE_MARK);
      const newline = head.indexOf(0x0a);
      if (newline === -1) return;
      const header = JSON.parse(head.subarray(0, newline).toString("utf8")) as unknown;
      if (!Array.isArray(header) || header[0] !== FORMAT || header[1] !== this.fingerprint) return;
      const lengths = Buffer.allocUnsafe(4);
      let offset = newline + 1;
      while (offset + 4 <= size) {
        readExactly(fd, lengths, offset);
        const keyLength = lengths.readUInt32LE(0);
        if (offset + 4 + keyLength + 4 > size) break;
        const keyBytes = Buffer.allocUnsafe(keyLength);
        readExactly(fd, keyBytes, offset + 4);
        readExactly(fd, lengths, offset + 4 + keyLength);
        const length = lengths.readUInt32LE(0);
        const start = offset + 4 + keyLength + 4;
        if (start + length > size) break;
        const key = JSON.parse(keyBytes.toString("utf8")) as unknown;
        if (!Array.isArray(key) || key.length !== 4 || !key.every((part) => typeof part === "string")) break;
        const [path, hash, settings, digest] = key as [string, string, string, string];
        this.entries.set(resolve(this.directory, path), { hash, settings, digest, start, length });
        offset = start + length;
      }
      this.oldFd = fd;
    } catch {
      // a damaged cache: keep what was indexed before the damage
      if (this.entries.size) this.oldFd = fd;
    } finally {
      if (this.oldFd === undefined) closeSync(fd);
    }
  }

  private write(key: string, hash: string, settings: string, stored: StoredResult | Buffer): void {
    if (this.failure !== undefined) return;
    try {
      this.openNew();
      this.append(key, hash, settings, Buffer.isBuffer(stored) ? stored : serialize(stored));
    } catch (error) {
      this.failure = error;
    }
  }

  private openNew(): void {
    if (this.newFd !== undefined) return;
    makeDirectory(this.directory);
    this.newPath = join(this.directory, `.vtvlcache-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
    this.newFd = openSync(this.newPath, "wx", 0o644);
    this.put(Buffer.from(`${JSON.stringify([FORMAT, this.fingerprint])}\n`));
  }

  private append(key: string, hash: string, settings: string, payload: Buffer): void {
    const path = relative(this.directory, key);
    const keyBytes = Buffer.from(
      JSON.stringify([
        isAbsolute(path) ? path : path.split(sep).join("/"),
        hash,
        settings,
        contentHash(payload),
      ]),
    );
    const lengths = Buffer.allocUnsafe(4);
    lengths.writeUInt32LE(keyBytes.length, 0);
    this.put(lengths);
    this.put(keyBytes);
    const payloadLength = Buffer.allocUnsafe(4);
    payloadLength.writeUInt32LE(payload.length, 0);
    this.put(payloadLength);
    this.put(payload);
    this.written.add(key);
  }

  private put(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length)
      done += writeSync(this.newFd!, bytes, done, bytes.length - done, this.newSize + done);
    this.newSize += bytes.length;
  }
}
