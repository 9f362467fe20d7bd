/**
 * Where outputs go, for every command that writes: folders created one level at a time, a destination
 * checked before any work, file-system errors told in words that name the path the user gave (never the
 * temporary file beside it), and user values kept short in messages.
 */
import { accessSync, constants, mkdirSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { localize, type Lang, type Localized } from "../i18n/index.js";

const MAX_SHOWN = 120;

/** A value the user typed, short enough to quote in a message (a 100 KB --template is not repeated whole). */
export function shown(value: string, max = MAX_SHOWN): string {
  const chars = [...value];
  if (chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join("")}…`;
}

const REASONS: Record<string, Localized> = {
  EACCES: { vi: "không có quyền ghi", en: "permission denied" },
  EPERM: { vi: "không được phép ghi", en: "operation not permitted" },
  EROFS: { vi: "hệ thống tệp chỉ đọc", en: "read-only file system" },
  ENOTDIR: {
    vi: "một phần của đường dẫn là tệp, không phải thư mục",
    en: "part of the path is a file, not a folder",
  },
  EISDIR: { vi: "đây là một thư mục", en: "it is a folder" },
  ENOENT: {
    vi: "không tạo được ở đó (thư mục chứa không có, hoặc hệ thống không cho tạo)",
    en: "cannot be created there (its folder is missing, or the system does not allow it)",
  },
  ENOSPC: { vi: "hết chỗ trên đĩa", en: "no space left on the device" },
  EDQUOT: { vi: "vượt hạn mức đĩa", en: "disk quota exceeded" },
  ENAMETOOLONG: { vi: "tên quá dài", en: "the name is too long" },
  ELOOP: { vi: "quá nhiều liên kết tượng trưng", en: "too many symbolic links" },
  EEXIST: { vi: "đã có một tệp trùng tên", en: "a file of that name exists" },
  EBUSY: { vi: "tệp đang bận", en: "the file is busy" },
  EIO: { vi: "lỗi vào/ra của thiết bị", en: "input/output error" },
  ENXIO: {
    vi: "không mở được để ghi (thiết bị không có, hoặc là một socket)",
    en: "cannot be opened for writing (no such device, or a socket)",
  },
  EPIPE: { vi: "bên đọc đã đóng ống dẫn", en: "the reader closed the pipe" },
};

/** Why a file operation failed, in words, with the system's code for searching. */
export function reasonFor(error: unknown): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code ? REASONS[code] : undefined;
  if (words) return { vi: `${words.vi} (${code})`, en: `${words.en} (${code})` };
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  // A system message names the path it failed on (a temporary file, perhaps): keep only what went wrong.
  const bare = code ? code : message.replace(/,\s*\w+\s+'[^']*'.*$/, "");
  return { vi: bare, en: bare };
}

/** An output that cannot be written where the user asked: `path` as the user gave it. */
export class DestinationError extends Error {
  constructor(
    readonly path: string,
    readonly reason: Localized,
    readonly code?: string,
  ) {
    super(`cannot write "${shown(path)}": ${reason.en}`);
    this.name = "DestinationError";
  }

  static from(path: string, error: unknown): DestinationError {
    if (error instanceof DestinationError) return error;
    return new DestinationError(path, reasonFor(error), (error as NodeJS.ErrnoException | undefined)?.code);
  }

  /** "Không ghi được "x": lý do. Hãy …" in the user's language. */
  describe(lang: Lang, what: Localized = { vi: "Không ghi được", en: "Cannot write" }): string {
    return localize(
      {
        vi: `${what.vi} "${shown(this.path)}": ${this.reason.vi}. Hãy chọn nơi khác hoặc kiểm tra quyền ghi.`,
        en: `${what.en} "${shown(this.path)}": ${this.reason.en}. Choose another place or check the permissions.`,
      },
      lang,
    );
  }
}

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

function statOrMissing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** The nearest folder of `path` (itself included) that exists, and the folders below it that do not. */
function existingAncestor(path: string): { ancestor: string; stats: Stats; missing: string[] } {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    const stats = statOrMissing(current);
    if (stats) return { ancestor: current, stats, missing };
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) throw errno("ENOENT", current);
    current = parent;
  }
}

/**
 * Throws (an errno-style error) when a folder could not be made at `path`: something on the way is a file,
 * or the nearest existing folder is not writable. Creates nothing.
 */
export function checkFolderCreatable(path: string): void {
  const { ancestor, stats } = existingAncestor(path);
  if (!stats.isDirectory()) throw errno("ENOTDIR", ancestor);
  accessSync(ancestor, constants.W_OK | constants.X_OK);
}

/**
 * `mkdir -p`, one level at a time; returns the folders it made, outermost first. Node 20's `mkdirSync(…, { recursive: true })` loops forever where the
 * system answers ENOENT to a folder whose parent exists (under /proc); this fails at once instead.
 */
export function makeDirectory(path: string): string[] {
  const { ancestor, stats, missing } = existingAncestor(path);
  if (!stats.isDirectory()) throw errno("ENOTDIR", ancestor);
  const made: string[] = [];
  for (const folder of missing) {
    try {
      mkdirSync(folder);
      made.push(folder);
    } catch (error) {
      // Made meanwhile by someone else: fine, as long as it is a folder.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !statOrMissing(folder)?.isDirectory())
        throw error;
    }
  }
  return made;
}
