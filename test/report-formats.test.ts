import { readFileSync } from "node:fs";
import type { Ajv } from "ajv";
import ajvDraft04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { FileResult } from "../src/lint/engine.js";
import { ruleRegistry } from "../src/lint/registry.js";
import { lintSources } from "../src/lint/run.js";
import { packageRoot } from "../src/paths.js";
import { escapeData, escapeProperty, formatGithub } from "../src/report/github.js";
import { formatGitlab } from "../src/report/gitlab.js";
import { formatJson } from "../src/report/json.js";
import { formatJunit } from "../src/report/junit.js";
import { formatSarif } from "../src/report/sarif.js";
import { formatStylish } from "../src/report/stylish.js";
import type { ReportContext } from "../src/report/context.js";
import { onlyRules } from "./fixtures/lint/only-rules.js";

const settingsFor = () => onlyRules("unicode-nfc", "schema", "unused-suppression");

// Both are CommonJS with a default export; under NodeNext their types are the module namespaces.
const AjvDraft04 = (ajvDraft04Module as unknown as { default: typeof Ajv }).default;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");
const cwd = "/work/project";
const context: ReportContext = { cwd, lang: "vi", color: false, version: "0.1.0" };

/** Real lint results: a schema error with a tricky message, an NFD line (fixable), a suppression, a broken file. */
function sampleResults(): FileResult[] {
  const nfd = valid.replace("Tham gia kiểm soát", "Tham gia kiểm soát".normalize("NFD"));
  const misspelt = valid
    .replace("name: Chuyên viên về", "nmae: Chuyên viên về")
    .replace(
      'code: "4.1"',
      '# vtvl-disable-next-line unicode-nfc -- để "minh họa", 100% <thử>\n    code: "4.1"',
    );
  const encoder = new TextEncoder();
  return lintSources(
    [
      { file: `${cwd}/vị trí/nfd.yaml`, bytes: encoder.encode(nfd) },
      { file: `${cwd}/misspelt.yaml`, bytes: encoder.encode(misspelt) },
      { file: `${cwd}/broken.yaml`, bytes: encoder.encode("form: [a, b\n") },
      { file: `${cwd}/clean.yaml`, bytes: encoder.encode(valid) },
      { file: "/elsewhere/outside.yaml", bytes: encoder.encode(nfd) },
    ],
    { lang: "vi", settingsFor },
  ).results;
}

describe("sarif", () => {
  const schema = JSON.parse(
    readFileSync(`${packageRoot}test/fixtures/sarif/sarif-2.1.0-rtm.5.json`, "utf8"),
  ) as Record<string, unknown>;
  // The schema has a language-tag pattern that is not valid as a Unicode regular expression.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it("is valid against the SARIF 2.1.0 JSON schema", () => {
    const log = JSON.parse(formatSarif(sampleResults(), context)) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const empty = JSON.parse(formatSarif([], context)) as unknown;
    expect(validate(empty)).toBe(true);
  });

  it("catches an invalid log (the validator can fail)", () => {
    const log = JSON.parse(formatSarif(sampleResults(), context)) as {
      runs: Array<{ results: Array<{ level: string }> }>;
    };
    log.runs[0]!.results[0]!.level = "fatal";
    expect(validate(log)).toBe(false);
  });

  it("lists every rule with a stable id, index and helpUri into docs/rules/, relative URIs with uriBaseId", () => {
    const log = JSON.parse(formatSarif(sampleResults(), context)) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; helpUri: string }> } };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          locations: Array<{
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId?: string };
              region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
            };
          }>;
          suppressions?: Array<{ kind: string; justification?: string }>;
          partialFingerprints: Record<string, string>;
        }>;
      }>;
    };
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual([...ruleRegistry().keys()].sort());
    for (const rule of run.tool.driver.rules)
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe("file:///work/project/");
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);

    const uris = run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: "v%E1%BB%8B%20tr%C3%AD/nfd.yaml", uriBaseId: "%SRCROOT%" });
    expect(uris).toContainEqual({ uri: "file:///elsewhere/outside.yaml" });

    const schemaRegions = run.results
      .filter((result) => result.ruleId === "schema")
      .map((result) => result.locations[0]!.physicalLocation.region);
    expect(schemaRegions).toContainEqual({
      startLine: 4,
      startColumn: 1,
      endLine: 4,
      endColumn: 5,
    });
    const suppressed = run.results.filter((result) => result.suppressions);
    expect(suppressed.length).toBe(0);
    expect(new Set(run.results.map((result) => result.partialFingerprints["vtvlFindingHash/v1"])).size).toBe(
      run.results.length,
    );
  });

  it("carries inline suppressions with their reasons", () => {
    const nfdTask = valid.replace(
      'code: "4.1"\n    text: Được chủ động',
      `code: "4.1"\n    # vtvl-disable-next-line unicode-nfc -- giữ nguyên như văn bản gốc\n    text: ${"Được chủ động".normalize("NFD")}`,
    );
    const [result] = lintSources([{ file: `${cwd}/s.yaml`, bytes: new TextEncoder().encode(nfdTask) }], {
      settingsFor,
    }).results;
    const log = JSON.parse(formatSarif([result!], context)) as {
      runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown[] }> }>;
    };
    expect(log.runs[0]!.results).toEqual([
      expect.objectContaining({
        ruleId: "unicode-nfc",
        suppressions: [{ kind: "inSource", justification: "giữ nguyên như văn bản gốc" }],
      }),
    ]);
    expect(validate(log)).toBe(true);
  });
});

