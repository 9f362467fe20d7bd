/**
 * `vtvl lint examples/` finds the real defects of the published documents. The findings are a reviewed
 * snapshot, one line per finding ("file:line:column rule severity", sorted), in
 * test/fixtures/lint/examples-findings.txt; docs/examples-findings.md explains the notable ones. A change in
 * the rules or the examples that changes a finding fails here until the snapshot is reviewed again:
 *
 *   VTVL_UPDATE_SNAPSHOT=1 npx vitest run test/lint-examples.test.ts   # rewrite, then read the diff
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { runCli } from "./helpers.js";

const snapshotPath = join(packageRoot, "test/fixtures/lint/examples-findings.txt");

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
}

async function findings(): Promise<string[]> {
  const run = await runCli("lint", "--format", "json", join(packageRoot, "examples"));
  const results = JSON.parse(run.stdout) as Array<{ file: string; findings: JsonFinding[] }>;
  const lines = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ...finding,
      file: relative(packageRoot, result.file).split("\\").join("/"),
    })),
  );
  lines.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return lines.map(
    (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}`,
  );
}

describe("vtvl lint examples/", () => {
  it("reports exactly the reviewed findings", async () => {
    const actual = await findings();
    if (process.env.VTVL_UPDATE_SNAPSHOT) writeFileSync(snapshotPath, `${actual.join("\n")}\n`);
    const expected = readFileSync(snapshotPath, "utf8").split("\n").filter(Boolean);
    expect(actual).toEqual(expected);
  });

  it("finds the defects the guide names", async () => {
    const actual = (await findings()).join("\n");
    // TT 02/2023/TT-VPCP gives two of its chuyên viên chính positions (8 and 11) the chuyên viên cao cấp levels.
    expect(actual).toMatch(/tt-02-2023-vpcp\/08-[^ ]+ competency-level-grade warning/);
    expect(actual).toMatch(/tt-02-2023-vpcp\/11-[^ ]+ competency-level-grade warning/);
    expect(actual).not.toMatch(/tt-02-2023-vpcp\/(02|05)-[^ ]+ competency-level-grade/);
    // QĐ 302/2025: "-KS" for Kỹ thuật viên, "-ATTT" without its hạng.
    expect(actual).toMatch(/qd-302-2025-ubnd\/06-ky-thuat-vien\.yaml:\d+:\d+ code-title-suffix/);
    expect(actual).toMatch(/qd-302-2025-ubnd\/10-an-toan-thong-tin-hang-iii\.yaml:\d+:\d+ code-title-suffix/);
    // QĐ 4135: "22" for 2.2 (Quản trị); Chánh Văn phòng LĐLĐ tỉnh below its own deputy.
    expect(actual).toMatch(/qd-4135-btctw\/28-quan-tri\.yaml:\d+:\d+ task-code-sequence error/);
    expect(actual).toMatch(/qd-4135-btctw\/10-chanh-van-phong-ldld-tinh\.yaml:\d+:\d+ level-head-vs-deputy/);
  });
});
