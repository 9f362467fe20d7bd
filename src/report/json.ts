import type { FileResult } from "../lint/engine.js";

/** Machine-readable findings: one entry per file, findings as the values the engine produced. */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    results.map((result) => ({ file: result.file, fatal: result.fatal, findings: result.findings })),
    null,
    2,
  )}\n`;
}
