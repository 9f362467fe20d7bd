/**
 * One .vtvlrc.yaml → a checked configuration layer. The file is read with the same loader as the
 * descriptions (encoding, YAML limits, duplicate keys), checked against schemas/vtvlrc.schema.json, then
 * against the rules vtvl knows and each rule's own options schema. Every problem names file:line:col.
 */
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import safeRegex from "safe-regex2";
import { ajvPackage } from "../util/lazy-require.js";
import type { Localized } from "../i18n/index.js";
import { decodeSource, isDecodeProblem } from "../load/decode.js";
import { SourceLocator } from "../load/locate.js";
import { isParseProblem, parseYaml } from "../load/parse.js";
import { fromPointer, type PathSegment } from "../lint/finding.js";
import { ruleRegistry } from "../lint/registry.js";
import { schemasDir } from "../paths.js";
import { didYouMean } from "../util/similar.js";
import { TYPE_NAMES } from "../schema/validator.js";
import type { RuleSetting } from "../lint/engine.js";

export const CONFIG_FILE_NAMES = [".vtvlrc.yaml", ".vtvlrc.yml"] as const;

const SEVERITIES: readonly RuleSetting[] = ["error", "warning", "info", "off"];

export interface RuleEntry {
  severity?: RuleSetting;
  options?: Record<string, unknown>;
}

export interface ConfigOverride {
  files: string[];
  rules: Map<string, RuleEntry>;
}

export interface ConfigFile {
  file: string;
  root: boolean;
  ignores: string[];
  rules: Map<string, RuleEntry>;
  overrides: ConfigOverride[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly text: Localized,
  ) {
    super(`${file}:${line}:${column}: ${text.en}`);
    this.name = "ConfigError";
  }
}

let configValidator: ValidateFunction | undefined;
let optionsAjv: Ajv | undefined;
const optionsValidators = new Map<string, ValidateFunction>();

/** The ajv configuration of the config file's schema, at run time and to precompile (`source`). */
export function createConfigAjv(options: { source?: boolean } = {}): Ajv {
  return new (ajvPackage().Ajv)({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    // Checking our own schema against the draft-07 meta-schema cost a lint run tens of milliseconds at
    // start-up; test/schemas.test.ts compiles it with the meta-schema check instead.
    validateSchema: false,
    ...(options.source ? { code: { source: true } } : {}),
  });
}

export function loadConfigSchema(): { $id: string } {
  return JSON.parse(readFileSync(`${schemasDir}vtvlrc.schema.json`, "utf8")) as { $id: string };
}

/**
 * The config file's validator: precompiled by `npm run build` (scripts/build-validators.mjs) next to this
 * module, which saves compiling it (about 50 ms) in every run that reads a .vtvlrc.yaml; compiled here when
 * running from the sources.
 */
function getConfigValidator(): ValidateFunction {
  if (!configValidator) {
    const schema = loadConfigSchema();
    try {
      const precompiled = createRequire(import.meta.url)("./config-validator.cjs") as Record<
        string,
        ValidateFunction
      >;
      configValidator = precompiled[schema.$id];
    } catch {
      // not built: compile below
    }
    configValidator ??= createConfigAjv().compile(schema);
  }
  return configValidator;
}

/**
 * Why a regular expression from a rule's options cannot be used, or undefined when it can. Rules compile such
 * patterns with the `u` flag and run them on every text of every file, so one that can take exponential time
 * (nested repetition such as `(a+)+`) would hang a CI run on a single unlucky text: refused here, with the
 * star-height check of safe-regex2.
 */
export function regexProblem(pattern: string): Localized | undefined {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    const reason = (error as Error).message;
    return {
      vi: `không phải biểu thức chính quy hợp lệ (${reason})`,
      en: `is not a valid regular expression (${reason})`,
    };
  }
  if (!safeRegex(pattern))
    return {
      vi: "có lặp lồng nhau (như `(a+)+`), có thể chạy lâu vô hạn trên một đoạn văn bản; viết lại không lồng phép lặp",
      en: "has nested repetition (such as `(a+)+`), which can run practically forever on one text; rewrite it without nesting repetitions",
    };
  return undefined;
}

