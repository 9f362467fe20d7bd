import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileExistsError, writeFileAtomic } from "../src/util/write-file.js";

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "vtvl-write-file-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** What another process reads from the FIFO, until the writer closes it. */
function readFromFifo(fifo: string): Promise<string> {
  const reader = spawn("cat", [fifo]);
  let received = "";
  reader.stdout.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
  return new Promise((done) => reader.on("close", () => done(received)));
}

function leftovers(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.endsWith(".tmp"));
}

describe("writeFileAtomic", () => {
  it("replaces a regular file and leaves no temporary file", () => {
    const path = join(folder, "report.txt");
    writeFileSync(path, "old");
    writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(leftovers(folder)).toEqual([]);
  });

  it("creates a new file in folders that do not exist yet", () => {
    const path = join(folder, "a", "b", "mo-ta.yaml");
    writeFileAtomic(path, "ten_vi_tri: x\n");
    expect(readFileSync(path, "utf8")).toBe("ten_vi_tri: x\n");
  });

  it("keeps the mode of an existing file", () => {
    const path = join(folder, "script.sh");
    writeFileSync(path, "#!/bin/sh\n");
    chmodSync(path, 0o751);
    writeFileAtomic(path, "#!/bin/sh\necho\n");
    expect(statSync(path).mode & 0o7777).toBe(0o751);
  });

  it("writes through a symbolic link to its target and keeps the link", () => {
    const target = join(folder, "real.yaml");
    const link = join(folder, "link.yaml");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    writeFileAtomic(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  it("creates the missing target of a dangling symbolic link", () => {
    const target = join(folder, "later.yaml");
    const link = join(folder, "link.yaml");
    symlinkSync("later.yaml", link);
    writeFileAtomic(link, "made");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("made");
  });

  it("writes into a FIFO instead of replacing it with a regular file", async () => {
    const fifo = join(folder, "pipe");
    execFileSync("mkfifo", [fifo]);
    const received = readFromFifo(fifo);
    writeFileAtomic(fifo, "through the pipe\n");
    expect(await received).toBe("through the pipe\n");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  it("reaches a device like /dev/null through a link, never replacing it (checked read-only)", async () => {
    // /dev/null itself is never written here: a FIFO behind a symbolic link stands in for "-o /dev/stdout".
    const fifo = join(folder, "device");
    const link = join(folder, "stdout");
    execFileSync("mkfifo", [fifo]);
    symlinkSync(fifo, link);
    const received = readFromFifo(fifo);
    writeFileAtomic(link, "x");
    expect(await received).toBe("x");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses an existing file when overwrite is false, and keeps it", () => {
    const path = join(folder, "mine.yaml");
    writeFileSync(path, "the user's");
    expect(() => writeFileAtomic(path, "ours", { overwrite: false })).toThrow(FileExistsError);
    expect(readFileSync(path, "utf8")).toBe("the user's");
    expect(leftovers(folder)).toEqual([]);
  });

  it("creates a new file when overwrite is false", () => {
    const path = join(folder, "fresh.yaml");
    writeFileAtomic(path, "fresh", { overwrite: false, mode: 0o600 });
    expect(readFileSync(path, "utf8")).toBe("fresh");
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(leftovers(folder)).toEqual([]);
  });

  it("leaves neither a temporary file nor a damaged target when the write fails midway", () => {
    // A file-size limit (ulimit -f) makes the write of the temporary file fail with EFBIG after it was created.
    const path = join(folder, "report.sarif");
    writeFileSync(path, "previous report");
    const module = join(import.meta.dirname, "..", "src", "util", "write-file.ts");
    const script = `import { writeFileAtomic } from ${JSON.stringify(module)};
try { writeFileAtomic(process.argv[1], Buffer.alloc(1 << 20)); } catch (error) { console.log(error.code); process.exit(3); }`;
    const outcome = spawnSync(
      "bash",
      [
        "-c",
        'ulimit -f 4; exec "$0" --import tsx --input-type=module -e "$1" "$2"',
        process.execPath,
        script,
        path,
      ],
      { encoding: "utf8" },
    );
    expect(outcome.status).toBe(3);
    expect(outcome.stdout.trim()).toBe("EFBIG");
    expect(readFileSync(path, "utf8")).toBe("previous report");
    expect(leftovers(folder)).toEqual([]);
  });

  it("fails on a directory in the way without touching it", () => {
    const path = join(folder, "occupied");
    mkdirSync(path);
    expect(() => writeFileAtomic(path, "data")).toThrow();
    expect(statSync(path).isDirectory()).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });
});
