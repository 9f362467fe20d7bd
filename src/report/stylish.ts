/** The default output: findings grouped by file, one line each, like ESLint's stylish formatter. */
import { Chalk } from "chalk";
import type { Lang } from "../i18n/index.js";
import type { Finding } from "../lint/finding.js";
import type { FileResult } from "../lint/engine.js";

export interface StylishOptions {
  color: boolean;
  lang: Lang;
}

export function* stylishChunks(results: readonly FileResult[], options: StylishOptions): Generator<string> {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const result of results) {
    if (!result.findings.length) continue;
    const lines: string[] = [chalk.underline(result.file)];
    const width = Math.max(...result.findings.map((f: Finding) => `${f.line}:${f.column}`.length));
    for (const finding of result.findings) {
      counts[finding.severity]++;
      if (finding.fix) counts.fixable++;
      const where = `${finding.line}:${finding.column}`.padEnd(width);
      const severity =
        finding.severity === "error"
          ? chalk.red(options.lang === "vi" ? "lỗi     " : "error   ")
          : finding.severity === "warning"
            ? chalk.yellow(options.lang === "vi" ? "cảnh báo" : "warning ")
            : chalk.blue(options.lang === "vi" ? "lưu ý   " : "info    ");
      const [first, ...rest] = finding.message.split("\n");
      lines.push(`  ${chalk.dim(where)}  ${severity}  ${first}  ${chalk.dim(finding.ruleId)}`);
      for (const more of rest) lines.push(`  ${" ".repeat(width)}            ${more}`);
    }
    lines.push("");
    yield lines.map((line) => `${line}\n`).join("");
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return;
  const summary =
    options.lang === "vi"
      ? `✖ ${total} vấn đề (${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} lưu ý)`
      : `✖ ${total} problem${total === 1 ? "" : "s"} (${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info)`;
  yield `${counts.error ? chalk.red.bold(summary) : chalk.yellow.bold(summary)}\n`;
  if (counts.fixable)
    yield `${chalk.dim(
      options.lang === "vi"
        ? `  ${counts.fixable} vấn đề có thể sửa tự động bằng --fix.`
        : `  ${counts.fixable} problem(s) can be fixed with --fix.`,
    )}\n`;
}

export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  return [...stylishChunks(results, options)].join("");
}
