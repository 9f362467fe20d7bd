/**
 * The command line: parses arguments, calls the core, maps outcomes to exit codes. Each command lives in
 * its own module and imports its heavy parts (browser, templates) only when it runs.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { packageRoot } from "../paths.js";
import { registerImport } from "./commands/import.js";
import { registerInit } from "./commands/init.js";
import { registerLint } from "./commands/lint.js";
import { registerNew } from "./commands/new.js";
import { registerRender } from "./commands/render.js";
import { registerRules } from "./commands/rules.js";
import { registerSchema } from "./commands/schema.js";
import { UsageError } from "./errors.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
  setExitCode(code: number): void;
}

export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY);
}

function version(): string {
  return (JSON.parse(readFileSync(`${packageRoot}package.json`, "utf8")) as { version: string }).version;
}

export function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name("vtvl")
    .description("Bản mô tả công việc và khung năng lực vị trí việc làm: kiểm tra, in, tạo mới")
    .version(version(), "-v, --version")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerLint(program, io);
  registerRender(program, io);
  registerNew(program, io);
  registerInit(program, io);
  registerSchema(program, io);
  registerRules(program, io);
  registerImport(program, io);
  return program;
}

export async function main(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  let exitCode = 0;
  const fullIo: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: colorEnabled(process.stdout),
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
    ...io,
  };
  if (io?.setExitCode) {
    const outer = io.setExitCode;
    fullIo.setExitCode = (code) => {
      exitCode = Math.max(exitCode, code);
      outer(code);
    };
  }
  const program = buildProgram(fullIo);
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
      if (error.code === "commander.help") return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      fullIo.stderr(`vtvl: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  return exitCode;
}
