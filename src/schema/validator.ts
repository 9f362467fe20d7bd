/**
 * The published schemas, compiled once with ajv in strict mode, and their errors rewritten for people:
 * what was found, what was expected, and a did-you-mean where a key or a value is misspelt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import type { Localized } from "../i18n/index.js";
import { fromPointer, type PathSegment } from "../lint/finding.js";
import { SCHEMA_BASE_URI } from "../model/constants.js";
import { schemasDir } from "../paths.js";
import { ajvPackage, lazyModule } from "../util/lazy-require.js";
import { didYouMean } from "../util/similar.js";

// ajv-formats is CommonJS with a default export.
const ajvFormats = lazyModule<{ default: (ajv: Ajv) => Ajv }>("ajv-formats");

type JsonSchema = Record<string, unknown>;

export interface SchemaProblem {
  path: PathSegment[];
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
  message: Localized;
  suggestion?: string;
}

let ajv: Ajv | undefined;
let baseSchema: JsonSchema | undefined;
const validators = new Map<string, ValidateFunction>();

/** Schemas of configuration files, published beside the form schemas but not part of the format. */
export const CONFIG_SCHEMA_FILE_NAMES: ReadonlySet<string> = new Set(["vtvlrc.schema.json"]);

/** The schemas of the description format: one per form family plus the shared position.schema.json. */
export function schemaFileNames(): string[] {
  return readdirSync(schemasDir)
    .filter((name) => name.endsWith(".schema.json") && !CONFIG_SCHEMA_FILE_NAMES.has(name))
    .sort();
}

export function loadSchema(name: string): JsonSchema {
  return JSON.parse(readFileSync(`${schemasDir}${name}`, "utf8")) as JsonSchema;
}

/** The one ajv configuration, used at run time and to precompile (`source`: keep code for standalone). */
export function createAjv(options: { source?: boolean } = {}): Ajv {
  const instance = new (ajvPackage().Ajv)({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    verbose: true,
    ...(options.source ? { code: { source: true } } : {}),
  });
  ajvFormats().default(instance);
  return instance;
}

/** An ajv instance holding every published form schema (compiled lazily, per form, on first use). */
export function createSchemaAjv(options: { source?: boolean } = {}): Ajv {
  const instance = createAjv(options);
  for (const name of schemaFileNames()) instance.addSchema(loadSchema(name));
  return instance;
}

function getBaseSchema(): JsonSchema {
  baseSchema ??= loadSchema("position.schema.json");
  return baseSchema;
}

/**
 * Validators precompiled by `npm run build` (scripts/build-validators.mjs, ajv standalone) next to this module
 * in dist/: compiling the schemas at start-up costs more than linting a file. Absent when running from
 * src/ (tests), where they are compiled on first use instead; a test checks both give the same errors.
 */
let precompiled: Record<string, ValidateFunction> | null | undefined;

