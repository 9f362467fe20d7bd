/**
 * Every transcription in examples/ validates against its form's schema, except where the published
 * document itself lacks a required part. Those files say so next to the data, with a comment
 *   # expect: schema <JSON pointer>
 * and the test checks that exactly those schema findings occur (no more, no fewer).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint/engine.js";
import { packageRoot } from "../src/paths.js";

const FILE_LEVEL_RULES = new Set(["schema", "form-unknown", "parse-error", "encoding"]);

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

export function expectedSchemaFindings(text: string): string[] {
  return [...text.matchAll(/#\s*expect:\s*(schema|form-unknown|parse-error)\s+(\S*)/g)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
}

const examples = yamlFiles(join(packageRoot, "examples"));

describe("examples/", () => {
  it("holds the transcriptions", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const file of examples) {
    const name = relative(packageRoot, file);
    it(`${name} matches its form's schema, apart from the published defects it declares`, () => {
      const text = readFileSync(file, "utf8");
      const result = lintText(name, text);
      const actual = result.findings
        .filter((finding) => FILE_LEVEL_RULES.has(finding.ruleId))
        .map((finding) => `${finding.ruleId} ${finding.path}`)
        .sort();
      expect(actual).toEqual(expectedSchemaFindings(text).sort());
      expect(text.normalize("NFC")).toBe(text);
    });
  }
});
