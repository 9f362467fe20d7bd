import { closeSync, openSync, readSync } from "node:fs";
import { Buffer } from "node:buffer";

let buffer = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * The bytes of a file, read into one buffer reused from call to call: a large lint run reads thousands of
 * files, and a fresh buffer for each is memory outside the heap that the garbage collector keeps track of.
 * The bytes are valid until the next call: decode them first.
 */
export function readFileReusingBuffer(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Fills `bytes` from `fd` at `position`; throws when the file ends first. */
export function readExactly(fd: number, bytes: Uint8Array, position: number): void {
  let read = 0;
  while (read < bytes.length) {
    const count = readSync(fd, bytes, read, bytes.length - read, position + read);
    if (count === 0) throw new Error("the file ended early");
    read += count;
  }
}
