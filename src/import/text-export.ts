/**
 * Plain-text exports of Word documents (GUIDE §g) into the import shape. Two serialisations exist and are told
 * apart per file: cell-per-line (a TAB opens a cell, a blank line ends the row) and row-per-line (one row per
 * line, TABs between cells, HTML inside cells). The readers in cell-lines.ts and row-lines.ts recover the
 * structure; this module groups rows into tables and undoes the artefacts that belong to the serialisation
 * rather than to a table type: merged cells printed two or three times, and a blank line inside a cell.
 */
import { cleanCellText, readCellLines, type Block as CellBlock } from "./cell-lines.js";
import {
  cell,
  cellText,
  cleanParagraph,
  type ImportBlock,
  type ImportCell,
  type ImportRow,
  type ImportTable,
  type SourceDocument,
} from "./document.js";
import { groupTables, readRowLines } from "./row-lines.js";
import { looksLikeHeading } from "./vocabulary.js";

const BOOKMARK = /\[bookmark: [^\]]*\]/gu;

/**
 * Row-per-line when a fair share of the TAB lines have a TAB after some text (a row of several cells); in
 * cell-per-line exports a TAB only ever opens a line.
 */
export function detectTextFormat(text: string): "cell-lines" | "row-lines" {
  let opening = 0;
  let inner = 0;
  for (const line of text.split(/\r\n?|\n/u)) {
    if (!line.includes("\t")) continue;
    if (/^ *\t/u.test(line)) opening += 1;
    if (/[^\t ][^\t]*\t|^ *\t[^\t]+\t/u.test(line)) inner += 1;
  }
  return inner > 0.2 * Math.max(opening, 1) ? "row-lines" : "cell-lines";
}

export function readTextExport(file: string, text: string): SourceDocument {
  const format = detectTextFormat(text);
  const blocks = format === "row-lines" ? fromRowLines(text) : fromCellLines(text);
  return { file, format, blocks, unit: "line" };
}

// ------------------------------------------------------------------------------------------ row-per-line

function fromRowLines(text: string): ImportBlock[] {
  return groupTables(readRowLines(text)).map((part): ImportBlock => {
    if (part.kind === "paragraph")
      return {
        kind: "paragraph",
        text: cleanParagraph(part.text),
        origin: { line: part.line, endLine: part.line },
      };
    return {
      kind: "table",
      origin: { line: part.line, endLine: part.endLine },
      rows: part.rows.map((row) => ({
        cells: row.cells.map((item) => cell(item.paragraphs)),
        origin: { line: row.line, endLine: row.line },
        afterBlank: row.afterBlank,
      })),
    };
  });
}

// ----------------------------------------------------------------------------------------- cell-per-line

type CellRow = Extract<CellBlock, { kind: "row" }>;

/**
 * A horizontal merge printed once per covered column ("Tên VTVL: …" twice, a task area three times): adjacent
 * identical cells become one cell spanning them. Marks, numbers and levels ("x", "5", "4-5") repeat for real
 * in adjacent columns, so only cells with words are merged.
 */
function collapseRepeatedCells(cells: ImportCell[]): ImportCell[] {
  const merged: ImportCell[] = [];
  for (const item of cells) {
    const previous = merged[merged.length - 1];
    const text = cellText(item);
    if (previous && text.length >= 3 && /\p{L}{2}/u.test(text) && cellText(previous) === text) {
      previous.span += item.span;
      continue;
    }
    merged.push(item);
  }
  return merged;
}

function toRow(row: CellRow): ImportRow {
  const cells = row.cells.map((item) => cell(item.text.split("\n")));
  return { cells: collapseRepeatedCells(cells), origin: { line: row.line, endLine: row.endLine } };
}

/**
 * A title or heading printed right after a table row, without the blank line that ends the row, reads as a
 * continuation of the row's last cell (GUIDE §g: 000 L2079–2081, the approval cell followed by the next
 * description's title and its first identification row). Such a row is cut there: the row, the paragraph,
 * and the cells after it as a row of their own.
 */
