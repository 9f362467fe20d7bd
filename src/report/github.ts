/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * Escaping follows @actions/core: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import type { FileResult } from "../lint/engine.js";
import type { Severity } from "../lint/finding.js";
import { reportPath, type ReportContext } from "./context.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function* githubChunks(results: readonly FileResult[], context: ReportContext): Generator<string> {
  for (const result of results) {
    const lines: string[] = [];
    const file = reportPath(result.file, context.cwd);
    for (const finding of result.findings) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(`vtvl ${finding.ruleId}`)}`,
      ].join(",");
      lines.push(`::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}\n`);
    }
    if (lines.length) yield lines.join("");
  }
}

export function formatGithub(results: readonly FileResult[], context: ReportContext): string {
  return [...githubChunks(results, context)].join("");
}
