/**
 * The fixes rules offer are safe: applied to the rule fixtures, each leaves a file that still parses, and
 * every finding that carried a fix is gone while the others remain.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding, TextEdit } from "../../src/lint/finding.js";
import { lintText } from "../../src/lint/engine.js";
import { packageRoot } from "../../src/paths.js";
import { rules } from "../../src/rules/index.js";

const root = join(packageRoot, "test/fixtures/rules");

/** Applies the edits of non-overlapping fixes, first come first served (as ESLint does in one pass). */
function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const accepted: TextEdit[][] = [];
  const taken: Array<[number, number]> = [];
  for (const finding of findings) {
    const edits = finding.fix?.edits ?? [];
    if (!edits.length) continue;
    if (edits.some((edit) => taken.some(([from, to]) => edit.start < to && edit.end > from))) continue;
    for (const edit of edits) taken.push([edit.start, Math.max(edit.end, edit.start + 1)]);
    accepted.push(edits);
  }
  let result = text;
  for (const edit of accepted.flat().sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { text: result, applied: accepted.length };
}

const fixable = rules.filter((rule) => rule.meta.fixable).map((rule) => rule.id);

function fixtureFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".yaml")) files.push(path);
    }
  };
  walk(root);
  return files;
}

beforeAll(() => {
  process.env.VTVL_RULES_STRICT = "1";
});

describe("fixes", () => {
  const files = fixtureFiles();

  for (const id of fixable) {
    it(`${id}: fixes parse, remove exactly the fixed findings`, () => {
      let fixedSomewhere = 0;
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        const before = lintText(file, text).findings.filter((finding) => finding.ruleId === id);
        const { text: fixed, applied } = applyFixes(text, before);
        if (!applied) continue;
        fixedSomewhere += applied;
        expect(() => yaml.load(fixed, { schema: yaml.CORE_SCHEMA }), file).not.toThrow();
        const after = lintText(file, fixed).findings.filter((finding) => finding.ruleId === id);
        expect(after.length, file).toBe(before.length - applied);
      }
      expect(fixedSomewhere, `${id} offers no fix in its fixtures`).toBeGreaterThan(0);
    });
  }

  it("fixing the whitespace fixture gives ordinary single spaces, nothing else changed", () => {
    const file = join(root, "whitespace/nbsp.yaml");
    const text = readFileSync(file, "utf8");
    const findings = lintText(file, text).findings.filter((finding) => finding.ruleId === "whitespace");
    const { text: fixed } = applyFixes(text, findings);
    const data = yaml.load(fixed, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
    expect(data.name).toBe("Chuyên viên về thư ký - biên tập");
    expect(data.objective).toBe("Tham gia biên tập, soạn thảo các văn kiện.");
    expect(fixed).not.toMatch(/[\u00a0\u200b]/);
  });
});