/** What is wrong with an option value, from the first error of its rule's options schema. */
function optionProblem(error: ErrorObject, value: unknown): Localized {
  const params = error.params as Record<string, unknown>;
  const shown = value === undefined ? "" : ` (${show(value).slice(0, 80)})`;
  switch (error.keyword) {
    case "type": {
      const wanted = String(params.type)
        .split(",")
        .map((type) => TYPE_NAMES[type] ?? { vi: type, en: type });
      return {
        vi: `phải là ${wanted.map((type) => type.vi).join(" hoặc ")}${shown}`,
        en: `must be ${wanted.map((type) => type.en).join(" or ")}${shown}`,
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const known = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const suggestion = didYouMean(extra, known);
      return {
        vi: `có khóa không dùng được \`${extra}\`${suggestion ? `; có phải ý bạn là \`${suggestion}\`?` : known.length ? `; các khóa hợp lệ: ${known.join(", ")}` : ""}`,
        en: `has an unknown key \`${extra}\`${suggestion ? `; did you mean \`${suggestion}\`?` : known.length ? `; valid keys: ${known.join(", ")}` : ""}`,
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((item) => show(item)).join(", ");
      return { vi: `phải là một trong: ${allowed}${shown}`, en: `must be one of: ${allowed}${shown}` };
    }
    case "format":
      if (typeof value === "string") {
        const problem = regexProblem(value);
        if (problem) return { vi: `${problem.vi}${shown}`, en: `${problem.en}${shown}` };
      }
      break;
    case "required":
      return {
        vi: `thiếu khóa \`${String(params.missingProperty)}\``,
        en: `lacks the key \`${String(params.missingProperty)}\``,
      };
    case "minimum":
    case "maximum":
    case "pattern":
      // The one numeric bound and the one pattern of the options schemas: competency levels and ranges.
      return {
        vi: `phải là một cấp độ từ 1 đến 5 hoặc một khoảng như "3-5"${shown}`,
        en: `must be a level from 1 to 5 or a range such as "3-5"${shown}`,
      };
    case "minLength":
      return { vi: `không được để trống${shown}`, en: `must not be empty${shown}` };
  }
  return {
    vi: `không đúng dạng (${error.message ?? error.keyword})${shown}`,
    en: `has the wrong shape (${error.message ?? error.keyword})${shown}`,
  };
}

