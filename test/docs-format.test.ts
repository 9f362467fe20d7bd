/**
 * docs/format.md must not drift from the format: every key of schemas/position.schema.json (walked
 * recursively through properties, $defs, unions and arrays), every $defs name and every enumerated value is
 * mentioned in backticks; every form of data/forms.yaml has a mapping section; the "Required" columns agree with
 * the forms' required sections; and every YAML example on the page validates against the schema.
 */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { listForms } from "../src/model/forms.js";
import { packageRoot } from "../src/paths.js";
import { createAjv, loadSchema, schemaFileNames } from "../src/schema/validator.js";

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

const FORMAT_DOC = `${packageRoot}docs/format.md`;
const docText = readFileSync(FORMAT_DOC, "utf8");
const baseSchema = loadSchema("position.schema.json") as JsonObject;
const forms = listForms();
const formIds = forms.map((form) => form.id as string);

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

interface SchemaVocabulary {
  properties: Set<string>;
  definitions: Set<string>;
  values: Set<string>;
}

/** Every property name, $defs name and const/enum value of a schema, at any depth. */
function schemaVocabulary(schema: JsonValue): SchemaVocabulary {
  const vocabulary: SchemaVocabulary = { properties: new Set(), definitions: new Set(), values: new Set() };
  const walk = (node: JsonValue): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isObject(node)) return;
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === "properties" && isObject(value)) {
        for (const [name, subschema] of Object.entries(value)) {
          vocabulary.properties.add(name);
          walk(subschema);
        }
      } else if (keyword === "$defs" && isObject(value)) {
        for (const [name, subschema] of Object.entries(value)) {
          vocabulary.definitions.add(name);
          walk(subschema);
        }
      } else if (keyword === "const" && (typeof value === "string" || typeof value === "number")) {
        vocabulary.values.add(String(value));
      } else if (keyword === "enum" && Array.isArray(value)) {
        for (const item of value) if (typeof item === "string") vocabulary.values.add(item);
      } else {
        walk(value);
      }
    }
  };
  walk(schema);
  return vocabulary;
}

function withoutFencedBlocks(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, "");
}

/** The contents of the inline code spans of a Markdown text, outside fenced blocks. */
function codeSpans(markdown: string): string[] {
  return [...withoutFencedBlocks(markdown).matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
}

/** Keys named by the code spans: `key`, or any segment of a path such as `relations.internal.managedBy`. */
function mentionedKeys(markdown: string): Set<string> {
  const keys = new Set<string>();
  for (const span of codeSpans(markdown)) {
    if (/[\s:,{}]/.test(span)) continue;
    for (const segment of span.split(".")) {
      const key = segment.replace(/\[\]$/, "");
      if (/^[$A-Za-z][\w$]*$/.test(key)) keys.add(key);
    }
  }
  return keys;
}

/**
 * The dotted paths of the keys nested in plain mappings, from the root down to the first `$ref`
 * (`relations.external[].notes`); keys of shared definitions are checked by name instead.
 */
function nestedPaths(schema: JsonValue, prefix = ""): string[] {
  if (Array.isArray(schema)) return schema.flatMap((branch) => nestedPaths(branch, prefix));
  if (!isObject(schema)) return [];
  const paths: string[] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === "properties" && isObject(value)) {
      for (const [name, subschema] of Object.entries(value)) {
        const path = prefix ? `${prefix}.${name}` : name;
        paths.push(path, ...nestedPaths(subschema, path));
      }
    } else if (keyword === "items") {
      paths.push(...nestedPaths(value, `${prefix}[]`));
    } else if (["anyOf", "allOf", "oneOf"].includes(keyword)) {
      paths.push(...nestedPaths(value, prefix));
    }
  }
  return paths;
}

/** Whether a documented path names a schema path; a `<placeholder>` segment stands for any key. */
function pathMatches(documented: string, path: string): boolean {
  const documentedSegments = documented.split(".");
  const segments = path.split(".");
  return (
    documentedSegments.length === segments.length &&
    documentedSegments.every((segment, index) => /^<[^>]+>$/.test(segment) || segment === segments[index])
  );
}

function undocumentedPaths(markdown: string, paths: string[]): string[] {
  const documented = codeSpans(markdown).filter((span) => !/[\s:,{}]/.test(span));
  return [...new Set(paths)].filter((path) => !documented.some((span) => pathMatches(span, path)));
}

