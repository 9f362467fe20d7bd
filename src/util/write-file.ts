/**
 * The one way vtvl writes an output file. A regular (or new) file is written beside its target and renamed
 * into place, so a reader never sees half a file and a failed write leaves the old one intact. Anything else
 * — a character device (-o /dev/null), a FIFO, a socket — is written to directly: renaming over it would
 * replace the device with a regular file.
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { makeDirectory } from "./destination.js";

export interface WriteFileOptions {
  /** `false`: fail with {@link FileExistsError} when the target exists (checked atomically). Default `true`. */
  overwrite?: boolean;
  /** Permissions of a new file (before the umask). An existing file keeps its own. */
  mode?: number;
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`File exists: ${path}`);
    this.name = "FileExistsError";
  }
}

const MAX_SYMLINK_HOPS = 40;

/** The file a write to `path` lands on: symbolic links followed, even one whose target does not exist yet. */
function resolveTarget(path: string): string {
  let current = resolve(path);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop++) {
    let link: Stats;
    try {
      link = lstatSync(current);
    } catch {
      return current;
    }
    if (!link.isSymbolicLink()) return current;
    try {
      return realpathSync(current);
    } catch {
      // A dangling link: follow it one step by hand, toward the file it will create.
      current = resolve(dirname(current), readlinkSync(current));
    }
  }
  return current;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Hard links exist on every disk vtvl expects, but FAT and some network shares refuse them. */
function linkUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS";
}

/** Text in pieces (a report written as it is formatted), or whole. */
export type FileData = string | Uint8Array | Iterable<string>;

function writeData(path: string, data: FileData, flag: string, mode?: number): void {
  if (typeof data === "string" || data instanceof Uint8Array) {
    writeFileSync(path, data, { flag, ...(mode === undefined ? {} : { mode }) });
    return;
  }
  const fd = openSync(path, flag, mode);
  try {
    for (const piece of data) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to `path` without ever leaving half a file, a stray temporary file, or a replaced device. */
export function writeFileAtomic(path: string, data: FileData, options: WriteFileOptions = {}): void {
  const overwrite = options.overwrite ?? true;
  const target = resolveTarget(path);
  const existing = statOrUndefined(target);
  if (!existing) {
    // /dev/stdout on a pipe: a link into /proc whose target has no name on disk, yet opens.
    const opened = statOrUndefined(path);
    if (opened && !opened.isFile()) {
      if (!overwrite) throw new FileExistsError(path);
      writeData(path, data, "w");
      return;
    }
  }
  if (existing && !overwrite) throw new FileExistsError(path);
  if (existing && !existing.isFile()) {
    writeData(target, data, "w");
    return;
  }

  if (!existing) makeDirectory(dirname(target));
  const temporary = temporaryBeside(target);
  try {
    writeData(temporary, data, "wx", options.mode ?? 0o666);
    if (existing) {
      const created = statSync(temporary);
      if (created.uid !== existing.uid || created.gid !== existing.gid) {
        try {
          chownSync(temporary, existing.uid, existing.gid);
        } catch {
          // Only root may give a file away; anyone else writes a file they own, as an editor would.
        }
      }
      // After the chown, which clears set-id bits.
      chmodSync(temporary, existing.mode & 0o7777);
    }
    if (overwrite) {
      renameSync(temporary, target);
      return;
    }
    // A hard link fails with EEXIST if the target appeared since the check above: no race, no overwrite.
    try {
      linkSync(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new FileExistsError(path);
      if (!linkUnsupported(error)) throw error;
      if (existsSync(target)) throw new FileExistsError(path);
      renameSync(temporary, target);
      return;
    }
    rmSync(temporary, { force: true });
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
