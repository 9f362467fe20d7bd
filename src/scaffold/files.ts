/** File names from position names, and the scaffold's write: never half a file, never an overwrite without consent. */
import { stripDiacritics } from "../util/similar.js";
import { writeFileAtomic } from "../util/write-file.js";

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

export { FileExistsError } from "../util/write-file.js";

/** writeFileAtomic with the scaffold's default: an existing file is replaced only with `overwrite`. */
export function writeFileSafely(path: string, content: string, options: { overwrite?: boolean } = {}): void {
  writeFileAtomic(path, content, { overwrite: options.overwrite === true });
}
