/**
 * The one shape every source is read into before `vtvl import` maps it to the format: paragraphs and tables
 * in document order, each cell a list of paragraphs with its horizontal span and whether it continues a
 * vertically merged cell. The four readers (cell-per-line and row-per-line text exports, HTML, .docx) fill
 * it; the mapping (src/import/position.ts) never looks at the source format except through `format`, for
 * the artefacts only one serialisation has.
 */
import type { ResidueEntry } from "./residue.js";

export type SourceFormat = "cell-lines" | "row-lines" | "html" | "docx";

/**
 * Where a block comes from. Text exports and HTML give 1-based lines; a .docx has no lines, so its blocks are
 * numbered in body order (paragraphs and table rows), which Word users can still find by counting.
 */
export interface Origin {
  line: number;
  endLine: number;
}

export interface ImportCell {
  /** The cell's paragraphs as written (NFC, trimmed, fillers and bookmarks removed); none when empty. */
  paragraphs: string[];
  /** Grid columns the cell covers (1 unless the source says it is merged across columns). */
  span: number;
  /** The cell continues the cell above (a vertical merge): its own text is empty by construction. */
  mergedUp: boolean;
}

export interface ImportRow {
  cells: ImportCell[];
  origin: Origin;
  /** Row-per-line exports: a blank line precedes the row (page breaks leave one before continuation rows). */
  afterBlank?: boolean;
}

export interface ImportParagraph {
  kind: "paragraph";
  text: string;
  origin: Origin;
}

export interface ImportTable {
  kind: "table";
  rows: ImportRow[];
  origin: Origin;
}

export type ImportBlock = ImportParagraph | ImportTable;

export interface SourceDocument {
  file: string;
  format: SourceFormat;
  blocks: ImportBlock[];
  /** What the unit of `Origin` is, for messages: "dòng" for text and HTML, "khối" for .docx. */
  unit: "line" | "block";
  /** A Word file vtvl wrote carries what its page cannot show (src/import/residue.ts). */
  residue?: ResidueEntry[];
}

const BOOKMARK = /\[bookmark: [^\]]*\]/gu;

/** NFC, bookmark markers removed, NBSP turned into spaces, trimmed; inner spacing kept as written. */
export function cleanParagraph(text: string): string {
  return text
    .normalize("NFC")
    .replace(BOOKMARK, "")
    .replace(/\u00a0/gu, " ")
    .trim();
}

export function cell(paragraphs: string[], span = 1, mergedUp = false): ImportCell {
  return { paragraphs: paragraphs.map(cleanParagraph).filter((text) => text !== ""), span, mergedUp };
}

export function cellText(value: ImportCell | undefined): string {
  return value?.paragraphs.join(" ") ?? "";
}

export function isEmptyCell(value: ImportCell | undefined): boolean {
  return value === undefined || value.paragraphs.length === 0;
}

export function rowTexts(row: ImportRow): string[] {
  return row.cells.map(cellText);
}

/** Grid columns the row covers. */
export function rowWidth(row: ImportRow): number {
  return row.cells.reduce((sum, item) => sum + item.span, 0);
}

export function blockEnd(block: ImportBlock): number {
  return block.origin.endLine;
}

/** "tệp.txt:12" or "tệp.txt:12–15" for text; "tệp.docx (khối 12)" for a .docx. */
export function describeOrigin(document: Pick<SourceDocument, "file" | "unit">, origin: Origin): string {
  const range = origin.endLine > origin.line ? `${origin.line}–${origin.endLine}` : `${origin.line}`;
  return document.unit === "line" ? `${document.file}:${range}` : `${document.file} (khối ${range})`;
}
