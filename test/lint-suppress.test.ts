import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintText, type FileSettings } from "../src/lint/engine.js";
import { lintSources } from "../src/lint/run.js";
import { parseDirectives } from "../src/lint/suppress.js";
import { packageRoot } from "../src/paths.js";
import { onlyRules } from "./fixtures/lint/only-rules.js";

const tested = onlyRules("unicode-nfc", "schema", "unused-suppression");

const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");
const nfd = (text: string) => text.normalize("NFD");

/** The valid fixture with the objective (line 7) and the authority text (line 27) in NFD. */
const twoNfdLines = valid
  .replace("objective: Tham gia kiểm soát", `objective: ${nfd("Tham gia kiểm soát")}`)
  .replace("text: Được chủ động", `text: ${nfd("Được chủ động")}`);

function findings(text: string, settings?: FileSettings) {
  return lintSources([{ file: "x.yaml", bytes: new TextEncoder().encode(text) }], {
    settingsFor: () => settings ?? tested,
  }).results[0]!;
}

function summary(text: string): string[] {
  return findings(text).findings.map((finding) => `${finding.line} ${finding.ruleId}`);
}

describe("directives in YAML comments", () => {
  it("are found in comments only, never inside quoted or block scalars", () => {
    const text = [
      "a: '# vtvl-disable-file'",
      'b: "x # vtvl-disable-file"',
      "c: |",
      "  # vtvl-disable-file",
      "d: x # vtvl-disable-line schema -- lý do, có dấu phẩy",
      "# vtvl-disable-next-line schema, unicode-nfc",
      "",
    ].join("\n");
    const directives = parseDirectives(text, (offset) => text.slice(0, offset).split("\n").length);
    expect(directives.map((d) => [d.kind, d.line, d.rules, d.reason])).toEqual([
      ["disable-line", 5, ["schema"], "lý do, có dấu phẩy"],
      ["disable-next-line", 6, ["schema", "unicode-nfc"], undefined],
    ]);
  });

  it("baseline: both NFD lines are reported", () => {
    expect(summary(twoNfdLines)).toEqual(["7 unicode-nfc", "27 unicode-nfc"]);
  });

  it("disable-next-line silences the next line only, for the rules it names", () => {
    const text = twoNfdLines.replace(
      "objective:",
      "# vtvl-disable-next-line unicode-nfc -- văn bản gốc viết như vậy\nobjective:",
    );
    const result = findings(text);
    expect(result.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(["28 unicode-nfc"]);
    expect(result.suppressed!.map((f) => [f.line, f.ruleId, f.suppressions])).toEqual([
      [8, "unicode-nfc", [{ kind: "inSource", justification: "văn bản gốc viết như vậy" }]],
    ]);
    const otherRule = twoNfdLines.replace("objective:", "# vtvl-disable-next-line schema\nobjective:");
    expect(summary(otherRule)).toEqual(["7 unused-suppression", "8 unicode-nfc", "28 unicode-nfc"]);
  });

  it("disable-line silences its own line", () => {
    const text = twoNfdLines.replace(
      `text: ${nfd("Được chủ động")} về phương pháp thực hiện công việc được giao.`,
      `text: ${nfd("Được chủ động")} về phương pháp thực hiện công việc được giao. # vtvl-disable-line`,
    );
    expect(summary(text)).toEqual(["7 unicode-nfc"]);
  });

  it("disable … enable silences the block between them, per rule or for all", () => {
    const block = twoNfdLines
      .replace("objective:", "# vtvl-disable unicode-nfc\nobjective:")
      .replace("tasks:", "# vtvl-enable unicode-nfc\ntasks:");
    expect(summary(block)).toEqual(["29 unicode-nfc"]);
    const all = twoNfdLines
      .replace("objective:", "# vtvl-disable\nobjective:")
      .replace("tasks:", "# vtvl-enable\ntasks:");
    expect(summary(all)).toEqual(["29 unicode-nfc"]);
    const open = twoNfdLines.replace("objective:", "# vtvl-disable unicode-nfc\nobjective:");
    expect(summary(open)).toEqual([]);
  });

  it("disable-file silences the whole file", () => {
    expect(summary(`# vtvl-disable-file unicode-nfc -- chờ chuyển mã\n${twoNfdLines}`)).toEqual([]);
    expect(summary(`# vtvl-disable-file\n${twoNfdLines}`)).toEqual([]);
  });

  it("reports directives that silence nothing, unknown rule ids and misspelt directives, with fixes only where safe", () => {
    const text = [
      "# vtvl-disable-next-line unicode-nfc",
      valid.trimEnd(),
      "# vtvl-disable-nextline unicode-nfc",
      "# vtvl-disable-file unicode-nfcc",
      "# vtvl-enable",
      "",
    ].join("\n");
    const result = findings(text);
    const unused = result.findings.filter((finding) => finding.ruleId === "unused-suppression");
    const after = valid.trimEnd().split("\n").length + 1;
    expect(unused.map((f) => [f.line, f.severity, Boolean(f.fix)])).toEqual([
      [1, "warning", true],
      [after + 1, "warning", false],
      [after + 2, "warning", false],
      [after + 3, "warning", true],
    ]);
    expect(unused[1]!.message).toMatch(/không phải chỉ thị/);
    expect(unused[2]!.message).toMatch(/quy tắc không có: `unicode-nfcc`/);
    expect(unused[3]!.message).toMatch(/không kết thúc khối/);
  });

  it("keeps the used rule ids when only some are unused", () => {
    const text = twoNfdLines.replace(
      "objective:",
      "# vtvl-disable-next-line schema, unicode-nfc -- lý do\nobjective:",
    );
    const [unused] = findings(text).findings.filter((finding) => finding.ruleId === "unused-suppression");
    expect(unused!.message).toMatch(/`schema`/);
    expect(unused!.fix!.edits[0]!.text).toBe("# vtvl-disable-next-line unicode-nfc -- lý do");
  });

  it("never silences a file that cannot be read, and respects unused-suppression: off", () => {
    expect(summary("# vtvl-disable-file\nform: [broken\n")).toEqual(["3 parse-error"]);
    const off: FileSettings = {
      severity: (id, meta) => (id === "unused-suppression" ? "off" : tested.severity(id, meta)),
      options: () => ({}),
    };
    expect(findings(`# vtvl-disable-file schema\n${valid}`, off).findings).toEqual([]);
  });

  it("lintText alone reports directives naming per-file rules; cross-file ones wait for the project pass", () => {
    const text = `# vtvl-disable-next-line unicode-nfc\n${valid}`;
    const options = { settings: tested };
    expect(lintText("x.yaml", text, options).findings.map((f) => f.ruleId)).toEqual(["unused-suppression"]);
    expect(lintText("x.yaml", `# vtvl-disable-file\n${valid}`, options).findings).toEqual([]);
    expect(summary(`# vtvl-disable-file\n${valid}`)).toEqual(["1 unused-suppression"]);
  });
});
