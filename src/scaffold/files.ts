/** File names from position names, and writes that never leave half a file nor overwrite without consent. */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { stripDiacritics } from "../util/similar.js";

/** "Chuyên viên chính về kiểm soát thủ tục hành chính" → "chuyen-vien-chinh-ve-kiem-soat-thu-tuc-hanh-chinh". */
export function slugify(text: string, maxLength = 80): string {
  const slug = stripDiacritics(text.normalize("NFC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug || "vi-tri-viec-lam";
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf("-") > maxLength / 2 ? cut.lastIndexOf("-") : maxLength);
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`File exists: ${path}`);
    this.name = "FileExistsError";
  }
}

/**
 * Writes `content` to a temporary file beside `path`, then moves it into place: readers never see half a
 * file. Without `overwrite`, the move is a hard link, which fails atomically if `path` appeared meanwhile.
 */
export function writeFileSafely(path: string, content: string, options: { overwrite?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  writeFileSync(temporary, content, { flag: "wx" });
  try {
    if (options.overwrite) {
      renameSync(temporary, path);
      return;
    }
    try {
      linkSync(temporary, path);
      unlinkSync(temporary);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" || existsSync(path))
        throw new FileExistsError(path);
      // File systems without hard links (FAT, some network shares): checked above, then moved.
      renameSync(temporary, path);
    }
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already moved or removed
    }
    throw error;
  }
}
