/** What every formatter may know besides the findings: where paths are relative to, the language, colour. */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "../i18n/index.js";
import type { FileResult } from "../lint/engine.js";

export interface ReportContext {
  /** Directory that relative paths and URIs in reports are relative to (the working directory). */
  cwd: string;
  lang: Lang;
  color: boolean;
  /** vtvl's version, for the tool descriptions of SARIF and JUnit. */
  version: string;
}

/**
 * A format writes its report in pieces (about one per file), so that a large run is written out as it is
 * formatted instead of being held whole in memory.
 */
export type Formatter = (results: readonly FileResult[], context: ReportContext) => Iterable<string>;

/** The items of a JSON array as `JSON.stringify(items, null, 2)` would print them, an item per piece. */
export function* jsonArrayChunks<T>(items: Iterable<T>, indent = ""): Generator<string> {
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(item, null, 2).replace(/\n/g, `\n${indent}  `);
    yield `${first ? "[\n" : ",\n"}${indent}  ${text}`;
    first = false;
  }
  yield first ? "[]" : `\n${indent}]`;
}

/** Forward-slash path relative to `cwd` when the file is inside it; otherwise the absolute path. */
export function reportPath(file: string, cwd: string): string {
  const absolute = isAbsolute(file) ? file : resolve(cwd, file);
  const path = relative(cwd, absolute);
  const inside = path !== "" && !path.startsWith("..") && !isAbsolute(path);
  const chosen = inside ? path : absolute;
  return sep === "/" ? chosen : chosen.split(sep).join("/");
}

/** A relative URI reference for a path inside `cwd`, or an absolute file: URI. */
export function fileUri(file: string, cwd: string): { uri: string; relative: boolean } {
  const path = reportPath(file, cwd);
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path))
    return { uri: pathToFileURL(path).href, relative: false };
  return { uri: path.split("/").map(encodeURIComponent).join("/"), relative: true };
}

export function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith("/") ? href : `${href}/`;
}
