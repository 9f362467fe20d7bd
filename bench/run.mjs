#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ one after the other (never in parallel: they measure time).
// Each writes its own section of docs/PERFORMANCE.md. A benchmark is a bench/<name>.mjs listed here.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const benchmarks = ["lint", "render"];
const only = process.argv.slice(2);
let failed = false;
for (const name of benchmarks) {
  if (only.length && !only.includes(name)) continue;
  const script = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
  if (!existsSync(script)) continue;
  console.log(`\n=== bench/${name}.mjs`);
  const result = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
