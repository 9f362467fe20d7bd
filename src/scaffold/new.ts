/** `vtvl new` without the terminal: resolve the template, build the text, choose the path, write it. */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { lintText } from "../lint/engine.js";
import { SourceLocator } from "../load/locate.js";
import type { Finding } from "../lint/finding.js";
import type { Position } from "../model/types.js";
import { findBlanks, type BlankSite } from "./blank.js";
import { readTemplate, type TemplateEntry } from "./catalog.js";
import { createFromTemplate, templateHasHeader, type Answers } from "./create.js";
import { slugify } from "./files.js";
import { schemaReference, type SchemaRefMode } from "./schema-ref.js";
import { packageVersion } from "./version.js";

/** Identification fields the circulars leave for the agency; null in a template until filled. */
export const IDENTIFICATION_FIELDS = ["code", "startDate", "workplace"] as const;

/** In a repository set up by `vtvl init` (a .vtvlrc.yaml beside a positions/ folder), new files go there. */
export function defaultOutputDirectory(cwd: string): string {
  const positions = join(cwd, "positions");
  const isInitRepo =
    (existsSync(join(cwd, ".vtvlrc.yaml")) || existsSync(join(cwd, ".vtvlrc.yml"))) &&
    existsSync(positions) &&
    statSync(positions).isDirectory();
  return isInitRepo ? positions : cwd;
}

export function defaultFileName(template: TemplateEntry): string {
  return `${slugify(template.name)}.yaml`;
}

/** `-o` names a file, or a folder (existing, or written with a trailing slash) to put the default name in. */
export function outputPath(template: TemplateEntry, output: string | undefined, cwd: string): string {
  if (!output || output === "-") return join(defaultOutputDirectory(cwd), defaultFileName(template));
  const target = resolve(cwd, output);
  const isFolder = /[\\/]$/.test(output) || (existsSync(target) && statSync(target).isDirectory());
  return isFolder ? join(target, defaultFileName(template)) : target;
}

export interface Scaffolded {
  text: string;
  /** Line of each blank in `text`, in the order of `blanks`. */
  blankLines: number[];
  /** Absolute path the text is meant for (the reference point of its relative schema path). */
  path: string;
  blanks: BlankSite[];
  emptyFields: string[];
  /** What lint says about the new file: warnings for the blanks, and never an error. */
  findings: Finding[];
  /** Answers the form has no place for (agency and unit of a form printed as an appendix). */
  ignored: Array<keyof Answers>;
}

export function scaffoldPosition(
  template: TemplateEntry,
  answers: Answers,
  options: { output?: string; cwd: string; schema?: SchemaRefMode },
): Scaffolded {
  const path = outputPath(template, options.output, options.cwd);
  const templateText = readTemplate(template);
  const ignored = templateHasHeader(templateText)
    ? []
    : (["agency", "unit"] as const).filter((key) => answers[key]?.trim());
  const text = createFromTemplate(template, templateText, answers, {
    schemaRef: schemaReference(path, template.form, options.schema),
    generator: `vtvl ${packageVersion()}`,
  });
  const result = lintText(relative(options.cwd, path) || path, text);
  const position = result.position as (Position & Record<string, unknown>) | undefined;
  const blanks = findBlanks(position ?? {});
  const locator = new SourceLocator(text);
  return {
    text,
    blankLines: blanks.map((site) => locator.range(site.path).start.line),
    path,
    blanks,
    emptyFields: IDENTIFICATION_FIELDS.filter(
      (field) => position !== undefined && (position[field] === null || position[field] === undefined),
    ),
    findings: result.findings,
    ignored,
  };
}
