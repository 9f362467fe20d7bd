/**
 * Where a lint run spends its time, per rule and per phase, when VTVL_TIMING is set (as ESLint's TIMING):
 * each thread adds up its own, workers send theirs back with their results, and the CLI prints the slowest
 * entries on stderr at the end. Off, it costs one branch per rule call.
 */
import { performance } from "node:perf_hooks";

export const timingEnabled = Boolean(process.env.VTVL_TIMING);

const spent = new Map<string, number>();

/** Runs `work`, adding its wall time to `name` when timing is on. */
export function timed<T>(name: string, work: () => T): T {
  if (!timingEnabled) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
  }
}

/** This thread's totals since the last call (milliseconds by name); the table starts again empty. */
export function takeTimings(): Array<[string, number]> {
  const entries = [...spent];
  spent.clear();
  return entries;
}

/** Adds totals measured elsewhere (a worker thread). */
export function addTimings(entries: ReadonlyArray<[string, number]>): void {
  for (const [name, ms] of entries) spent.set(name, (spent.get(name) ?? 0) + ms);
}

/** The table printed at the end of a run: the `limit` largest entries (VTVL_TIMING=all for every one). */
export function formatTimings(entries: ReadonlyArray<[string, number]>): string {
  const all = process.env.VTVL_TIMING === "all";
  const limit = all ? entries.length : Math.max(1, Number(process.env.VTVL_TIMING) || 15);
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  const rows = [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const width = Math.max(4, ...rows.map(([name]) => name.length));
  const lines = [`${"Rule / phase".padEnd(width)} | Time (ms) | Relative`];
  lines.push(`${"-".repeat(width)}-|-----------|---------`);
  for (const [name, ms] of rows)
    lines.push(
      `${name.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${((100 * ms) / (total || 1)).toFixed(1).padStart(7)}%`,
    );
  return `${lines.join("\n")}\n`;
}
