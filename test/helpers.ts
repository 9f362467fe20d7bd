import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import { packageRoot } from "../src/paths.js";

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

/**
 * Runs the CLI from the sources in a process of its own (what in-process runs cannot show: standard input,
 * environment variables read at start-up), in the package folder, without colour or GitHub's format.
 */
export function runCliProcess(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): CliRun {
  const script =
    "const { main } = await import(process.env.VTVL_MAIN); process.exitCode = await main(['node', 'vtvl', ...process.argv.slice(1)]);";
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script, "--", ...args],
    {
      cwd: packageRoot,
      encoding: "utf8",
      ...(options.input === undefined ? {} : { input: options.input }),
      // A hang then fails the test (killed: no exit code) instead of blocking the run.
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      env: {
        ...process.env,
        VTVL_MAIN: `${packageRoot}src/cli/main.ts`,
        NO_COLOR: "1",
        GITHUB_ACTIONS: "",
        ...options.env,
      },
    },
  );
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

export function tempDir(prefix = "vtvl-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(name: string, content: string | Uint8Array, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
