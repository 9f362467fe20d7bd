import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { definitions, Position } from "../src/model/schema-source.js";
import { SCHEMA_BASE_URI } from "../src/model/constants.js";

interface FormEntry {
  id: string;
  title: string;
  description: string;
  requiredSections: string[];
}

const DRAFT = "http://json-schema.org/draft-07/schema#";

/** TypeBox keeps its metadata under symbol keys; JSON.stringify drops them, which is what we want. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every schema file keyed by its name in `schemas/`. */
export function renderSchemaFiles(root: string): Map<string, string> {
  const forms = parse(readFileSync(`${root}data/forms.yaml`, "utf8")) as FormEntry[];
  const files = new Map<string, string>();
  const base = plain(Position) as Record<string, unknown>;
  files.set(
    "position.schema.json",
    stringify({
      $schema: DRAFT,
      $id: `${SCHEMA_BASE_URI}position.schema.json`,
      ...base,
      $defs: plain(definitions),
    }),
  );
  for (const form of forms) {
    files.set(
      `${form.id}.schema.json`,
      stringify({
        $schema: DRAFT,
        $id: `${SCHEMA_BASE_URI}${form.id}.schema.json`,
        title: `Bản mô tả vị trí việc làm: ${form.title}`,
        description: form.description,
        type: "object",
        allOf: [{ $ref: "position.schema.json" }],
        properties: Object.fromEntries([
          ["form", { const: form.id }],
          ...form.requiredSections.filter((key) => key !== "form").map((key) => [key, true]),
        ]),
        required: ["form", ...form.requiredSections],
      }),
    );
  }
  files.set(
    "catalog.json",
    stringify({
      $schema: "https://json.schemastore.org/schema-catalog.json",
      version: 1,
      schemas: forms.map((form) => ({
        name: `vtvl: ${form.title}`,
        description: form.description,
        fileMatch: [`*.${form.id}.yaml`, `*.${form.id}.yml`],
        url: `${SCHEMA_BASE_URI}${form.id}.schema.json`,
        localPath: `${form.id}.schema.json`,
      })),
    }),
  );
  return files;
}
