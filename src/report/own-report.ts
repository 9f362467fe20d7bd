/**
 * Whether a file is a report an earlier `vtvl lint -o` wrote, in any format: such a file may be replaced by
 * the next run (a CI job writes lint.sarif on every push); any other existing file needs --force, so that a
 * mistyped -o never replaces a description or a user's document with a report.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const HEAD_BYTES = 8192;
const TAIL_BYTES = 2048;

const LOOKS_OURS: ReadonlyArray<(head: string, tail: string) => boolean> = [
  // json (an array of file results) and gitlab (an array of Code Quality issues)
  (head) => /^\s*\[\s*(?:\]|\{\s*"(?:file|type)":)/.test(head),
  (head) => /^\s*\{\s*"\$schema":\s*"[^"]*sarif/.test(head) && /"name":\s*"vtvl"/.test(head),
  (head) => /^<\?xml[^>]*\?>\s*<testsuites name="vtvl /.test(head),
  (head) => /^::(?:error|warning|notice) file=[^\n]*title=vtvl /.test(head),
  // stylish ends with its count of problems (and the fixable hint); without findings it writes nothing
  (_head, tail) => /✖ \d+ (?:vấn đề|problems?) \(/.test(tail),
];

export function isLintReport(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const { size } = fstatSync(fd);
    if (size === 0) return true;
    const read = (length: number, position: number): string => {
      const buffer = Buffer.alloc(length);
      const count = readSync(fd!, buffer, 0, length, position);
      return buffer.subarray(0, count).toString("utf8");
    };
    const head = read(Math.min(HEAD_BYTES, size), 0);
    const tail = read(Math.min(TAIL_BYTES, size), Math.max(0, size - TAIL_BYTES));
    return LOOKS_OURS.some((test) => test(head, tail));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
