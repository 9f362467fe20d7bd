/** The output formats `vtvl lint -f` knows; each is a pure function from results to text. */
import type { FileResult } from "../lint/engine.js";
import type { Formatter, ReportContext } from "./context.js";
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export const formatters = {
  stylish: (results: readonly FileResult[], context: ReportContext) => formatStylish(results, context),
  json: (results: readonly FileResult[]) => formatJson(results),
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export type { ReportContext } from "./context.js";
