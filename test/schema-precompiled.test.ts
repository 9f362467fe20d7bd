/**
 * `npm run build` precompiles the form schemas (dist/schema/validators.cjs) and the config file's schema
 * (dist/config/config-validator.cjs) so `vtvl lint` starts fast. They must judge every document exactly as
 * the schemas compiled at run time do.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import yaml from "js-yaml";
import type { ErrorObject, ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { SCHEMA_BASE_URI } from "../src/model/constants.js";
import { createConfigAjv, loadConfigSchema } from "../src/config/load.js";
import { listForms } from "../src/model/forms.js";
import { packageRoot } from "../src/paths.js";
import { createSchemaAjv } from "../src/schema/validator.js";

const compiledPath = join(packageRoot, "dist/schema/validators.cjs");

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const summary = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((error) => `${error.instancePath} ${error.schemaPath} ${error.keyword}`);

describe("precompiled validators", () => {
  it("exist after the build", () => {
    expect(existsSync(compiledPath), "run `npm run build` first").toBe(true);
  });

  it("give the same errors as run-time compilation on every example and invalid fixture", () => {
    const precompiled = createRequire(import.meta.url)(compiledPath) as Record<string, ValidateFunction>;
    const ajv = createSchemaAjv();
    const documents = yamlFiles(join(packageRoot, "examples")).map(
      (file) =>
        yaml.load(readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>,
    );
    const invalid = yaml.load(
      readFileSync(join(packageRoot, "test/fixtures/invalid/cases.yaml"), "utf8"),
    ) as Array<{
      document: string;
    }>;
    for (const { document } of invalid) {
      try {
        const data = yaml.load(document, { schema: yaml.CORE_SCHEMA });
        if (data && typeof data === "object") documents.push(data as Record<string, unknown>);
      } catch {
        // YAML that does not parse never reaches the schema.
      }
    }
    expect(documents.length).toBeGreaterThan(60);
    let compared = 0;
    for (const form of listForms()) {
      const id = `${SCHEMA_BASE_URI}${form.id}.schema.json`;
      const fast = precompiled[id]!;
      const slow = ajv.getSchema(id)!;
      for (const document of documents) {
        const withForm = { ...document, form: form.id };
        expect(fast(withForm)).toBe(slow(withForm));
        expect(summary(fast.errors)).toEqual(summary(slow.errors));
        compared++;
      }
    }
    expect(compared).toBe(documents.length * listForms().length);
  });
});

describe("precompiled config validator", () => {
  const configPath = join(packageRoot, "dist/config/config-validator.cjs");

  it("gives the errors of run-time compilation on valid and broken .vtvlrc.yaml files", () => {
    expect(existsSync(configPath), "run `npm run build` first").toBe(true);
    const schema = loadConfigSchema();
    const fast = (createRequire(import.meta.url)(configPath) as Record<string, ValidateFunction>)[
      schema.$id
    ]!;
    const slow = createConfigAjv().compile(schema);
    const documents: unknown[] = [
      {},
      {
        root: true,
        rules: { schema: "warning", "competency-level-grade": { severity: "error", options: {} } },
      },
      { rules: { schema: "warn" } },
      { rule: { schema: "off" } },
      { root: "yes" },
      { overrides: [{ rules: { schema: "off" } }] },
      { overrides: [{ files: "a/**", rules: { whitespace: "off" } }], ignores: ["drafts/**"] },
      { rules: { Whitespace: "off" } },
      { rules: { schema: { severity: "error", option: {} } } },
      [],
      "text",
    ];
    let invalid = 0;
    for (const document of documents) {
      expect(fast(document), JSON.stringify(document)).toBe(slow(document));
      expect(summary(fast.errors)).toEqual(summary(slow.errors));
      if (!slow(document)) invalid++;
    }
    expect(invalid).toBeGreaterThanOrEqual(6);
  });
});