function getOptionsValidator(ruleId: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = optionsValidators.get(ruleId);
  if (!validate) {
    optionsAjv ??= new (ajvPackage().Ajv)({
      allErrors: true,
      strict: false,
      allowUnionTypes: true,
      verbose: true,
    });
    optionsAjv.addFormat("regex", (pattern: string) => regexProblem(pattern) === undefined);
    validate = optionsAjv.compile(schema);
    optionsValidators.set(ruleId, validate);
  }
  return validate;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

/** One message for the first problem ajv found, in the words of the config file rather than the schema. */
function describeSchemaError(
  errors: ErrorObject[],
  data: unknown,
): { path: PathSegment[]; key: boolean; text: Localized } {
  // A rule setting is "severity" or "{ severity, options }": judge it by the shape the user wrote.
  const relevance = (error: ErrorObject): number => {
    const value = valueAt(data, fromPointer(error.instancePath));
    const scalar = value === null || typeof value !== "object";
    if (error.keyword === "anyOf") return 10;
    if (error.keyword === "enum") return scalar ? 0 : 9;
    if (error.keyword === "type" && (error.params as { type: string }).type === "object" && scalar) return 5;
    return 1;
  };
  const first = [...errors].sort((a, b) => relevance(a) - relevance(b))[0]!;
  const path = fromPointer(first.instancePath);
  const where = path.join(".") || "(tệp)";
  const value = valueAt(data, path);
  switch (first.keyword) {
    case "additionalProperties": {
      const extra = (first.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(
        ((first.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ??
          {}) as Record<string, unknown>,
      );
      const suggestion = didYouMean(extra, known);
      const hint = suggestion
        ? { vi: ` Có phải ý bạn là \`${suggestion}\`?`, en: ` Did you mean \`${suggestion}\`?` }
        : { vi: ` Các khóa hợp lệ: ${known.join(", ")}.`, en: ` Valid keys: ${known.join(", ")}.` };
      return {
        path: [...path, extra],
        key: true,
        text: {
          vi: `Khóa không hợp lệ \`${extra}\` trong \`${where}\`.${hint.vi}`,
          en: `Unknown key \`${extra}\` in \`${where}\`.${hint.en}`,
        },
      };
    }
    case "enum": {
      const suggestion =
        typeof value === "string"
          ? (SEVERITIES.find((severity) => value.length > 1 && severity.startsWith(value.toLowerCase())) ??
            didYouMean(value, SEVERITIES))
          : undefined;
      const hint = suggestion
        ? { vi: ` Có phải ý bạn là "${suggestion}"?`, en: ` Did you mean "${suggestion}"?` }
        : { vi: "", en: "" };
      return {
        path,
        key: false,
        text: {
          vi: `Mức độ ${show(value)} không hợp lệ ở \`${where}\`.${hint.vi} Dùng error, warning, info hoặc off.`,
          en: `Invalid severity ${show(value)} at \`${where}\`.${hint.en} Use error, warning, info or off.`,
        },
      };
    }
    case "required": {
      const missing = (first.params as { missingProperty: string }).missingProperty;
      return {
        path,
        key: false,
        text: {
          vi: `Thiếu \`${missing}\` trong \`${where}\`.`,
          en: `Missing \`${missing}\` in \`${where}\`.`,
        },
      };
    }
    case "type": {
      const expected = String((first.params as { type: string }).type);
      const names: Record<string, Localized> = {
        boolean: { vi: "true hoặc false", en: "true or false" },
        array: { vi: "một danh sách", en: "a list" },
        object: { vi: "một khối khóa: giá trị", en: "a mapping" },
        string: { vi: "một chuỗi", en: "a string" },
      };
      const name = names[expected] ?? { vi: expected, en: expected };
      return {
        path,
        key: false,
        text: {
          vi: `\`${where}\` cần ${name.vi}, nhưng tìm thấy ${show(value)}.`,
          en: `\`${where}\` must be ${name.en}, found ${show(value)}.`,
        },
      };
    }
    case "pattern": {
      // A key that breaks `propertyNames`: ajv names it apart from the path of the mapping that holds it.
      const id = first.propertyName ?? path.at(-1);
      return {
        path: first.propertyName === undefined ? path : [...path, first.propertyName],
        key: true,
        text: {
          vi: `Mã quy tắc ${show(id)} không hợp lệ: mã quy tắc viết thường, nối bằng dấu gạch ngang (xem \`vtvl rules\`).`,
          en: `Invalid rule id ${show(id)}: rule ids are lowercase words joined by hyphens (see \`vtvl rules\`).`,
        },
      };
    }
    default:
      return {
        path,
        key: false,
        text: {
          vi: `\`${where}\`: ${first.message ?? first.keyword}.`,
          en: `\`${where}\`: ${first.message ?? first.keyword}.`,
        },
      };
  }
}

function toEntry(setting: unknown): RuleEntry {
  if (typeof setting === "string") return { severity: setting as RuleSetting };
  const object = setting as { severity?: RuleSetting; options?: Record<string, unknown> };
  return {
    ...(object.severity ? { severity: object.severity } : {}),
    ...(object.options ? { options: object.options } : {}),
  };
}

function checkRules(
  rulesObject: Record<string, unknown>,
  basePath: PathSegment[],
  fail: (path: PathSegment[], key: boolean, text: Localized) => never,
): Map<string, RuleEntry> {
  const registry = ruleRegistry();
  const entries = new Map<string, RuleEntry>();
  for (const [id, setting] of Object.entries(rulesObject)) {
    const descriptor = registry.get(id);
    if (!descriptor) {
      const suggestion = didYouMean(id, registry.keys());
      fail([...basePath, id], true, {
        vi: `Không có quy tắc \`${id}\`.${suggestion ? ` Có phải ý bạn là \`${suggestion}\`?` : ""} Xem danh sách bằng \`vtvl rules\`.`,
        en: `There is no rule \`${id}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""} List them with \`vtvl rules\`.`,
      });
    }
    const entry = toEntry(setting);
    if (id === "parse-error" || id === "form-unknown") {
      fail([...basePath, id], true, {
        vi: `Không cấu hình được \`${id}\`: một tệp không đọc được thành bản mô tả luôn là lỗi. Để bỏ qua tệp, dùng \`ignores\`.`,
        en: `\`${id}\` cannot be configured: a file that cannot be read as a description is always an error. To skip files, use \`ignores\`.`,
      });
    }
    if (entry.options && descriptor.meta.optionsSchema) {
      const validate = getOptionsValidator(id, descriptor.meta.optionsSchema);
      if (!validate(entry.options)) {
        const error = validate.errors![0]!;
        const path = fromPointer(error.instancePath);
        const where = ["options", ...path].join(".");
        // An unknown key is pointed at itself, anything else at its value.
        const extra = (error.params as { additionalProperty?: string }).additionalProperty;
        const at = extra === undefined ? path : [...path, extra];
        fail([...basePath, id, "options", ...at], extra !== undefined, {
          vi: `Tùy chọn của quy tắc \`${id}\` không hợp lệ: \`${where}\` ${optionProblem(error, valueAt(entry.options, path)).vi}. Xem docs/rules/${id}.md.`,
          en: `Invalid options for rule \`${id}\`: \`${where}\` ${optionProblem(error, valueAt(entry.options, path)).en}. See docs/rules/${id}.md.`,
        });
      }
    }
    entries.set(id, entry);
  }
  return entries;
}

/** A configuration is a few hundred bytes; anything this large is the wrong file (or a device, e.g. /dev/zero). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

function readConfigBytes(file: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new ConfigError(file, 1, 1, {
        vi: "Đây không phải một tệp cấu hình (là thư mục hoặc thiết bị). Chỉ ra một tệp .vtvlrc.yaml.",
        en: "This is not a configuration file (it is a folder or a device). Point at a .vtvlrc.yaml file.",
      });
    if (stats.size > MAX_CONFIG_BYTES)
      throw new ConfigError(file, 1, 1, {
        vi: `Tệp cấu hình quá lớn (${stats.size} byte, tối đa ${MAX_CONFIG_BYTES}): có đúng là .vtvlrc.yaml không?`,
        en: `The configuration file is too large (${stats.size} bytes, at most ${MAX_CONFIG_BYTES}): is this the right .vtvlrc.yaml?`,
      });
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(file, 1, 1, {
      vi: `Không đọc được tệp cấu hình (${code}).`,
      en: `Cannot read the configuration file (${code}).`,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and checks one configuration file. Throws ConfigError with the place of the first problem. */
export function loadConfigFile(file: string): ConfigFile {
  const bytes = readConfigBytes(file);
  const decoded = decodeSource(bytes);
  if (isDecodeProblem(decoded)) throw new ConfigError(file, decoded.line, decoded.column, decoded.message);
  const parsed = parseYaml(decoded.text);
  let data: Record<string, unknown>;
  if (isParseProblem(parsed)) {
    if (parsed.kind === "not-a-mapping")
      throw new ConfigError(file, parsed.line, parsed.column, {
        vi: "Tệp cấu hình phải là một khối khóa: giá trị (ví dụ `rules:`), không phải một danh sách hay một giá trị đơn. Xem docs/configuration.md.",
        en: "A configuration file must be a mapping of keys to values (e.g. `rules:`), not a list or a single value. See docs/configuration.md.",
      });
    if (parsed.kind !== "empty") throw new ConfigError(file, parsed.line, parsed.column, parsed.message);
    data = {};
  } else {
    data = parsed.data;
  }
  let locator: SourceLocator | undefined;
  const fail = (path: readonly PathSegment[], key: boolean, text: Localized): never => {
    locator ??= new SourceLocator(decoded.text);
    const { start } = locator.range(path, { key });
    throw new ConfigError(file, start.line, start.column, text);
  };
  const validate = getConfigValidator();
  if (!validate(data)) {
    const problem = describeSchemaError(validate.errors ?? [], data);
    fail(problem.path, problem.key, problem.text);
  }
  const rules = checkRules((data.rules as Record<string, unknown> | undefined) ?? {}, ["rules"], fail);
  const overrides = (
    (data.overrides as Array<{ files: string | string[]; rules: object }> | undefined) ?? []
  ).map((override, index) => ({
    files: typeof override.files === "string" ? [override.files] : override.files,
    rules: checkRules(override.rules as Record<string, unknown>, ["overrides", index, "rules"], fail),
  }));
  return {
    file,
    root: data.root === true,
    ignores: (data.ignores as string[] | undefined) ?? [],
    rules,
    overrides,
  };
}
