import { readdirSync, readFileSync } from "node:fs";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { renderSchemaFiles } from "../scripts/schema-files.js";
import { lintText } from "../src/lint/engine.js";
import { listForms } from "../src/model/forms.js";
import { packageRoot } from "../src/paths.js";
import { createAjv, loadSchema, schemaFileNames, validatorFor } from "../src/schema/validator.js";

describe("published schemas", () => {
  it("are exactly what the schema source generates (no drift between types and schemas)", () => {
    for (const [name, content] of renderSchemaFiles(packageRoot)) {
      expect(
        readFileSync(`${packageRoot}schemas/${name}`, "utf8"),
        `schemas/${name} is stale: run npm run schemas`,
      ).toBe(content);
    }
  });

  it("compile under ajv strict mode, one per form family, with stable versioned $ids", () => {
    const ajv = createAjv();
    const names = schemaFileNames();
    for (const name of names) ajv.addSchema(loadSchema(name));
    const formIds = listForms().map((form) => form.id);
    expect(names).toEqual([...formIds.map((id) => `${id}.schema.json`), "position.schema.json"].sort());
    for (const id of formIds) {
      const schema = loadSchema(`${id}.schema.json`);
      expect(schema.$id).toBe(`https://vtvl.github.io/schemas/v1/${id}.schema.json`);
      expect(ajv.getSchema(schema.$id as string)).toBeTypeOf("function");
      expect(schema.required).toContain("name");
    }
  });

  it("leave the configuration schema out of the form schemas, and it compiles under strict mode too", () => {
    expect(schemaFileNames()).not.toContain("vtvlrc.schema.json");
    const config = loadSchema("vtvlrc.schema.json");
    expect(config.$id).toBe("https://vtvl.github.io/schemas/v1/vtvlrc.schema.json");
    expect(createAjv().compile(config)({ root: true, rules: { schema: "warning" } })).toBe(true);
  });

  it("carry the forms' Vietnamese labels as titles", () => {
    const base = loadSchema("position.schema.json") as {
      properties: Record<string, { title?: string }>;
      $defs: Record<string, { properties?: Record<string, { title?: string }> }>;
    };
    expect(base.properties.name!.title).toBe("Tên vị trí việc làm");
    expect(base.$defs.Task!.properties!.criteria!.title).toBe("Tiêu chí đánh giá hoàn thành công việc");
    expect(base.$defs.Task!.properties!.outcomes!.title).toBe("Mục tiêu, Kết quả đầu ra");
  });

  it("declare a scalar type for the items of every list whose items must differ", () => {
    // Without it ajv compares items with fast-deep-equal, which throws on a mapping with a `toString` key.
    const lists: Array<{ file: string; items: unknown }> = [];
    const walk = (node: unknown, file: string): void => {
      if (Array.isArray(node)) node.forEach((entry) => walk(entry, file));
      else if (node !== null && typeof node === "object") {
        const schema = node as Record<string, unknown>;
        if (schema.uniqueItems === true) lists.push({ file, items: schema.items });
        Object.values(schema).forEach((entry) => walk(entry, file));
      }
    };
    for (const name of schemaFileNames()) walk(loadSchema(name), name);
    expect(lists.length).toBeGreaterThan(0);
    for (const { file, items } of lists)
      expect(["string", "number", "integer", "boolean"], file).toContain((items as { type?: unknown }).type);
  });

  it("say which sections each form requires", () => {
    const required = (id: string) => loadSchema(`${id}.schema.json`).required as string[];
    expect(required("ninh-binh-xa-2026")).toContain("workingConditions");
    expect(required("tt-02-2023-vpcp")).not.toContain("workingConditions");
    expect(required("qd-4135-btctw-a")).toContain("competencies");
    expect(required("qd-4135-btctw-b")).not.toContain("competencies");
  });

  it("accept every competency level notation and reject levels outside 1–5", () => {
    const validate = validatorFor("tt-02-2023-vpcp")!;
    const withLevel = (level: unknown) => ({
      form: "tt-02-2023-vpcp",
      name: "x",
      competencies: { groups: [{ group: "chung", items: [{ name: "Đạo đức và bản lĩnh", level }] }] },
    });
    const levelErrors = (level: unknown) => {
      validate(withLevel(level));
      return (validate.errors ?? []).filter((error) => error.instancePath.includes("/level"));
    };
    for (const ok of [
      4,
      "4-5",
      { min: 4, max: 5 },
      { text: "Phù hợp với chức năng" },
      { ref: "Theo yêu cầu" },
      null,
    ])
      expect(levelErrors(ok), JSON.stringify(ok)).toEqual([]);
    for (const bad of [0, 6, "4–5", "4 - 5", "6-7", { min: 0, max: 5 }, 4.5, "cao"])
      expect(levelErrors(bad).length, JSON.stringify(bad)).toBeGreaterThan(0);
  });
});

describe("valid fixtures", () => {
  const dir = `${packageRoot}test/fixtures/valid/`;
  for (const name of readdirSync(dir)) {
    it(`${name} has no schema finding`, () => {
      const result = lintText(name, readFileSync(dir + name, "utf8"));
      expect(result.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    });
  }
});

interface InvalidCase {
  name: string;
  document: string;
  expect: Array<{ ruleId: string; line: number; column: number; includes: string }>;
}

describe("invalid documents fail with the expected error and location", () => {
  const cases = yaml.load(
    readFileSync(`${packageRoot}test/fixtures/invalid/cases.yaml`, "utf8"),
  ) as InvalidCase[];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { findings } = lintText(`${testCase.name}.yaml`, testCase.document);
      for (const expected of testCase.expect) {
        const match = findings.find(
          (finding) =>
            finding.ruleId === expected.ruleId &&
            finding.line === expected.line &&
            finding.column === expected.column &&
            finding.message.includes(expected.includes),
        );
        expect(
          match,
          `${JSON.stringify(expected)} in\n${findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`).join("\n")}`,
        ).toBeDefined();
      }
    });
  }
});
