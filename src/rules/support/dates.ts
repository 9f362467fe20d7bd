/** When a description takes effect, as far as the file and its form tell. */
import type { RuleContext } from "../types.js";

/**
 * Whether the description takes effect on or after `date` (ISO): from the file's or form's effective date,
 * else from the year of the form (a 2026 form is after 2025-07-01). Undefined when nothing says.
 */
export function effectiveOnOrAfter(
  context: Pick<RuleContext, "effectiveDate" | "form" | "position">,
  date: string,
): boolean | undefined {
  const own = context.effectiveDate ?? isoDate(context.position.decision?.date);
  if (own) return own >= date;
  const year = context.form.year;
  if (year !== undefined) {
    if (`${year}-12-31` < date) return false;
    if (`${year}-01-01` >= date) return true;
  }
  return undefined;
}

export function isoDate(value: unknown): string | undefined {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** 2025-07-01 → 01/07/2025, as Vietnamese documents write dates. */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
