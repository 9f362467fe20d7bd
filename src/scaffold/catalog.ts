/**
 * The catalogue of position templates (templates/positions/index.json, written by scripts/build-templates.ts):
 * one entry per position that the source documents describe, with the form it follows and its legal source.
 */
import { readFileSync } from "node:fs";
import type { FormId, RegimeId } from "../model/types.js";
import { templatesDir } from "../paths.js";
import { foldForSearch } from "../util/similar.js";

export interface TemplateEntry {
  /** Stable id for scripts: `vtvl new --template <id>`. */
  id: string;
  /** The position's name as the source document prints it (corrected where the source erred). */
  name: string;
  form: FormId;
  regime: RegimeId;
  /** Ngạch, or chức danh nghề nghiệp and hạng, as one line; absent for posts without one. */
  grade?: string;
  /** Short citation: instrument, appendix, item. */
  source: string;
  /** Path of the template relative to templates/positions/. */
  file: string;
  /** Whether the form prints an agency header, where the agency and unit names go. */
  header: boolean;
}

export const positionTemplatesDir = `${templatesDir}positions/`;

let cache: TemplateEntry[] | undefined;

export function listTemplates(): TemplateEntry[] {
  cache ??= (
    JSON.parse(readFileSync(`${positionTemplatesDir}index.json`, "utf8")) as { templates: TemplateEntry[] }
  ).templates;
  return cache;
}

export function templatePath(entry: TemplateEntry): string {
  return `${positionTemplatesDir}${entry.file}`;
}

export function readTemplate(entry: TemplateEntry): string {
  return readFileSync(templatePath(entry), "utf8");
}

function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Gaps between the query's words when they occur, in order, as word prefixes of `target`; -1 if they do not. */
function inOrderGaps(query: readonly string[], target: readonly string[]): number {
  let position = 0;
  let gaps = 0;
  for (const [index, word] of query.entries()) {
    let found = position;
    while (found < target.length && !target[found]!.startsWith(word)) found++;
    if (found === target.length) return -1;
    if (index > 0) gaps += found - position;
    position = found + 1;
  }
  return gaps;
}

function allWordsAnywhere(query: readonly string[], entry: TemplateEntry): boolean {
  const target = words([entry.name, entry.id, entry.grade ?? "", entry.source, entry.form].join(" "));
  return query.every((word) => target.some((candidate) => candidate.startsWith(word)));
}

/**
 * Templates whose name holds the query's words in order, each as the start of a word, with or without
 * diacritics: "chuyen vien chinh kiem soat" finds "Chuyên viên chính về kiểm soát thủ tục hành chính" and not
 * "Chuyên viên về kiểm soát thủ tục hành chính" (whose "chính" comes last). Exact names first, then names that
 * start with the query, then the closest matches; the catalogue's order within each. When no name matches in order, any template whose name, id,
 * grade or source holds every word.
 */
export function searchTemplates(
  query: string,
  entries: readonly TemplateEntry[] = listTemplates(),
): TemplateEntry[] {
  const queryWords = words(query);
  if (!queryWords.length) return [...entries];
  const phrase = queryWords.join(" ");
  const scored = entries.flatMap((entry, order) => {
    const nameWords = words(entry.name);
    const gaps = inOrderGaps(queryWords, nameWords);
    if (gaps < 0) return [];
    const name = nameWords.join(" ");
    const rank = name === phrase ? 0 : name.startsWith(phrase) ? 1 : gaps === 0 ? 2 : 3;
    return [{ entry, order, rank, gaps }];
  });
  if (!scored.length) return entries.filter((entry) => allWordsAnywhere(queryWords, entry));
  return scored
    .sort((a, b) => a.rank - b.rank || a.gaps - b.gaps || a.order - b.order)
    .map(({ entry }) => entry);
}

/** The template with this exact id, else the only one the text finds; a list of candidates otherwise. */
export function resolveTemplate(
  query: string,
  entries: readonly TemplateEntry[] = listTemplates(),
): { found: TemplateEntry } | { candidates: TemplateEntry[] } {
  const exact = entries.find((entry) => entry.id === query.trim());
  if (exact) return { found: exact };
  const matches = searchTemplates(query, entries);
  const sameName = matches.filter((entry) => words(entry.name).join(" ") === words(query).join(" "));
  if (matches.length === 1) return { found: matches[0]! };
  if (sameName.length === 1) return { found: sameName[0]! };
  return { candidates: matches };
}
