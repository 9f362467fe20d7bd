/**
 * Fingerprints that stay the same across runs while the finding does: the file, the rule, the YAML node
 * and the text the finding covers, but not the line number (adding a task above must not make every
 * finding below look new in a merge request), plus an occurrence number for identical findings.
 */
import { createHash } from "node:crypto";
import type { FileResult } from "../lint/engine.js";
import type { Finding } from "../lint/finding.js";

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function coveredText(finding: Finding, text: string | undefined, starts: number[] | undefined): string {
  if (!text || !starts) return "";
  const offset = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  return text
    .slice(offset(finding.line, finding.column), offset(finding.endLine, finding.endColumn))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

/** One fingerprint per finding of `result`, in the order of `findings`. */
export function fingerprints(result: FileResult, path: string, findings: readonly Finding[]): string[] {
  const starts = result.text ? lineStarts(result.text) : undefined;
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [path, finding.ruleId, finding.path, coveredText(finding, result.text, starts)].join(
      "\u0000",
    );
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash("md5").update(`${key}\u0000${occurrence}`).digest("hex");
  });
}
