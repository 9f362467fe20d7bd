/**
 * The command line: parses arguments, calls the core, maps outcomes to exit codes. Each command lives in
 * its own module; only the module of the command being run is loaded, so `vtvl lint` never pays for the
 * importer, the scaffolder or the renderer.
 */
import { Command, CommanderError } from "commander";
import { vtvlVersion } from "../version.js";
import { UsageError } from "./errors.js";

type Register = (program: Command, io: CliIo) => void;

/** In the order `vtvl --help` lists them. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  lint: async () => (await import("./commands/lint.js")).registerLint,
  render: async () => (await import("./commands/render.js")).registerRender,
  new: async () => (await import("./commands/new.js")).registerNew,
  init: async () => (await import("./commands/init.js")).registerInit,
  schema: async () => (await import("./commands/schema.js")).registerSchema,
  rules: async () => (await import("./commands/rules.js")).registerRules,
  import: async () => (await import("./commands/import.js")).registerImport,
};

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

/** The program with the command named in `argv`, or every command when none is (help, typos). */
export async function buildProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name("vtvl")
    .description("Bản mô tả công việc và khung năng lực vị trí việc làm: kiểm tra, in, tạo mới")
    .version(vtvlVersion(), "-v, --version")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const requested = argv[2];
  const names =
    requested !== undefined && Object.hasOwn(COMMANDS, requested) ? [requested] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program, io);
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
  const program = await buildProgram(fullIo, argv);
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
