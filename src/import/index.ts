/**
 * `vtvl import` as a library: a source document (text export, HTML or .docx, already read into the import
 * shape) → one position per description, the catalogue when the document has one, and what could not be
 * placed. No file system here: the command writes the results.
 */
import type { Localized } from "../i18n/index.js";
import type { FormId, Position } from "../model/types.js";
import { categoryOf, matchCatalogue, readCatalogue, type Catalogue } from "./catalogue.js";
import type { ImportBlock, ImportParagraph, SourceDocument } from "./document.js";
import { importDescription, type DocumentContext, type ImportedPosition } from "./position.js";
import { recogniseForm } from "./recognise.js";
import { applyResidue } from "./residue.js";
import { APPENDIX_LABEL, ISSUED_WITH, kindOf, splitDescriptions } from "./split.js";

export interface ImportOptions {
  /** The form to use instead of recognising it. */
  form?: FormId;
}

export interface ImportedDescription extends ImportedPosition {
  form: FormId;
  /** What the form was recognised by; empty when given with --form. */
  cues: string[];
  /** The form was not recognised and taken from the other descriptions of the document (or a default). */
  guessed: boolean;
  fileName: string;
  /** Values restored from what vtvl stored in a Word file it wrote, and places where the page was edited. */
  restored?: number;
  edited?: number;
}

export interface ImportProblem {
  message: Localized;
}

export interface ImportResult {
  document: SourceDocument;
  descriptions: ImportedDescription[];
  catalogue?: Catalogue;
  problems: ImportProblem[];
}

const MESSAGES = {
  noDescription: {
    vi: 'không tìm thấy bản mô tả nào (không có bảng "Tên vị trí việc làm" / "Mã vị trí việc làm")',
    en: 'no description found (no "Tên vị trí việc làm" / "Mã vị trí việc làm" table)',
  },
} satisfies Record<string, Localized>;

import { slugify } from "../util/similar.js";

function isoDate(day: string, month: string, year: string): string {
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** "(Kèm theo Quyết định số 302 /QĐ-UBND ngày 09 tháng 5 năm 2025 của Ủy ban nhân dân tỉnh)" → its parts. */
export function decisionOf(issuedWith: string): Position["decision"] {
  const match = /(Thông tư|Quyết định|Nghị định|Nghị quyết)\s+số\s+(.*?)\s+ngày\s+(.*?)\)?$/u.exec(
    issuedWith,
  );
  if (!match) return undefined;
  const decision: NonNullable<Position["decision"]> = {
    kind: match[1]!,
    number: match[2]!.replace(/\s+/gu, " ").replace(/\s+\//gu, "/").trim(),
  };
  const rest = match[3]!.trim();
  const written = /^(\d{1,2}) tháng (\d{1,2}) năm (\d{4})\s*(.*)$/u.exec(rest);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(.*)$/u.exec(rest);
  const blank = /^([\d\s]*\/[\d\s]*\/\s*\d{4})\s*(.*)$/u.exec(rest);
  let issuer: string | undefined;
  if (written || slashed) {
    const [, day, month, year, after] = (written ?? slashed)!;
    decision.date = isoDate(day!, month!, year!);
    issuer = after;
  } else if (blank) {
    decision.date = blank[1]!.replace(/\s+/gu, " ").trim();
    issuer = blank[2];
  } else issuer = rest;
  issuer = issuer?.replace(/^của\s+/u, "").trim();
  if (issuer) decision.issuer = issuer;
  return decision;
}

/** The appendix lines a preamble carries: "PHỤ LỤC II", its title, "(Kèm theo …)" (possibly on two lines). */
function appendixOf(blocks: ImportBlock[]): NonNullable<Position["appendix"]> | undefined {
  const paragraphs = blocks.filter((block): block is ImportParagraph => block.kind === "paragraph");
  const labelAt = paragraphs.findIndex((paragraph) => APPENDIX_LABEL.test(paragraph.text));
  const issuedAt = paragraphs.findIndex((paragraph) => ISSUED_WITH.test(paragraph.text));
  if (labelAt < 0 && issuedAt < 0) return undefined;
  const appendix: NonNullable<Position["appendix"]> = {};
  if (labelAt >= 0) {
    appendix.label = paragraphs[labelAt]!.text;
    const title = paragraphs[labelAt + 1];
    if (title && labelAt + 1 !== issuedAt) appendix.title = title.text;
  }
  if (issuedAt >= 0) {
    const first = paragraphs[issuedAt]!.text;
    const second = paragraphs[issuedAt + 1]?.text;
    appendix.issuedWith = !/\)$/u.test(first) && second && /\)$/u.test(second) ? `${first} ${second}` : first;
  }
  return appendix;
}

