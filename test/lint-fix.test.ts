import { readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { applyPatch } from "diff";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../src/lint/fix.js";
import type { Finding } from "../src/lint/finding.js";
import { lintSources } from "../src/lint/run.js";
import { packageRoot } from "../src/paths.js";
import { onlyRules, onlyRulesConfig } from "./fixtures/lint/only-rules.js";
import { runCli, tempDir, writeTemp } from "./helpers.js";

const settingsFor = () => onlyRules("unicode-nfc", "unused-suppression", "schema");

const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");
const nfd = (text: string) => text.normalize("NFD");
const broken = valid
  .replace("objective: Tham gia kiểm soát", `objective: ${nfd("Tham gia kiểm soát")} # ghi chú giữ nguyên`)
  .replace("text: Được chủ động", `text: ${nfd("Được chủ động")}`);

function finding(edits: Array<{ start: number; end: number; text: string }>): Finding {
  return {
    ruleId: "x",
    severity: "error",
    message: "",
    file: "f",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: "",
    fix: { description: "", edits },
  };
}

describe("applyFixes", () => {
  it("applies non-overlapping fixes, all edits of a fix or none, and skips the rest for the next pass", () => {
    const text = "abcdefghij";
    const { text: fixed, applied } = applyFixes(text, [
      finding([{ start: 8, end: 10, text: "IJ" }]),
      finding([
        { start: 0, end: 1, text: "A" },
        { start: 4, end: 5, text: "E" },
      ]),
      finding([{ start: 4, end: 6, text: "??" }]),
      finding([{ start: 20, end: 30, text: "out of range" }]),
      finding([{ start: 2, end: 3, text: "c" }]),
    ]);
    expect(fixed).toBe("AbcdEfghIJ");
    expect(applied).toBe(2);
  });
});

describe("--fix loop", () => {
  it("fixes until stable, keeps comments and formatting, and lints the fixed text", () => {
    const run = lintSources([{ file: "a.yaml", bytes: new TextEncoder().encode(broken) }], {
      fix: true,
      settingsFor,
    });
    expect(run.fixes).toHaveLength(1);
    expect(run.fixes[0]!.fixed).toBe(broken.normalize("NFC"));
    expect(run.fixes[0]!.fixed).toContain("# ghi chú giữ nguyên");
    expect(run.results[0]!.findings).toEqual([]);
    expect(run.passes).toBe(1);
  });

  it("removes an unused suppression as a fix, leaving the lines around it", () => {
    const text = valid
      .replace("objective:", "# vtvl-disable-next-line unicode-nfc\nobjective:")
      .replace("code: VP-KSTTHC-03", "code: VP-KSTTHC-03 # vtvl-disable-line schema");
    const run = lintSources([{ file: "a.yaml", bytes: new TextEncoder().encode(text) }], {
      fix: true,
      settingsFor,
    });
    expect(run.fixes[0]!.fixed).toBe(valid);
  });
});

describe("vtvl lint --fix / --fix-dry-run", () => {
  it("--fix rewrites only files with fixes, keeps the BOM and the mode, and exits by what remains", async () => {
    const dir = tempDir();
    writeTemp(".vtvlrc.yaml", onlyRulesConfig(["unicode-nfc", "schema"]), dir);
    const fixable = writeTemp("fixable.yaml", `\uFEFF${broken}`, dir);
    const clean = writeTemp("clean.yaml", valid, dir);
    chmodSync(fixable, 0o640);
    const cleanBefore = statSync(clean).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const run = await runCli("lint", "--fix", dir);
    const fixedBytes = readFileSync(fixable);
    expect([...fixedBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fixedBytes.toString("utf8").slice(1)).toBe(broken.normalize("NFC"));
    expect(statSync(fixable).mode & 0o777).toBe(0o640);
    expect(statSync(clean).mtimeMs).toBe(cleanBefore);
    // Only the BOM warning remains.
    expect(run.stdout).toMatch(/cảnh báo\s+Tệp bắt đầu bằng dấu BOM/);
    expect(run.stdout).not.toContain("unicode-nfc");
    expect(run.code).toBe(0);
  });

  it("--fix-dry-run prints a diff that applies to the original, and writes nothing", async () => {
    const dir = tempDir();
    writeTemp(".vtvlrc.yaml", onlyRulesConfig(["unicode-nfc", "schema"]), dir);
    const file = writeTemp("a.yaml", broken, dir);
    const run = await runCli("lint", "--fix-dry-run", file);
    expect(readFileSync(file, "utf8")).toBe(broken);
    expect(run.stdout).toMatch(/^--- a\//);
    expect(run.stdout).toContain("+++ b/");
    const patched = applyPatch(broken, run.stdout);
    expect(patched).toBe(broken.normalize("NFC"));
    // The report of what would remain goes to stderr, keeping stdout a clean patch.
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const nothing = await runCli("lint", "--fix-dry-run", writeTemp("ok.yaml", valid, dir));
    expect(nothing.stdout).toBe("");
  });

  it("refuses --fix on standard input and --fix with --fix-dry-run", async () => {
    expect((await runCli("lint", "--fix", "-")).code).toBe(2);
    const file = join(tempDir(), "a.yaml");
    writeFileSync(file, valid);
    const both = await runCli("lint", "--fix", "--fix-dry-run", file);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--fix-dry-run");
  });
});
