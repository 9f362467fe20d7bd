import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { isLang, type Lang } from "../../i18n/index.js";
import { lintBytes, lintProject, type FileResult } from "../../lint/engine.js";
import { SEVERITY_RANK, type Severity } from "../../lint/finding.js";
import { formatJson } from "../../report/json.js";
import { formatStylish } from "../../report/stylish.js";
import { UsageError } from "../errors.js";
import { expandInputs } from "../inputs.js";
import type { CliIo } from "../main.js";

interface LintFlags {
  format: string;
  lang: string;
  failSeverity: string;
  maxWarnings?: string;
  color?: boolean;
}

export function exitCodeFor(
  results: readonly FileResult[],
  failSeverity: Severity,
  maxWarnings?: number,
): number {
  const findings = results.flatMap((result) => result.findings);
  const failing = findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failSeverity]);
  const warnings = findings.filter((finding) => finding.severity === "warning").length;
  return failing || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

export function registerLint(program: Command, io: CliIo): void {
  program
    .command("lint")
    .description("Kiểm tra các bản mô tả theo lược đồ và quy tắc của thông tư (check descriptions)")
    .argument("<paths...>", "tệp hoặc thư mục .yaml")
    .option("-f, --format <format>", "stylish | json", "stylish")
    .option("--lang <lang>", "ngôn ngữ thông báo: vi | en", "vi")
    .option("--fail-severity <severity>", "mức thấp nhất làm lệnh thất bại: error | warning | info", "error")
    .option("--max-warnings <n>", "thất bại khi số cảnh báo vượt quá n")
    .option("--no-color", "không tô màu")
    .action((paths: string[], flags: LintFlags) => {
      if (!isLang(flags.lang)) throw new UsageError(`--lang phải là vi hoặc en, không phải "${flags.lang}".`);
      const lang: Lang = flags.lang;
      if (!(flags.failSeverity in SEVERITY_RANK))
        throw new UsageError(
          `--fail-severity phải là error, warning hoặc info, không phải "${flags.failSeverity}".`,
        );
      const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
        throw new UsageError(`--max-warnings cần một số nguyên không âm, không phải "${flags.maxWarnings}".`);
      const files = expandInputs(paths);
      const results = files.map((file) => {
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          throw new UsageError(
            `Không đọc được "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          );
        }
        return lintBytes(file, bytes, { lang });
      });
      lintProject(results, { lang });
      if (flags.format === "json") io.stdout(formatJson(results));
      else if (flags.format === "stylish")
        io.stdout(formatStylish(results, { color: io.color && flags.color !== false, lang }));
      else throw new UsageError(`Định dạng không có: "${flags.format}". Dùng stylish hoặc json.`);
      io.setExitCode(exitCodeFor(results, flags.failSeverity as Severity, maxWarnings));
    });
}
