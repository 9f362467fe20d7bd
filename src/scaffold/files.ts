/** File names from position names, and the scaffold's write: never half a file, never an overwrite without consent. */
import { writeFileAtomic } from "../util/write-file.js";

export { slugify } from "../util/similar.js";

export { FileExistsError } from "../util/write-file.js";

/** writeFileAtomic with the scaffold's default: an existing file is replaced only with `overwrite`. */
export function writeFileSafely(path: string, content: string, options: { overwrite?: boolean } = {}): void {
  writeFileAtomic(path, content, { overwrite: options.overwrite === true });
}