function missingMentions(markdown: string, vocabulary: SchemaVocabulary) {
  const keys = mentionedKeys(markdown);
  const spans = new Set(codeSpans(markdown));
  return {
    properties: [...vocabulary.properties].filter((name) => !keys.has(name)),
    definitions: [...vocabulary.definitions].filter(
      (name) => !spans.has(name) && !spans.has(`$defs/${name}`),
    ),
    values: [...vocabulary.values].filter((value) => !spans.has(value)),
  };
}

/** The body of the `## title` section (up to the next second-level heading). */
function section(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) return "";
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

interface Table {
  header: string[];
  rows: string[][];
}

/** The pipe tables of a Markdown text, without their delimiter rows. */
function tables(markdown: string): Table[] {
  const found: Table[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length >= 2) {
      found.push({ header: tableCells(current[0]!), rows: current.slice(2).map(tableCells) });
    }
    current = [];
  };
  for (const line of withoutFencedBlocks(markdown).split("\n")) {
    if (line.trim().startsWith("|")) current.push(line);
    else flush();
  }
  flush();
  return found;
}

function spansOf(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** The forms a "Required" cell names: "all forms", "all but `x`", "`x`, `y`" or "no". */
function formsInRequiredCell(cell: string): string[] {
  const named = spansOf(cell).filter((span) => formIds.includes(span));
  if (/all forms/i.test(cell)) return [...formIds];
  if (/all but/i.test(cell)) return formIds.filter((id) => !named.includes(id));
  return named;
}

/** For each top-level key, the forms whose schema requires it. */
function requiringForms(): Map<string, string[]> {
  const required = new Map<string, string[]>();
  for (const id of formIds) {
    const formSchema = loadSchema(`${id}.schema.json`) as { required?: string[] };
    const keys = new Set([
      ...((baseSchema.required as string[] | undefined) ?? []),
      ...(formSchema.required ?? []),
    ]);
    for (const key of keys) required.set(key, [...(required.get(key) ?? []), id]);
  }
  return required;
}

const sorted = (list: Iterable<string>) => [...list].sort();

describe("docs/format.md mentions the whole format", () => {
  const vocabulary = schemaVocabulary(baseSchema);

  it("walks the schema to its nested keys, definitions and values", () => {
    for (const deep of [
      "minMonthsInGradeIfEquivalent",
      "private",
      "ref",
      "role",
      "organisations",
      "careerLevel",
    ])
      expect(vocabulary.properties, deep).toContain(deep);
    expect(vocabulary.definitions).toContain("ExperienceFacts");
    for (const value of ["quoc-hieu", "chu-nhiem", "trung-uong", "at-least", ...formIds])
      expect(vocabulary.values, value).toContain(value);
  });

  it("would notice a key that the page stops mentioning", () => {
    const withoutMinYears = docText.replace(/`[^`\n]*minYears[^`\n]*`/g, "minYears");
    expect(missingMentions(withoutMinYears, vocabulary).properties).toEqual(["minYears"]);
  });

  it("names every key nested in a plain mapping by its full path", () => {
    const paths = nestedPaths(baseSchema);
    expect(paths).toContain("relations.external[].notes");
    expect(paths).toContain("requirements.experience.facts");
    expect(undocumentedPaths(docText, paths)).toEqual([]);
    const withoutHeadingsTasks = docText.replaceAll("`headings.tasks`", "headings.tasks");
    expect(undocumentedPaths(withoutHeadingsTasks, paths)).toEqual(["headings.tasks"]);
  });

  it("names every property of schemas/position.schema.json in backticks", () => {
    expect(missingMentions(docText, vocabulary).properties).toEqual([]);
  });

  it("names every shared definition ($defs)", () => {
    expect(missingMentions(docText, vocabulary).definitions).toEqual([]);
  });

  it("names every accepted enumerated value (forms, regimes, categories, levels …)", () => {
    expect(missingMentions(docText, vocabulary).values).toEqual([]);
  });
});

describe("docs/format.md maps every form", () => {
  const mapping = section(docText, "How each form maps onto the format");

  it("has one mapping section per form of data/forms.yaml, and none for unknown forms", () => {
    const headings = mapping
      .split("\n")
      .filter((line) => line.startsWith("### "))
      .map((line) => spansOf(line)[0] ?? line);
    expect(sorted(headings)).toEqual(sorted(formIds));
  });

  it("lists each form in the form table with its default regime", () => {
    const formTable = tables(section(docText, "Choosing the form: `form`")).find((table) =>
      table.header.includes("`form`"),
    );
    expect(formTable, "the table of forms").toBeDefined();
    const regimeColumn = formTable!.header.findIndex((cell) => /regime/.test(cell));
    const listed = new Map(
      formTable!.rows.map((row) => [spansOf(row[0] ?? "")[0] ?? "", spansOf(row[regimeColumn] ?? "")[0]]),
    );
    for (const form of forms) expect(listed.get(form.id), form.id).toBe(form.regime);
    const dateColumn = formTable!.header.findIndex((cell) => /effective date/i.test(cell));
    for (const row of formTable!.rows) {
      const form = forms.find((entry) => entry.id === spansOf(row[0] ?? "")[0]);
      expect(row[dateColumn], `effective date of ${form?.id}`).toMatch(
        form?.effective ? new RegExp(`^${form.effective}$`) : /^none\b/,
      );
    }
  });

  it("lists each regime with the forms that use it by default", () => {
    const regimeTable = tables(section(docText, "Regimes and effective dates")).find((table) =>
      table.header.includes("`regime`"),
    );
    expect(regimeTable, "the table of regimes").toBeDefined();
    const regimeDefinition = (baseSchema.$defs as JsonObject).RegimeId as { anyOf: Array<{ const: string }> };
    const regimeIds = regimeDefinition.anyOf.map((branch) => branch.const);
    const rows = new Map(
      regimeTable!.rows.map((row) => [spansOf(row[0] ?? "")[0], spansOf(row.at(-1) ?? "")]),
    );
    expect(sorted([...rows.keys()].filter((id): id is string => id !== undefined))).toEqual(
      sorted(regimeIds),
    );
    for (const regime of regimeIds) {
      const using = forms.filter((form) => form.regime === regime).map((form) => form.id as string);
      expect(sorted(rows.get(regime) ?? []), regime).toEqual(sorted(using));
    }
  });
});

describe("docs/format.md says which form requires which section", () => {
  const reference = section(docText, "Field reference");
  const referenceTables = tables(reference);
  const required = requiringForms();
  const topLevel = Object.keys(baseSchema.properties as JsonObject);

  it("has a matrix of required sections that matches the form schemas", () => {
    const matrix = referenceTables.find((table) => formIds.every((id) => table.header.includes(`\`${id}\``)));
    expect(matrix, "the matrix of required sections").toBeDefined();
    const columns = formIds.map((id) => matrix!.header.indexOf(`\`${id}\``));
    const listed = new Set<string>();
    for (const row of matrix!.rows) {
      const ticked = formIds.filter((_id, index) => (row[columns[index]!] ?? "").includes("✔"));
      for (const key of spansOf(row[0] ?? "")) {
        listed.add(key);
        expect(sorted(ticked), key).toEqual(sorted(required.get(key) ?? []));
      }
    }
    expect(sorted(listed)).toEqual(sorted(required.keys()));
  });

  it("documents every top-level key in a row whose Required column matches the form schemas", () => {
    const documented = new Set<string>();
    for (const table of referenceTables) {
      const keyColumn = table.header.indexOf("Key");
      const requiredColumn = table.header.indexOf("Required");
      if (keyColumn < 0 || requiredColumn < 0) continue;
      for (const row of table.rows) {
        const key = spansOf(row[keyColumn] ?? "")[0];
        if (!key || !topLevel.includes(key)) continue;
        documented.add(key);
        expect(sorted(formsInRequiredCell(row[requiredColumn] ?? "")), `Required cell of \`${key}\``).toEqual(
          sorted(required.get(key) ?? []),
        );
      }
    }
    expect(sorted(documented)).toEqual(sorted(topLevel));
  });
});

describe("docs/format.md examples", () => {
  const ajv = createAjv();
  for (const name of schemaFileNames()) ajv.addSchema(loadSchema(name));
  const validate = ajv.getSchema(baseSchema.$id as string)!;
  const blocks = [...docText.matchAll(/^```yaml\n([\s\S]*?)^```[ \t]*$/gm)].map((match) => match[1]!);

  it("has YAML examples", () => {
    expect(blocks.length).toBeGreaterThan(3);
  });

  blocks.forEach((block, index) => {
    const firstLine = block.split("\n").find((line) => line.trim() !== "") ?? "";
    it(`example ${index + 1} (${firstLine.slice(0, 60)}) validates against the format`, () => {
      const data = yaml.load(block, { schema: yaml.CORE_SCHEMA });
      expect(isObject(data as JsonValue), "an example is a mapping").toBe(true);
      const document = { form: "tt-02-2023-vpcp", name: "Chuyên viên", ...(data as JsonObject) };
      validate(document);
      const errors = (validate.errors ?? []).map(
        (error) =>
          `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
      );
      expect(errors, block).toEqual([]);
    });
  });
});
