/**
 * Where a scaffolded file's `# yaml-language-server: $schema=…` line points. Agency networks are often
 * closed, so the default is a relative path that resolves with no internet: the copies `vtvl init` put in
 * the repository (`.vtvl/schemas/`, found by walking up from the file), else the schemas inside the
 * installed package, which is by construction the installed version. `url` gives the published address.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { SCHEMA_BASE_URI } from "../model/constants.js";
import { schemasDir } from "../paths.js";

export const REPO_SCHEMAS_DIR = join(".vtvl", "schemas");

export type SchemaRefMode = "auto" | "package" | "url";

export function schemaFileName(form: string): string {
  return `${form}.schema.json`;
}

/** The nearest `.vtvl/schemas/<form>.schema.json` at or above `directory`. */
export function findRepoSchema(directory: string, form: string): string | undefined {
  let current = resolve(directory);
  for (;;) {
    const candidate = join(current, REPO_SCHEMAS_DIR, schemaFileName(form));
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A reference from `fromDirectory` to `target`: relative with forward slashes, or a file URL when it must. */
export function referenceTo(target: string, fromDirectory: string): string {
  const path = relative(resolve(fromDirectory), target);
  // Another drive (Windows) or whitespace (the modeline ends at the first space): an absolute URL is safer.
  if (isAbsolute(path) || /\s/.test(path)) return pathToFileURL(target).href;
  const portable = path.split(sep).join("/");
  return portable.startsWith(".") ? portable : `./${portable}`;
}

export function schemaReference(outputFile: string, form: string, mode: SchemaRefMode = "auto"): string {
  if (mode === "url") return `${SCHEMA_BASE_URI}${schemaFileName(form)}`;
  const directory = dirname(resolve(outputFile));
  const repoCopy = mode === "auto" ? findRepoSchema(directory, form) : undefined;
  return referenceTo(repoCopy ?? `${schemasDir}${schemaFileName(form)}`, directory);
}

export function modeline(reference: string): string {
  return ` yaml-language-server: $schema=${reference}`;
}
