/**
 * Fixture-driven rule tests, markdownlint style: each folder of test/fixtures/rules/ is named after a rule and
 * holds YAML descriptions whose expected findings are written next to the line that must trigger them:
 *
 *   tasks:
 *     - code: "22"   # expect: task-code-sequence
 *
 * A file is linted alone; a sub-folder is linted as one project (cross-file rules). Findings of the folder's
 * rule, and of any rule a file names in an expect comment, must be exactly the expected ones: no more, no fewer.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lintProject, lintText } from "../../src/lint/engine.js";
import { packageRoot } from "../../src/paths.js";
import { projectRules, rules } from "../../src/rules/index.js";

const root = join(packageRoot, "test/fixtures/rules");
const knownIds = new Set([...rules, ...projectRules].map((rule) => rule.id));

export function expectations(file: string, text: string): string[] {
  const expected: string[] = [];
  text.split("\n").forEach((line, index) => {
    const match = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/.exec(line);
    if (!match) return;
    for (const id of match[1]!.split(/\s*,\s*/)) expected.push(`${file}:${index + 1} ${id}`);
  });
  return expected;
}

function yamlIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(directory, name));
}

function cases(): Array<{ rule: string; name: string; files: string[] }> {
  return readdirSync(root)
    .sort()
    .flatMap((rule) =>
      readdirSync(join(root, rule))
        .sort()
        .flatMap((entry) => {
          const path = join(root, rule, entry);
          if (statSync(path).isDirectory()) return [{ rule, name: entry, files: yamlIn(path) }];
          return /\.ya?ml$/.test(entry) ? [{ rule, name: entry, files: [path] }] : [];
        }),
    );
}

beforeAll(() => {
  process.env.VTVL_RULES_STRICT = "1";
});

describe("rule fixtures", () => {
  const all = cases();

  it("cover every registered rule, and name only registered rules", () => {
    const covered = new Set(all.map((entry) => entry.rule));
    expect([...knownIds].filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !knownIds.has(id))).toEqual([]);
  });

  for (const entry of all) {
    it(`${entry.rule}/${entry.name}`, () => {
      const texts = entry.files.map((file) => ({
        name: relative(root, file),
        text: readFileSync(file, "utf8"),
      }));
      const results = texts.map(({ name, text }) => lintText(name, text));
      lintProject(results);
      const expected = texts.flatMap(({ name, text }) => expectations(name, text)).sort();
      const scope = new Set([entry.rule, ...expected.map((line) => line.split(" ")[1]!)]);
      const actual = results
        .flatMap((result) => result.findings)
        .filter((finding) => scope.has(finding.ruleId))
        .map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)
        .sort();
      expect(actual).toEqual(expected);
    });
  }

  it("each rule fires at least once in its fixtures", () => {
    for (const rule of new Set(all.map((entry) => entry.rule))) {
      const fires = all
        .filter((entry) => entry.rule === rule)
        .some((entry) =>
          entry.files.some((file) =>
            expectations("", readFileSync(file, "utf8")).some((line) => line.endsWith(` ${rule}`)),
          ),
        );
      expect(fires, rule).toBe(true);
    }
  });
});
