/** Helpers the benchmarks share. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../", import.meta.url));

/**
 * Puts `section` (which starts with its own "## <heading>" line) into docs/PERFORMANCE.md, replacing the
 * section of that heading from an earlier run and leaving the other benchmarks' sections as they are.
 */
export function writePerformanceSection(heading, section, bench) {
  const perfFile = join(root, "docs/PERFORMANCE.md");
  let document = existsSync(perfFile) ? readFileSync(perfFile, "utf8") : "# Performance\n";
  const start = document.search(new RegExp(`^## ${heading}\\s*$`, "m"));
  if (start === -1) document = `${document.trimEnd()}\n\n${section}`;
  else {
    const rest = document.slice(start + 1);
    const nextHeading = rest.search(/^## /m);
    const end = nextHeading === -1 ? document.length : start + 1 + nextHeading;
    document = `${document.slice(0, start)}${section}${nextHeading === -1 ? "" : `\n${document.slice(end)}`}`;
  }
  writeFileSync(perfFile, `${document.trimEnd()}\n`);
  console.log(`${bench}: results written to ${relative(root, perfFile)} (## ${heading})`);
}
