/**
 * Template text + the agency's answers → the text of a new description. Works on the YAML Document so
 * the template's comments (what each section means according to the circular) survive the edits.
 */
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import type { TemplateEntry } from "./catalog.js";
import { modeline } from "./schema-ref.js";

export interface Answers {
  agency?: string;
  unit?: string;
  code?: string;
  startDate?: string;
}

export const YAML_OUTPUT_OPTIONS = { lineWidth: 0, indent: 2, indentSeq: true } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A template opens with a block of comment lines (schema line, provenance) ended by a blank line. */
function withoutTemplateHeader(text: string): { body: string; notes: string[] } {
  const lines = text.split("\n");
  let end = 0;
  while (end < lines.length && lines[end]!.startsWith("#")) end++;
  if (end === 0 || lines[end]?.trim() !== "") return { body: text, notes: [] };
  const notes = lines
    .slice(0, end)
    .map((line) => line.slice(1))
    .filter((line) => !/^\s*(yaml-language-server\s*:|\$schema:|Mẫu của vtvl)/.test(line));
  return { body: lines.slice(end + 1).join("\n"), notes };
}

/** Whether the form prints an agency header, so that `agency` and `unit` have somewhere to go. */
export function templateHasHeader(templateText: string): boolean {
  return /^header:/m.test(templateText);
}

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function setValue(document: Document, path: string[], value: string): void {
  const parent = document.getIn(path.slice(0, -1), true);
  if (parent !== undefined && !isMap(parent)) return;
  const existing = document.getIn(path, true);
  if (isScalar(existing)) {
    existing.value = value;
    existing.type = undefined; // let the printer choose: plain unless the text needs quotes
  } else document.setIn(path, value);
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

export interface CreateOptions {
  schemaRef: string;
  generator: string;
}

export function createFromTemplate(
  template: TemplateEntry,
  templateText: string,
  answers: Answers,
  options: CreateOptions,
): string {
  const { body, notes } = withoutTemplateHeader(templateText);
  const document = parseDocument(body, { keepSourceTokens: false });
  // Forms printed as an appendix (Ninh Bình 2026, QĐ 302/2025) have no agency header: nothing to fill there.
  if (document.has("header")) {
    if (present(answers.agency)) setValue(document, ["header", "agency"], answers.agency.trim());
    if (present(answers.unit)) setValue(document, ["header", "unit"], answers.unit.trim());
  }
  if (present(answers.code)) setValue(document, ["code"], answers.code.trim());
  if (present(answers.startDate)) {
    const startDate = answers.startDate.trim();
    setValue(document, ["startDate"], startDate);
    if (isIsoDate(startDate)) setValue(document, ["effectiveDate"], startDate);
  }
  document.commentBefore = [
    modeline(options.schemaRef),
    ` Tạo bởi ${options.generator} từ mẫu "${template.id}" (${template.source}).`,
    ...notes,
  ].join("\n");
  return document.toString(YAML_OUTPUT_OPTIONS);
}
