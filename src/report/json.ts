import type { FileResult } from "../lint/engine.js";

/**
 * Machine-readable findings: one entry per file with its counts, the findings as the engine produced them
 * (including `fix` edits as offsets into the text) and the findings silenced by inline comments.
 */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    results.map((result) => ({
      file: result.file,
      fatal: result.fatal,
      errorCount: result.findings.filter((finding) => finding.severity === "error").length,
      warningCount: result.findings.filter((finding) => finding.severity === "warning").length,
      infoCount: result.findings.filter((finding) => finding.severity === "info").length,
      fixableCount: result.findings.filter((finding) => finding.fix).length,
      findings: result.findings,
      suppressed: result.suppressed ?? [],
    })),
    null,
    2,
  )}\n`;
}
