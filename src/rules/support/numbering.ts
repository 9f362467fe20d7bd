/**
 * Numbered rows (tasks "2.1 … 2.9", rights "4.1 …", grouped rights "1", "1.1"): each code well formed, none
 * repeated, none skipped, in order. One function for every numbered list of every form.
 */
import type { PathSegment } from "../../lint/finding.js";

export interface NumberedRow {
  code: string | undefined;
  path: PathSegment[];
  /** A row that continues the one above (no code, no content of its own): not numbered in the source. */
  continuation?: boolean;
}

export type NumberingProblem =
  | { kind: "malformed"; row: NumberedRow; code: string; suggestion?: string }
  | { kind: "missing"; row: NumberedRow; expected: string }
  | { kind: "duplicate"; row: NumberedRow; code: string }
  | { kind: "order"; row: NumberedRow; code: string; previous: string }
  /** `missing`: every skipped code, or for a long gap its first and its last (`count` tells how many). */
  | { kind: "gap"; row: NumberedRow; code: string; missing: string[]; count: number };

/**
 * A gap longer than this is told by its ends: a year or a phone number typed as a code ("2022" for "2.2")
 * would otherwise list millions of codes.
 */
const MAX_LISTED_GAP = 10;

function codeFor(prefix: string, n: number): string {
  return prefix ? `${prefix}.${n}` : String(n);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The sequence number of a well-formed code, or a guess at what a malformed one meant. */
function readCode(code: string, prefix: string): { n?: number; suggestion?: number } {
  const trimmed = code.trim();
  const wellFormed = prefix
    ? new RegExp(`^${escape(prefix)}\\.(\\d+)\\.?$`).exec(trimmed)
    : /^(\d+)\.?$/.exec(trimmed);
  if (wellFormed) return { n: Number(wellFormed[1]) };
  if (prefix) {
    const glued = new RegExp(`^${escape(prefix)}(\\d)$`).exec(trimmed);
    const otherSeparator = new RegExp(`^${escape(prefix)}\\s*[,\\-–/ ]\\s*(\\d+)\\.?$`).exec(trimmed);
    const bare = /^(\d+)\.?$/.exec(trimmed);
    const guess = glued ?? otherSeparator ?? (bare && bare[1] !== prefix ? bare : null);
    return guess ? { suggestion: Number(guess[1]) } : {};
  }
  const decorated = /^(\d+)\s*[)\-–:]?$/.exec(trimmed);
  return decorated ? { suggestion: Number(decorated[1]) } : {};
}

export function checkNumbering(rows: readonly NumberedRow[], prefix: string): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  if (!rows.some((row) => row.code !== undefined && row.code.trim() !== "")) return problems;
  const seen = new Set<number>();
  let previous = 0;
  for (const row of rows) {
    const code = row.code?.trim() ?? "";
    if (!code) {
      if (!row.continuation) problems.push({ kind: "missing", row, expected: codeFor(prefix, previous + 1) });
      if (!row.continuation) previous++;
      continue;
    }
    const read = readCode(code, prefix);
    let n = read.n;
    if (n === undefined) {
      problems.push({
        kind: "malformed",
        row,
        code,
        suggestion: read.suggestion !== undefined ? codeFor(prefix, read.suggestion) : undefined,
      });
      n = read.suggestion;
      if (n === undefined) {
        previous++;
        continue;
      }
    } else if (seen.has(n)) {
      problems.push({ kind: "duplicate", row, code });
    } else if (n < previous) {
      problems.push({ kind: "order", row, code, previous: codeFor(prefix, previous) });
    } else if (n > previous + 1) {
      const count = n - previous - 1;
      const missing: string[] = [];
      if (count <= MAX_LISTED_GAP) for (let k = previous + 1; k < n; k++) missing.push(codeFor(prefix, k));
      else missing.push(codeFor(prefix, previous + 1), codeFor(prefix, n - 1));
      problems.push({ kind: "gap", row, code, missing, count });
    }
    seen.add(n);
    previous = Math.max(previous, n);
  }
  return problems;
}
