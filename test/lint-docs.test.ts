/**
 * The docs pages of the built-in rules show a failing and a passing example with the output vtvl prints.
 * Lint the examples for real: the documented finding must occur in the failing one and not in the passing one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSources } from "../src/lint/run.js";
import { packageRoot } from "../src/paths.js";

const SEVERITY: Record<string, string> = { lỗi: "error", "cảnh báo": "warning", "lưu ý": "info" };

function section(page: string, heading: string): string {
  const start = page.indexOf(`## ${heading}`);
  if (start === -1) return "";
  const next = page.indexOf("\n## ", start + 3);
  return page.slice(start, next === -1 ? undefined : next);
}

function block(text: string, language: string): string | undefined {
  return new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(text)?.[1];
}

function lint(text: string) {
  return lintSources([{ file: "example.yaml", bytes: new TextEncoder().encode(text) }]).results[0]!.findings;
}

describe("docs/rules examples of the built-in rules", () => {
  for (const id of ["parse-error", "form-unknown", "schema", "unused-suppression"]) {
    it(`${id}: the failing example reports what the page shows, the passing one does not`, () => {
      const page = readFileSync(`${packageRoot}docs/rules/${id}.md`, "utf8");
      const failing = section(page, "Ví dụ sai");
      const yaml = block(failing, "yaml")!;
      const expected = block(failing, "text")!
        .trim()
        .split("\n")
        .map((line) => /^(\d+):(\d+)\s+(lỗi|cảnh báo|lưu ý)\s+(.+?)\s+([a-z-]+)$/.exec(line.trim())!);
      expect(expected.length).toBeGreaterThan(0);
      const findings = lint(yaml);
      for (const [, line, column, severity, message, ruleId] of expected) {
        expect(ruleId).toBe(id);
        const prefix = message!.replace(/\s*…$/, "");
        expect(
          findings.find(
            (finding) =>
              finding.ruleId === id &&
              finding.line === Number(line) &&
              finding.column === Number(column) &&
              finding.severity === SEVERITY[severity!] &&
              finding.message.startsWith(prefix),
          ),
          `${line}:${column} ${message}\nin\n${findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`).join("\n")}`,
        ).toBeDefined();
      }
      const passing = block(section(page, "Ví dụ đúng"), "yaml")!;
      const lines = new Set(expected.map((match) => Number(match[1])));
      expect(lint(passing).filter((finding) => finding.ruleId === id && lines.has(finding.line))).toEqual([]);
    });
  }
});