function loadPrecompiled(): Record<string, ValidateFunction> | null {
  if (precompiled === undefined) {
    try {
      precompiled = createRequire(import.meta.url)("./validators.cjs") as Record<string, ValidateFunction>;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

export function validatorFor(formId: string): ValidateFunction | undefined {
  let validate = validators.get(formId);
  if (!validate) {
    const id = `${SCHEMA_BASE_URI}${formId}.schema.json`;
    validate = loadPrecompiled()?.[id];
    if (!validate) {
      ajv ??= createSchemaAjv();
      validate = ajv.getSchema(id);
    }
    if (validate) validators.set(formId, validate);
  }
  return validate;
}

function resolveRef(schema: unknown): JsonSchema | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const ref = (schema as JsonSchema).$ref;
  if (typeof ref === "string" && ref.startsWith("#/$defs/") && baseSchema) {
    const defs = baseSchema.$defs as Record<string, JsonSchema>;
    return resolveRef(defs[ref.slice("#/$defs/".length)]);
  }
  return schema as JsonSchema;
}

/** The subschema that describes the value at `path` (following $refs), for titles and descriptions. */
function schemaAt(path: readonly PathSegment[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = getBaseSchema();
  for (const segment of path) {
    schema = resolveRef(schema);
    if (!schema) return undefined;
    if (typeof segment === "number") {
      const container: JsonSchema = schema;
      const items = container.items;
      schema = resolveRef(Array.isArray(items) ? items[segment] : items);
      if (!schema && Array.isArray(container.anyOf)) {
        const arrayBranch = (container.anyOf as JsonSchema[])
          .map(resolveRef)
          .find((branch) => branch?.type === "array");
        schema = resolveRef(arrayBranch?.items);
      }
    } else {
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      let next: JsonSchema | undefined = properties?.[segment];
      if (!next && Array.isArray(schema.anyOf)) {
        for (const branch of schema.anyOf as JsonSchema[]) {
          const resolved = resolveRef(branch);
          const props = resolved?.properties as Record<string, JsonSchema> | undefined;
          if (props?.[segment]) next = props[segment];
        }
      }
      schema = next;
    }
  }
  return resolveRef(schema);
}

function titleOf(path: readonly PathSegment[]): string | undefined {
  const schema = schemaAt(path);
  return typeof schema?.title === "string" ? schema.title : undefined;
}

/** A value as a message names it: short text and numbers as they are, other shapes by their kind. */
export function describeValue(value: unknown): Localized {
  if (value === null || value === undefined) return { vi: "giá trị rỗng", en: "an empty value" };
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return { vi: `chuỗi "${shown}"`, en: `the string "${shown}"` };
  }
  if (typeof value === "number") return { vi: `số ${value}`, en: `the number ${value}` };
  if (typeof value === "boolean") return { vi: `giá trị ${value}`, en: `the boolean ${value}` };
  if (Array.isArray(value)) return { vi: "một danh sách", en: "a list" };
  return { vi: "một khối khóa: giá trị", en: "a mapping" };
}

/** JSON Schema type names as messages say them. */
export const TYPE_NAMES: Record<string, Localized> = {
  string: { vi: "một chuỗi văn bản", en: "a string" },
  number: { vi: "một số", en: "a number" },
  integer: { vi: "một số nguyên", en: "an integer" },
  boolean: { vi: "true hoặc false", en: "true or false" },
  array: { vi: "một danh sách", en: "a list" },
  object: { vi: "một khối khóa: giá trị", en: "a mapping" },
  null: { vi: "để trống", en: "empty" },
};

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

function label(path: readonly PathSegment[]): string {
  return path.length ? path.join(".") : "(tệp)";
}

function named(path: readonly PathSegment[]): Localized {
  const title = titleOf(path);
  const where = `\`${label(path)}\``;
  return title ? { vi: `${where} (${title})`, en: `${where} (${title})` } : { vi: where, en: where };
}

function problemFor(error: ErrorObject, data: unknown): SchemaProblem | undefined {
  const path = fromPointer(error.instancePath);
  const value = valueAt(data, path);
  const where = named(path);
  const found = describeValue(value);
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const childPath = [...path, missing];
      const title = titleOf(childPath);
      const what = title ? `\`${missing}\` (${title})` : `\`${missing}\``;
      return {
        path: childPath,
        atKey: false,
        message: {
          vi: `Thiếu ${what}: mẫu biểu này bắt buộc phải có mục này.`,
          en: `Missing ${what}: this form requires it.`,
        },
      };
    }
    case "additionalProperties": {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const parent = (error.parentSchema as JsonSchema | undefined) ?? schemaAt(path);
      const known = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = didYouMean(extra, known);
      const title = suggestion ? titleOf([...path, suggestion]) : undefined;
      const hint = suggestion
        ? {
            vi: ` Có phải ý bạn là \`${suggestion}\`${title ? ` (${title})` : ""}?`,
            en: ` Did you mean \`${suggestion}\`${title ? ` (${title})` : ""}?`,
          }
        : {
            vi: known.length ? ` Các khóa hợp lệ: ${known.join(", ")}.` : "",
            en: known.length ? ` Valid keys: ${known.join(", ")}.` : "",
          };
      return {
        path: [...path, extra],
        atKey: true,
        suggestion,
        message: {
          vi: `Khóa không hợp lệ \`${extra}\` trong ${where.vi}.${hint.vi}`,
          en: `Unknown key \`${extra}\` in ${where.en}.${hint.en}`,
        },
      };
    }
    case "type": {
      const expected = String((error.params as { type: string }).type)
        .split(",")
        .map((type) => TYPE_NAMES[type] ?? { vi: type, en: type });
      const numberForString = typeof value === "number" && expected.some((type) => type.en === "a string");
      const quoteHint = numberForString
        ? {
            vi: ` Hãy đặt trong dấu nháy: "${String(value)}" (YAML hiểu 2.10 là số 2.1).`,
            en: ` Put it in quotes: "${String(value)}" (YAML reads 2.10 as the number 2.1).`,
          }
        : { vi: "", en: "" };
      return {
        path,
        atKey: false,
        message: {
          vi: `${where.vi}: cần ${expected.map((type) => type.vi).join(" hoặc ")}, nhưng tìm thấy ${found.vi}.${quoteHint.vi}`,
          en: `${where.en}: expected ${expected.map((type) => type.en).join(" or ")}, found ${found.en}.${quoteHint.en}`,
        },
      };
    }
    case "const":
    case "enum": {
      const allowed =
        error.keyword === "const"
          ? [(error.params as { allowedValue: unknown }).allowedValue]
          : (error.params as { allowedValues: unknown[] }).allowedValues;
      const suggestion = typeof value === "string" ? didYouMean(value, allowed.map(String)) : undefined;
      return {
        path,
        atKey: false,
        suggestion,
        message: {
          vi: `${where.vi}: ${found.vi} không hợp lệ.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ""} Giá trị cho phép: ${allowed.join(", ")}.`,
          en: `${where.en}: ${found.en} is not allowed.${suggestion ? ` Did you mean "${suggestion}"?` : ""} Allowed values: ${allowed.join(", ")}.`,
        },
      };
    }
    case "minLength":
      return {
        path,
        atKey: false,
        message: { vi: `${where.vi} không được để trống.`, en: `${where.en} must not be empty.` },
      };
    case "format": {
      const expected =
        (error.params as { format: string }).format === "date"
          ? "YYYY-MM-DD"
          : String((error.params as { format: string }).format);
      return {
        path,
        atKey: false,
        message: {
          vi: `${where.vi}: ${found.vi} không đúng dạng ${expected}.`,
          en: `${where.en}: ${found.en} is not in the form ${expected}.`,
        },
      };
    }
    case "pattern":
    case "minimum":
    case "maximum":
    case "minItems":
    case "maxItems":
    case "uniqueItems": {
      const schema = schemaAt(path);
      const description = typeof schema?.description === "string" ? ` ${schema.description}` : "";
      return {
        path,
        atKey: false,
        message: {
          vi: `${where.vi}: ${found.vi} không hợp lệ (${error.message ?? error.keyword}).${description}`,
          en: `${where.en}: ${found.en} is not valid (${error.message ?? error.keyword}).${description}`,
        },
      };
    }
    case "anyOf": {
      const schema = schemaAt(path);
      const branches = ((schema?.anyOf as JsonSchema[] | undefined) ?? []).map(resolveRef);
      if (branches.length && branches.every((branch) => branch && "const" in branch)) {
        const allowed = branches.map((branch) => String(branch!.const));
        const suggestion = typeof value === "string" ? didYouMean(value, allowed) : undefined;
        return {
          path,
          atKey: false,
          suggestion,
          message: {
            vi: `${where.vi}: ${found.vi} không hợp lệ.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ""} Giá trị cho phép: ${allowed.join(", ")}.`,
            en: `${where.en}: ${found.en} is not allowed.${suggestion ? ` Did you mean "${suggestion}"?` : ""} Allowed values: ${allowed.join(", ")}.`,
          },
        };
      }
      const description = typeof schema?.description === "string" ? ` ${schema.description}` : "";
      return {
        path,
        atKey: false,
        message: {
          vi: `${where.vi}: ${found.vi} không hợp lệ.${description}`,
          en: `${where.en}: ${found.en} does not fit any accepted shape.${description}`,
        },
      };
    }
    default:
      return {
        path,
        atKey: false,
        message: {
          vi: `${where.vi}: ${error.message ?? error.keyword}.`,
          en: `${where.en}: ${error.message ?? error.keyword}.`,
        },
      };
  }
}

