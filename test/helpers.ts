import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing its output, as the shell would see it. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "vtvl", ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    color: false,
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "vtvl-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(name: string, content: string | Uint8Array, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
