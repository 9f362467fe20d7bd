/**
 * Reading a description for rendering: the lint engine's own loading (encoding, YAML, form, schema) with only
 * its built-in checks, so a file that does not parse gets the same file:line:col message as `vtvl lint`.
 * Schema problems do not stop the rendering: the examples are faithful transcriptions of published documents
 * with their defects, and an official wants to print what they have. They come back as warnings.
 */
import type { Lang } from "../i18n/index.js";
import { builtinRules } from "../lint/builtin.js";
import { lintBytes, type FileSettings } from "../lint/engine.js";
import type { Finding } from "../lint/finding.js";
import type { FormEntry } from "../model/forms.js";
import type { Position } from "../model/types.js";

const builtinOnly: FileSettings = {
  severity: (ruleId, meta) => (ruleId in builtinRules ? meta.severity : "off"),
  options: () => ({}),
};

export type Loaded =
  | { ok: true; file: string; position: Position; form: FormEntry; warnings: Finding[] }
  | { ok: false; file: string; errors: Finding[] };

export function loadForRender(file: string, bytes: Uint8Array, lang: Lang = "vi"): Loaded {
  const result = lintBytes(file, bytes, { lang, settings: builtinOnly });
  if (result.fatal || !result.position || !result.form) {
    return { ok: false, file, errors: result.findings.filter((finding) => finding.severity === "error") };
  }
  return { ok: true, file, position: result.position, form: result.form, warnings: result.findings };
}

/** "file:line:col  message" lines, the way a terminal links them. */
export function formatFindings(findings: readonly Finding[]): string[] {
  return findings.map((finding) => {
    const [first, ...rest] = finding.message.split("\n");
    return [
      `${finding.file}:${finding.line}:${finding.column}  ${first}`,
      ...rest.map((line) => `    ${line}`),
    ].join("\n");
  });
}
