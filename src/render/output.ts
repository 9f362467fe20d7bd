/**
 * Writing outputs safely: a temporary file in the target folder, then a rename, so a reader never sees half a
 * PDF; and never over a file that vtvl did not write, unless the user says --force. Our PDFs carry
 * "vtvl/<version>" as their /Creator (the browser's user agent), our HTML files a generator meta tag.
 */
import { closeSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { writeFileAtomic } from "../util/write-file.js";
import { DestinationError, makeDirectory } from "../util/destination.js";

export { DestinationError } from "../util/destination.js";

const HEAD_BYTES = 8192;

/** Whether `path` is a file a previous `vtvl render` wrote (so replacing it loses nothing of the user's). */
export function isOwnOutput(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = Buffer.alloc(HEAD_BYTES);
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, length).toString("latin1");
    if (head.startsWith("%PDF-")) return /\/Creator\s*\(vtvl\//.test(head);
    return /<meta name="generator" content="vtvl /.test(Buffer.from(head, "latin1").toString("utf8"));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class OutputRefused extends Error {
  constructor(readonly path: string) {
    super(`refusing to overwrite ${path}`);
    this.name = "OutputRefused";
  }
}

/**
 * Writes `data` to `path` atomically; an existing file that is not ours needs `force`. A device or a pipe
 * (-o /dev/stdout) is written as it is, and never read to see whose it is (reading a terminal would wait
 * for the user). A path that cannot be written throws {@link DestinationError}, naming `path`.
 */
export function writeOutput(path: string, data: string | Uint8Array, force: boolean): void {
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw DestinationError.from(path, error);
  }
  if (existing?.isDirectory()) throw DestinationError.from(path, { code: "EISDIR" });
  if (existing?.isFile() && !force && !isOwnOutput(path)) throw new OutputRefused(path);
  try {
    if (!existing) makeDirectory(dirname(path));
    writeFileAtomic(path, data);
  } catch (error) {
    throw DestinationError.from(path, error);
  }
}
