import { existsSync, readFileSync } from "node:fs";
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

/**
 * SchemaStore-style catalogue. Editors that read it (or a copy in an agency's network) match files by name:
 * `<anything>.<form id>.yaml` gets that form's schema, `<anything>.vtvl.yaml` the schema common to all forms
 * (whose `form` key then says which form applies), and `.vtvlrc.yaml` the configuration schema. `url` is the
 * published address; `localPath` the copy inside the npm package, for closed networks.
 */
function renderCatalog(root: string, forms: FormEntry[]): unknown {
  const entry = (name: string, description: string, fileMatch: string[], file: string) => ({
    name,
    description,
    fileMatch,
    url: `${SCHEMA_BASE_URI}${file}`,
    localPath: file,
  });
  const schemas = [
    entry(
      "vtvl: bản mô tả vị trí việc làm (mọi mẫu biểu)",
      "Bản mô tả công việc và khung năng lực vị trí việc làm; khóa `form` chọn mẫu biểu. Dùng cho tệp đặt tên *.vtvl.yaml.",
      ["*.vtvl.yaml", "*.vtvl.yml"],
      "position.schema.json",
    ),
    ...forms.map((form) =>
      entry(
        `vtvl: ${form.title}`,
        form.description,
        [`*.${form.id}.yaml`, `*.${form.id}.yml`],
        `${form.id}.schema.json`,
      ),
    ),
  ];
  if (existsSync(`${root}schemas/vtvlrc.schema.json`))
    schemas.push(
      entry(
        "vtvl: cấu hình (.vtvlrc.yaml)",
        "Cấu hình của vtvl lint: mức độ và tùy chọn của từng quy tắc, tệp bỏ qua, thiết lập theo đường dẫn.",
        [".vtvlrc.yaml", ".vtvlrc.yml"],
        "vtvlrc.schema.json",
      ),
    );
  return { $schema: "https://json.schemastore.org/schema-catalog.json", version: 1, schemas };
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
  files.set("catalog.json", stringify(renderCatalog(root, forms)));
  return files;
}
