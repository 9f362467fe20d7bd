/**
 * Safe fixes are text edits (offsets into the decoded text). Applying them never re-serialises the YAML,
 * so comments, quoting, ordering and line endings stay exactly as the author wrote them.
 */
import type { Finding, Fix, TextEdit } from "./finding.js";

export interface AppliedFixes {
  text: string;
  /** Fixes applied; fixes that overlap an earlier one wait for the next pass. */
  applied: number;
}

function isUsable(edit: TextEdit, length: number): boolean {
  return (
    Number.isInteger(edit.start) &&
    Number.isInteger(edit.end) &&
    edit.start >= 0 &&
    edit.start <= edit.end &&
    edit.end <= length &&
    typeof edit.text === "string"
  );
}

/** Two edits conflict when their ranges intersect or they start at the same place (order would be a guess). */
function conflict(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Applies every fix whose edits do not overlap those of a fix taken before it (all edits of a fix, or none). */
export function applyFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const fixes = findings
    .map((finding) => finding.fix)
    .filter((fix): fix is Fix => Boolean(fix?.edits.length))
    .map((fix) => [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end))
    .filter((edits) => edits.every((edit) => isUsable(edit, text.length)))
    .sort((a, b) => a[0]!.start - b[0]!.start);
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const edits of fixes) {
    const overlaps = edits.some((edit) => taken.some((other) => conflict(edit, other)));
    if (overlaps) continue;
    const changes = edits.some((edit) => text.slice(edit.start, edit.end) !== edit.text);
    if (!changes) continue;
    taken.push(...edits);
    applied++;
  }
  if (!applied) return { text, applied };
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let fixed = text;
  for (const edit of taken) fixed = fixed.slice(0, edit.start) + edit.text + fixed.slice(edit.end);
  return { text: fixed, applied };
}
