/**
 * Every rule has a page docs/rules/<id>.md, and the page is honest: it names the rule's default severity
 * and regimes, its failing example triggers the rule and its passing example does not. Examples of
 * cross-file rules hold several files separated by "---" lines, linted together.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../src/lint/builtin.js";
import { lintProject, lintText } from "../../src/lint/engine.js";
import { packageRoot } from "../../src/paths.js";
import { projectRules, rules } from "../../src/rules/index.js";

const docsDir = join(packageRoot, "docs/rules");
const all = [...rules, ...projectRules];

function example(page: string, heading: string): string {
  const section = page.split(/^## /m).find((part) => part.startsWith(heading));
  const block = section ? /```yaml\n([\s\S]*?)```/.exec(section) : null;
  if (!block) throw new Error(`no yaml block under "## ${heading}"`);
  return block[1]!;
}

function findingsOf(id: string, yaml: string): number {
  const documents = yaml.split(/^---$/m);
  const results = documents.map((text, index) => lintText(`docs-example-${index + 1}.yaml`, text));
  lintProject(results);
  return results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === id).length;
}

const SEVERITY_WORD = { error: "lỗi (error)", warning: "cảnh báo (warning)", info: "lưu ý (info)" } as const;

beforeAll(() => {
  process.env.VTVL_RULES_STRICT = "1";
});

describe("docs/rules", () => {
  it("has a page for every rule, and no page without a rule", () => {
    const pages = readdirSync(docsDir)
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -3));
    const known = new Set([
      ...all.map((rule) => rule.id),
      ...Object.keys(builtinRules),
      "unused-suppression",
    ]);
    expect(all.map((rule) => rule.id).filter((id) => !pages.includes(id))).toEqual([]);
    expect(pages.filter((page) => !known.has(page))).toEqual([]);
  });

  for (const rule of all) {
    describe(rule.id, () => {
      const path = join(docsDir, `${rule.id}.md`);
      const page = existsSync(path) ? readFileSync(path, "utf8") : "";

      it("states its id, description, severity and regimes", () => {
        expect(page.split("\n")[0]).toBe(`# ${rule.id}`);
        expect(page).toContain(rule.meta.description.vi);
        expect(page).toContain(SEVERITY_WORD[rule.meta.severity]);
        if (rule.meta.regimes === "all") expect(page).toContain("tất cả");
        else for (const regime of rule.meta.regimes) expect(page).toContain(`\`${regime}\``);
        expect(page).toContain("## Vì sao / Why");
        expect(page).toContain("## Nguồn / Source");
      });

      it("has a failing example that triggers the rule", () => {
        expect(findingsOf(rule.id, example(page, "Ví dụ sai"))).toBeGreaterThan(0);
      });

      it("has a passing example that does not", () => {
        expect(findingsOf(rule.id, example(page, "Ví dụ đúng"))).toBe(0);
      });
    });
  }
});