describe("github", () => {
  it("escapes data and properties as the Actions toolkit does", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("prints one workflow command per finding with relative path and the full range", () => {
    const output = formatGithub(sampleResults(), context);
    const lines = output.trimEnd().split("\n");
    expect(lines.length).toBe(sampleResults().reduce((sum, result) => sum + result.findings.length, 0));
    for (const line of lines) {
      expect(line).toMatch(
        /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=vtvl [a-z-]+::[^\n\r]*$/,
      );
    }
    expect(output).toContain(
      "::error file=misspelt.yaml,line=4,col=1,endLine=4,endColumn=5,title=vtvl schema::",
    );
    expect(output).toContain("::error file=vị trí/nfd.yaml,line=7,col=1,");
    expect(output).toContain("::error file=/elsewhere/outside.yaml,");
    // Multi-line messages (the form list of form-unknown, say) stay on one line.
    expect(output).not.toMatch(/::[^\n]*\n[^:]/);
  });
});

describe("junit", () => {
  it("is well-formed XML with one testsuite per file and one failing testcase per finding", () => {
    const results = sampleResults();
    const xml = formatJunit(results, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["testsuite", "testcase"].includes(name),
    }).parse(xml) as {
      testsuites: {
        testsuite: Array<{ "@_name": string; "@_failures": string; testcase: Array<{ failure?: unknown }> }>;
      };
    };
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((suite) => suite["@_name"])).toEqual([
      "vị trí/nfd.yaml",
      "misspelt.yaml",
      "broken.yaml",
      "clean.yaml",
      "/elsewhere/outside.yaml",
    ]);
    suites.forEach((suite, index) => {
      const findings = results[index]!.findings.length;
      expect(Number(suite["@_failures"])).toBe(findings);
      expect(suite.testcase.filter((testcase) => testcase.failure !== undefined).length).toBe(findings);
    });
  });

  it("escapes markup and drops characters XML cannot carry", () => {
    const result: FileResult = {
      file: `${cwd}/a&b.yaml`,
      fatal: false,
      findings: [
        {
          ruleId: "schema",
          severity: "error",
          message: `<script>"x" & 'y'\u0001\u0000 ]]>`,
          file: `${cwd}/a&b.yaml`,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          path: "",
        },
      ],
    };
    const xml = formatJunit([result], context);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("&lt;script&gt;&quot;x&quot; &amp; &apos;y&apos;");
    expect(xml.includes("\u0000") || xml.includes("\u0001")).toBe(false);
  });
});

describe("gitlab", () => {
  interface Issue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number } };
  }

  it("has the Code Quality fields, a severity mapping and unique fingerprints", () => {
    const issues = JSON.parse(formatGitlab(sampleResults(), context)) as Issue[];
    expect(issues.length).toBeGreaterThan(3);
    for (const issue of issues) {
      expect(issue.description).toBeTypeOf("string");
      expect(issue.check_name).toMatch(/^[a-z-]+$/);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThan(0);
    }
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    expect(issues.find((issue) => issue.check_name === "parse-error")!.severity).toBe("blocker");
    expect(issues.find((issue) => issue.check_name === "schema")!.severity).toBe("major");
    expect(issues.find((issue) => issue.check_name === "schema")!.location.path).toBe("misspelt.yaml");
  });

  it("keeps fingerprints when lines are added above a finding, and changes them for another finding", () => {
    const bad = valid.replace("name: Chuyên viên về", "nmae: Chuyên viên về");
    const shifted = bad.replace(
      "form: tt-02-2023-vpcp",
      "# Một chú thích mới\n# và một dòng nữa\nform: tt-02-2023-vpcp",
    );
    const other = valid.replace("objective: Tham gia", "objektive: Tham gia");
    const lint = (text: string) =>
      JSON.parse(
        formatGitlab(
          lintSources([{ file: `${cwd}/x.yaml`, bytes: new TextEncoder().encode(text) }], { settingsFor })
            .results,
          context,
        ),
      ) as Issue[];
    const [before] = lint(bad);
    const [after] = lint(shifted);
    const [different] = lint(other);
    expect(after!.location.lines.begin).toBe(before!.location.lines.begin + 2);
    expect(after!.fingerprint).toBe(before!.fingerprint);
    expect(different!.fingerprint).not.toBe(before!.fingerprint);
  });
});

describe("json and stylish", () => {
  it("json gives counts, findings with fixes and suppressed findings", () => {
    const entries = JSON.parse(formatJson(sampleResults())) as Array<{
      file: string;
      errorCount: number;
      fixableCount: number;
      findings: Array<{ fix?: { edits: unknown[] } }>;
    }>;
    const nfd = entries.find((entry) => entry.file.endsWith("nfd.yaml"))!;
    expect(nfd.errorCount).toBe(1);
    expect(nfd.fixableCount).toBe(1);
    expect(nfd.findings[0]!.fix!.edits.length).toBe(1);
  });

  it("stylish colours only when asked", () => {
    const plain = formatStylish(sampleResults(), { color: false, lang: "vi" });
    const coloured = formatStylish(sampleResults(), { color: true, lang: "vi" });
    expect(plain).not.toContain("\u001b[");
    expect(coloured).toContain("\u001b[");
    expect(formatStylish([], { color: false, lang: "vi" })).toBe("");
  });
});