function cutRowsAtTitles(blocks: CellBlock[]): CellBlock[] {
  const result: CellBlock[] = [];
  for (const block of blocks) {
    if (block.kind !== "row") {
      result.push(block);
      continue;
    }
    let row: CellRow = { ...block, cells: [] };
    for (const item of block.cells) {
      const cutAt = item.lines.findIndex((line, index) => index > 0 && isTitleOrHeading(line.trim()));
      if (cutAt < 0) {
        row.cells.push(item);
        row.endLine = item.line + item.lines.length - 1;
        continue;
      }
      const kept = {
        ...item,
        lines: item.lines.slice(0, cutAt),
        text: cleanCellText(item.lines.slice(0, cutAt).join("\n")),
      };
      row.cells.push(kept);
      row.endLine = item.line + cutAt - 1;
      result.push(row);
      item.lines
        .slice(cutAt)
        .forEach((line, offset) =>
          result.push({ kind: "paragraph", text: line.trim(), line: item.line + cutAt + offset }),
        );
      row = {
        kind: "row",
        cells: [],
        line: item.line + item.lines.length,
        endLine: item.line + item.lines.length,
      };
    }
    if (row.cells.length > 0) {
      row.line = row.cells[0]!.line;
      result.push(row);
    }
  }
  return result;
}

function isTitleOrHeading(text: string): boolean {
  return /^BẢN MÔ TẢ(?!\p{L})/u.test(text) || looksLikeHeading(text);
}

function fromCellLines(text: string): ImportBlock[] {
  const source = cutRowsAtTitles(readCellLines(text.replace(BOOKMARK, "")));
  const blocks: ImportBlock[] = [];
  let table: ImportTable | undefined;
  let lastRowEnd = -10;
  let sameRow = false;
  for (let index = 0; index < source.length; index += 1) {
    const block = source[index]!;
    if (block.kind === "row") {
      const row = toRow(block);
      const previous = table?.rows[table.rows.length - 1];
      if (table && previous && sameRow) {
        // The cut row goes on right after the lines that continued its cell (003 L34–37: "3" | work | criterion).
        previous.cells.push(...row.cells);
        previous.origin.endLine = block.endLine;
        table.origin.endLine = block.endLine;
      } else if (table && block.line - lastRowEnd <= 2) {
        // One blank line between rows keeps the table going; two end it (TT 02/2023's approval row, GUIDE §g).
        table.rows.push(row);
        table.origin.endLine = block.endLine;
      } else {
        table = { kind: "table", rows: [row], origin: { line: block.line, endLine: block.endLine } };
        blocks.push(table);
      }
      sameRow = false;
      lastRowEnd = block.endLine;
      continue;
    }
    const continuation = table ? continuationOf(source, index, lastRowEnd) : undefined;
    if (table && continuation) {
      const paragraphs = source.slice(index, index + continuation.count) as CellParagraph[];
      joinCutCell(table, paragraphs);
      lastRowEnd = paragraphs[paragraphs.length - 1]!.line;
      table.origin.endLine = lastRowEnd;
      sameRow = continuation.sameRow;
      index += continuation.count - 1;
      continue;
    }
    table = undefined;
    lastRowEnd = -10;
    const paragraph = cleanParagraph(block.text);
    if (paragraph !== "")
      blocks.push({ kind: "paragraph", text: paragraph, origin: { line: block.line, endLine: block.line } });
  }
  return blocks;
}

type CellParagraph = Extract<CellBlock, { kind: "paragraph" }>;

/**
 * A blank line inside a cell ends the row in this export (GUIDE §g: 001 L7862, 003 L34–36): the lines after it
 * come out as paragraphs, followed either by the rest of the same row (no blank line) or, after one blank
 * line, by the next row. Undefined when the paragraphs are real ones: a heading, or text not between rows.
 */
function continuationOf(
  source: CellBlock[],
  index: number,
  lastRowEnd: number,
): { count: number; sameRow: boolean } | undefined {
  const first = source[index];
  if (first?.kind !== "paragraph" || first.line !== lastRowEnd + 2) return undefined;
  let count = 0;
  let line = first.line - 1;
  for (let next = index; next < source.length; next += 1) {
    const block = source[next]!;
    if (block.kind === "row") {
      if (count === 0 || block.line > line + 2) return undefined;
      return { count, sameRow: block.line === line + 1 };
    }
    if (block.line !== line + 1 || looksLikeHeading(block.text)) return undefined;
    line = block.line;
    count += 1;
  }
  return undefined;
}

function joinCutCell(table: ImportTable, paragraphs: CellParagraph[]): void {
  const row = table.rows[table.rows.length - 1]!;
  const last = row.cells[row.cells.length - 1]!;
  last.paragraphs.push(
    ...paragraphs.map((paragraph) => cleanParagraph(paragraph.text)).filter((text) => text !== ""),
  );
  row.origin.endLine = paragraphs[paragraphs.length - 1]!.line;
}
