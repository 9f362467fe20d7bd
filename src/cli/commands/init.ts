import type { Command } from "commander";
import { UsageError } from "../errors.js";
import type { CliIo } from "../main.js";

// Placeholder until the command lands; owned by the issue that builds it.
export function registerInit(program: Command, _io: CliIo): void {
  program
    .command("init")
    .description("(chưa có / not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new UsageError("Lệnh `init` chưa có trong phiên bản này.");
    });
}
