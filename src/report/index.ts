/**
 * The output formats `vtvl lint -f` knows; each is a pure function from results to text, written in pieces
 * (about one per file) so that a large report is never held whole (formatX in each module joins them).
 */
import type { FileResult } from "../lint/engine.js";
import type { Formatter, ReportContext } from "./context.js";
import { githubChunks } from "./github.js";
import { gitlabChunks } from "./gitlab.js";
import { jsonChunks } from "./json.js";
import { junitChunks } from "./junit.js";
import { sarifChunks } from "./sarif.js";
import { stylishChunks } from "./stylish.js";

export const formatters = {
  stylish: (results: readonly FileResult[], context: ReportContext) => stylishChunks(results, context),
  json: (results: readonly FileResult[]) => jsonChunks(results),
  sarif: sarifChunks,
  github: githubChunks,
  junit: junitChunks,
  gitlab: gitlabChunks,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export type { ReportContext } from "./context.js";
