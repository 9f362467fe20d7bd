import type { FileResult } from "../lint/engine.js";
import { jsonArrayChunks } from "./context.js";

/**
 * Machine-readable findings: one entry per file with its counts, the findings as the engine produced them
 * (including `fix` edits as offsets into the text) and the findings silenced by inline comments.
 */
function* entries(results: readonly FileResult[]) {
  for (const result of results)
    yield {
      file: result.file,
      fatal: result.fatal,
      errorCount: result.findings.filter((finding) => finding.severity === "error").length,
      warningCount: result.findings.filter((finding) => finding.severity === "warning").length,
      infoCount: result.findings.filter((finding) => finding.severity === "info").length,
      fixableCount: result.findings.filter((finding) => finding.fix).length,
      findings: result.findings,
      suppressed: result.suppressed ?? [],
    };
}

export function* jsonChunks(results: readonly FileResult[]): Generator<string> {
  yield* jsonArrayChunks(entries(results));
  yield "\n";
}

export function formatJson(results: readonly FileResult[]): string {
  return [...jsonChunks(results)].join("");
}