function hasCompetencyTable(blocks: ImportBlock[]): boolean {
  return blocks.some((block) => kindOf(block) === "competencies");
}

export function importDocument(document: SourceDocument, options: ImportOptions = {}): ImportResult {
  const split = splitDescriptions(document.blocks);
  const problems: ImportProblem[] = [];
  if (split.descriptions.length === 0) problems.push({ message: MESSAGES.noDescription });
  const catalogue = readCatalogue(split.leading);
  const leadingIssued = [...split.leading]
    .reverse()
    .find((block): block is ImportParagraph => block.kind === "paragraph" && ISSUED_WITH.test(block.text));
  const context: DocumentContext = {
    format: document.format,
    file: document.file,
    footnotes: [...split.footnotes],
    footnotesAtEnd: split.footnotes.length > 0,
    ...(leadingIssued ? { decision: decisionOf(leadingIssued.text) } : {}),
  };
  if (!context.decision) delete context.decision;

  const recognitions = split.descriptions.map((description) =>
    recogniseForm([...description.preamble, ...description.body], hasCompetencyTable(description.body)),
  );
  const counts = new Map<FormId, number>();
  for (const recognition of recognitions)
    if (recognition.form) counts.set(recognition.form, (counts.get(recognition.form) ?? 0) + 1);
  const majority = [...counts].sort((left, right) => right[1] - left[1])[0]?.[0];

  const names = split.descriptions.map((description) => {
    const first = description.body[0];
    if (first?.kind !== "table") return undefined;
    for (const row of first.rows)
      for (const item of row.cells) {
        const match = /^(?:\d+\.\s*)?Tên (?:VTVL|vị trí việc làm)\s*:?\s*(.*)$/isu.exec(
          item.paragraphs.join(" "),
        );
        if (match) return match[1]!.trim() || undefined;
      }
    return undefined;
  });
  const entries = catalogue ? matchCatalogue(catalogue, names) : [];

  const descriptions = split.descriptions.map((description, order): ImportedDescription => {
    const appendix = appendixOf(description.preamble);
    if (appendix) {
      context.appendix = appendix;
      const decision = appendix.issuedWith ? decisionOf(appendix.issuedWith) : undefined;
      if (decision) context.decision = decision;
      const category = categoryOf(`${appendix.title ?? ""} ${appendix.label ?? ""}`);
      if (category) context.category = category;
    }
    if (!context.category && catalogue) {
      const category = categoryOf(catalogue.heading.join(" "));
      if (category) context.category = category;
    }
    const recognition = recognitions[order]!;
    const fallback = hasCompetencyTable(description.body) ? "tt-02-2023-vpcp" : "qd-4135-btctw-b";
    const form = options.form ?? recognition.form ?? majority ?? fallback;
    const imported = importDescription(
      {
        index: description.index,
        form,
        preamble: description.preamble,
        body: description.body,
        catalogue: entries[order],
      },
      context,
    );
    const name = imported.position.name || entries[order]?.name || "vi-tri";
    return {
      ...imported,
      form,
      cues: options.form ? [] : recognition.cues,
      guessed: !options.form && !recognition.form,
      fileName: `${String(description.index).padStart(2, "0")}-${slugify(name)}.yaml`,
    };
  });
  // A Word file vtvl wrote holds one description and what its page could not show.
  if (document.residue && descriptions.length === 1) {
    const only = descriptions[0]!;
    const { position, skipped } = applyResidue(only.position, document.residue);
    only.position = position;
    only.form = position.form;
    only.restored = document.residue.length - skipped.length;
    only.edited = skipped.length;
    only.missing = only.missing.filter(
      (pointer) => (position as Record<string, unknown>)[pointer.slice(1)] === undefined,
    );
  }
  return { document, descriptions, ...(catalogue ? { catalogue } : {}), problems };
}
