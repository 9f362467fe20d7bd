/**
 * Handlebars templates of the layouts, compiled once per layout (and per folder that overrides them).
 *
 * Lookup, later entries winning (as RenderCV lets a theme be overridden next to the input file):
 *   templates/layouts/partials/*.hbs           shared partials
 *   templates/layouts/<layout>/*.hbs           the layout's own templates; position.hbs is the page
 *   <input folder>/*.hbs                       a partial (or position.hbs) for every layout used there
 *   <input folder>/<layout>.hbs                the page of that layout
 *   <input folder>/<layout>/*.hbs              the layout folder, copied and edited
 * and print.css the same way (templates/layouts/print.css, <input folder>/print.css,
 * <input folder>/<layout>/print.css). Templates only ever print user data with {{ }}, which escapes it.
 *
 * The built-in templates are precompiled by the build (scripts/precompile-templates.mjs): a layout drawn only
 * with them runs on the Handlebars runtime, without the compiler. A layout with an override, or a template
 * edited since the build, is compiled here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, relative, sep } from "node:path";
import type Handlebars from "handlebars";
import HandlebarsRuntime from "handlebars/runtime.js";
import type { FormId } from "../model/types.js";
import { headingNumber, LAYOUTS_DIR } from "./layout-spec.js";
import { vietnameseLetter, type PositionView } from "./view.js";

export type TemplateFn = (context: unknown) => string;

export interface CompiledLayout {
  layout: FormId;
  page: TemplateFn;
  css: string;
  /** Files that replaced a built-in template, for the report. */
  overrides: string[];
}

const NUMBERED = /^\s*([IVXLC]+\.|\d+(\.\d+)*\s*[-.:)]|[a-zđ]\))\s*/iu;

interface RootWithWording {
  headings?: Record<string, string | undefined>;
  wording?: PositionView["wording"];
}

const rootOf = (options: Handlebars.HelperOptions) => options.data?.root as RootWithWording | undefined;

type HandlebarsApi = typeof Handlebars;

const require = createRequire(import.meta.url);
/** Options every template is compiled with, at build time (scripts/precompile-templates.mjs) as at run time. */
export const COMPILE_OPTIONS = { preventIndent: true };

/** Handlebars without its compiler: what precompiled templates run on. */
export const handlebarsRuntime = HandlebarsRuntime as unknown as HandlebarsApi;

interface Precompiled {
  source: string;
  spec: TemplateSpecification;
}
type TemplateSpecification = Parameters<HandlebarsApi["template"]>[0];

let precompiledTable: Record<string, Precompiled> | null | undefined;

/** The build's precompiled template of a built-in file, if it was built from `source`. */
function precompiledFor(path: string, source: string): Precompiled | undefined {
  if (precompiledTable === undefined) {
    try {
      precompiledTable = require("./templates.precompiled.cjs") as Record<string, Precompiled>;
    } catch {
      precompiledTable = null; // running from the sources (tests): compile
    }
  }
  const key = relative(LAYOUTS_DIR, path).split(sep).join("/");
  const entry = precompiledTable?.[key];
  return entry && entry.source === source ? entry : undefined;
}

let compiler: HandlebarsApi | undefined;

/** The full Handlebars, compiler included, loaded only when a template must be compiled. */
function handlebarsCompiler(): HandlebarsApi {
  compiler ??= require("handlebars") as HandlebarsApi;
  return compiler;
}

/**
 * A built-in template on its own (the catalogue's page): precompiled when the build's copy is current,
 * compiled otherwise.
 */
export function builtinTemplate(path: string): TemplateFn {
  const source = readFileSync(path, "utf8");
  const built = precompiledFor(path, source);
  if (built) return handlebarsRuntime.create().template(built.spec) as TemplateFn;
  return handlebarsCompiler().create().compile(source, COMPILE_OPTIONS);
}