function branchOf(error: ErrorObject, union: ErrorObject): number | undefined {
  const prefix = `${union.schemaPath}/`;
  if (!error.schemaPath.startsWith(prefix)) return undefined;
  if (error.instancePath !== union.instancePath && !error.instancePath.startsWith(`${union.instancePath}/`))
    return undefined;
  const index = Number.parseInt(error.schemaPath.slice(prefix.length), 10);
  return Number.isNaN(index) ? undefined : index;
}

/**
 * ajv reports every branch of a union. Keep what helps: for a mapping or a list, the errors of the one
 * branch of that shape that fits best (an unknown key, a missing field); for a scalar, or when no branch
 * of the value's shape exists, one message that says what is accepted.
 */
function simplify(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const unions = errors
    .filter((error) => error.keyword === "anyOf")
    .sort((a, b) => b.instancePath.length - a.instancePath.length);
  let kept = errors;
  for (const union of unions) {
    if (!kept.includes(union)) continue;
    const value = valueAt(data, fromPointer(union.instancePath));
    const branchErrors = new Map<number, ErrorObject[]>();
    for (const error of kept) {
      const branch = branchOf(error, union);
      if (branch === undefined) continue;
      branchErrors.set(branch, [...(branchErrors.get(branch) ?? []), error]);
    }
    const isContainer = value !== null && typeof value === "object";
    const shapeFits = (list: ErrorObject[]) =>
      !list.some((error) => error.instancePath === union.instancePath && error.keyword === "type");
    const candidates = [...branchErrors.entries()].filter(([, list]) => shapeFits(list));
    const all = new Set([...branchErrors.values()].flat());
    if (isContainer && candidates.length) {
      const [, best] = candidates.sort((a, b) => a[1].length - b[1].length)[0]!;
      const keep = new Set(best);
      kept = kept.filter((error) => error !== union && (!all.has(error) || keep.has(error)));
    } else {
      kept = kept.filter((error) => !all.has(error));
    }
  }
  return kept;
}

export function validateAgainstForm(formId: string, data: unknown): SchemaProblem[] | undefined {
  const validate = validatorFor(formId);
  if (!validate) return undefined;
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of simplify(validate.errors ?? [], data)) {
    const problem = problemFor(error, data);
    if (!problem) continue;
    const key = `${problem.path.join("/")}|${problem.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
