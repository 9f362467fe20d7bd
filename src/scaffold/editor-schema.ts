/**
 * Schemas as editors want them: one standalone file per form (the shared position schema bundled in under
 * `$defs`, so no tool has to resolve a second file), and each field's Vietnamese title shown in completion
 * lists. VS Code's YAML and JSON support show `markdownDescription` there, not `title`; draft-07 allows
 * such annotation keywords, and validators ignore them (ajv in strict mode needs `strict: false`).
 */
import { readFileSync } from "node:fs";
import { schemasDir } from "../paths.js";
import { packageVersion } from "./version.js";

type JsonSchema = { [key: string]: unknown };

export const POSITION_SCHEMA = "position.schema.json";
const BUNDLED_BASE = "Position";

function load(name: string): JsonSchema {
  return JSON.parse(readFileSync(`${schemasDir}${name}`, "utf8")) as JsonSchema;
}

/** Adds `markdownDescription` ("**Title**" and the description) wherever a schema has a title. */
export function withEditorAnnotations<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item) => withEditorAnnotations(item as unknown)) as T;
  if (schema === null || typeof schema !== "object") return schema;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    // Values of `properties`, `$defs` are schemas; `const`, `enum`, `default`, `examples` are data.
    result[key] = ["const", "enum", "default", "examples"].includes(key)
      ? value
      : withEditorAnnotations(value);
  }
  const { title, description } = result;
  if (typeof title === "string" && result.markdownDescription === undefined)
    result.markdownDescription =
      typeof description === "string" ? `**${title}**\n\n${description}` : `**${title}**`;
  return result as T;
}

function retargetRefs(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => retargetRefs(item, from, to));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as JsonSchema).map(([key, item]) => [
      key,
      key === "$ref" && item === from ? to : retargetRefs(item, from, to),
    ]),
  );
}

export interface SchemaOptions {
  /** Add the editor annotations (default true). */
  editor?: boolean;
}

/** The schema of one form as a single standalone file, or the shared position schema when no form is given. */
export function standaloneSchema(form: string | undefined, options: SchemaOptions = {}): JsonSchema {
  const base = load(POSITION_SCHEMA);
  let schema: JsonSchema;
  if (form === undefined) {
    schema = base;
  } else {
    const formSchema = load(`${form}.schema.json`);
    const { $schema: _schema, $id: _id, $defs: baseDefs, ...baseBody } = base;
    const bundled = retargetRefs(formSchema, POSITION_SCHEMA, `#/$defs/${BUNDLED_BASE}`) as JsonSchema;
    schema = { ...bundled, $defs: { ...(baseDefs as JsonSchema), [BUNDLED_BASE]: baseBody } };
  }
  const { $schema, $id, title, description, ...rest } = schema;
  const ordered: JsonSchema = {
    $schema,
    $id,
    $comment: `vtvl ${packageVersion()}`,
    title,
    description,
    ...rest,
  };
  return options.editor === false ? ordered : withEditorAnnotations(ordered);
}

export function schemaText(form: string | undefined, options: SchemaOptions = {}): string {
  return `${JSON.stringify(standaloneSchema(form, options), null, 2)}\n`;
}