function createEnvironment(base: HandlebarsApi): HandlebarsApi {
  const env = base.create();
  env.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  env.registerHelper("letter", (index: unknown) => vietnameseLetter(Number(index)));
  /**
   * {{heading "relations"}}: the layout's heading (layout.yaml `headings`), or the file's own printing of it;
   * a printing without a number gets the layout's. An older template may still pass the number and the text
   * ({{heading "relations" "3-" "Các mối quan hệ công việc"}}).
   */
  env.registerHelper("heading", (key: unknown, ...rest: unknown[]) => {
    const options = rest.pop() as Handlebars.HelperOptions;
    const root = rootOf(options);
    const [number, text] = rest;
    const standard =
      typeof text === "string"
        ? `${typeof number === "string" && number !== "" ? `${number} ` : ""}${text}`
        : root?.wording?.headings[String(key)];
    if (standard === undefined)
      throw new Error(`the layout has no heading "${String(key)}" (layout.yaml \`headings\`)`);
    const override = root?.headings?.[String(key)];
    if (typeof override !== "string" || override.trim() === "") return standard;
    if (NUMBERED.test(override)) return override.trim();
    const prefix = headingNumber(standard);
    return prefix ? `${prefix} ${override.trim()}` : override.trim();
  });
  /** {{column "tasks" "area"}}: a column heading of the layout (layout.yaml `columns`). */
  env.registerHelper("column", (table: unknown, column: unknown, options: Handlebars.HelperOptions) => {
    const text = rootOf(options)?.wording?.columns[String(table)]?.[String(column)];
    if (text === undefined)
      throw new Error(
        `the layout has no column heading "${String(table)}.${String(column)}" (layout.yaml \`columns\`)`,
      );
    return text;
  });
  return env;
}

function hbsFiles(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(directory) || !statSync(directory).isDirectory()) return files;
  for (const name of readdirSync(directory).sort()) {
    if (name.endsWith(".hbs")) files.set(basename(name, ".hbs"), join(directory, name));
  }
  return files;
}

interface Sources {
  templates: Map<string, string>;
  css: string;
  overrides: string[];
}

function collectSources(layout: FormId, overrideDir: string | undefined): Sources {
  const templates = new Map<string, string>([
    ...hbsFiles(join(LAYOUTS_DIR, "partials")),
    ...hbsFiles(join(LAYOUTS_DIR, layout)),
  ]);
  let css = join(LAYOUTS_DIR, "print.css");
  const overrides: string[] = [];
  if (overrideDir) {
    for (const [name, path] of hbsFiles(overrideDir)) {
      if (name === layout) templates.set("position", path);
      else if (templates.has(name)) templates.set(name, path);
      else continue;
      overrides.push(path);
    }
    for (const [name, path] of hbsFiles(join(overrideDir, layout))) {
      templates.set(name, path);
      overrides.push(path);
    }
    for (const candidate of [join(overrideDir, "print.css"), join(overrideDir, layout, "print.css")]) {
      if (existsSync(candidate)) {
        css = candidate;
        overrides.push(candidate);
      }
    }
  }
  return { templates, css: readFileSync(css, "utf8"), overrides };
}

const compiled = new Map<string, CompiledLayout>();
const overrideSignatures = new Map<string, string>();

/** Files in `directory` that could override a template of `layout`; cached for the life of the process. */
function overrideSignature(layout: FormId, directory: string): string {
  const key = `${layout}\0${directory}`;
  let signature = overrideSignatures.get(key);
  if (signature === undefined) {
    const names = [
      ...[...hbsFiles(directory).values()],
      ...[...hbsFiles(join(directory, layout)).values()],
      ...[join(directory, "print.css"), join(directory, layout, "print.css")].filter((path) =>
        existsSync(path),
      ),
    ];
    signature = names.join("\n");
    overrideSignatures.set(key, signature);
  }
  return signature;
}

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

/** The compiled page of `layout`, with the overrides found in `inputDir` (the folder of the YAML file). */
export function compileLayout(layout: FormId, inputDir?: string): CompiledLayout {
  const signature = inputDir ? overrideSignature(layout, inputDir) : "";
  const key = signature ? `${layout}\0${inputDir}` : layout;
  const cached = compiled.get(key);
  if (cached) return cached;
  const sources = collectSources(layout, signature ? inputDir : undefined);
  const files = [...sources.templates].map(([name, path]) => {
    const source = readFileSync(path, "utf8");
    return { name, path, source, built: precompiledFor(path, source) };
  });
  const runtimeOnly = files.every((file) => file.built);
  const env = createEnvironment(runtimeOnly ? handlebarsRuntime : handlebarsCompiler());
  let page: TemplateFn | undefined;
  for (const { name, path, source, built } of files) {
    let template: TemplateFn;
    try {
      if (runtimeOnly) {
        template = env.template(built!.spec) as TemplateFn;
      } else {
        template = env.compile(source, COMPILE_OPTIONS);
        // Compile now, so a syntax error names its file here rather than in the middle of a batch.
        env.precompile(source, COMPILE_OPTIONS);
      }
    } catch (error) {
      throw new TemplateError(path, (error as Error).message);
    }
    if (name === "position") page = template;
    else env.registerPartial(name, template as Handlebars.Template);
  }
  if (!page) throw new TemplateError(join(LAYOUTS_DIR, layout), "missing position.hbs");
  const result: CompiledLayout = { layout, page, css: sources.css, overrides: sources.overrides };
  compiled.set(key, result);
  return result;
}
