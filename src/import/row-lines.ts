/**
 * Reader for the "row-per-line" text export of Word documents (GUIDE §g): one table row per line with a TAB
 * between cells, paragraphs outside tables as plain lines, HTML inside cells (`<p>`, `<i>`, `<u>`, unclosed
 * `<ul>`/`<ol>` without `<li>`), Pandoc rows of dashes, table headers repeated after page breaks, and page-break
 * continuation rows whose first cell is empty and whose text is split mid-word. Line numbers are 1-based.
 *
 * The reader only recovers structure; what a continuation row means depends on the table (in a task or a
 * requirement table it continues the row before, in a competency table it is a new row of the same group), so
 * the helpers below take that decision as an argument. First stage of transcription (scripts/transcribe/) and of
 * `vtvl import`.
 */

export interface RowCell {
  /** The cell as written, HTML included. */
  raw: string;
  /** The cell's paragraphs after HTML flattening: one per `<p>`, per list block and per run of plain text. */
  paragraphs: string[];
  /** The paragraphs joined with "\n"; "" for an empty cell. */
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  line: number;
}

export interface RowBlock {
  kind: "row";
  cells: RowCell[];
  line: number;
  /** A blank line precedes the row (page breaks leave one before continuation rows, but not only there). */
  afterBlank: boolean;
}

export type Block = ParagraphBlock | RowBlock;

/** A table: consecutive rows, blank lines and dash rows between them included; a paragraph ends it. */
export interface Table {
  rows: RowBlock[];
  line: number;
  endLine: number;
}

export type Part = ParagraphBlock | ({ kind: "table" } & Table);

const BLOCK_TAG = /<\/?(?:p|ul|ol|li|div|h[1-6]|table|tr|td|th|blockquote)\b[^>]*>|<br\s*\/?>/giu;
const ANY_TAG = /<\/?[a-z][a-z0-9]*\b[^>]*>/giu;
const BOOKMARK = /\[bookmark: [^\]]*\]/gu;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** NFC, NBSP fillers and bookmark markers removed, runs of white space collapsed, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(BOOKMARK, "")
    .replace(/[\s\u00a0]+/gu, " ")
    .trim();
}

/**
 * A cell's HTML as paragraphs of plain text: block tags (`<p>`, `<ul>`, `<ol>`, `<li>`, `<br>`) separate
 * paragraphs, inline tags (`<i>`, `<u>`, `<b>` …) are dropped, entities decoded. List items that the export
 * flattened into one paragraph stay together: see splitBulletItems and splitNumberedItems.
 */
export function flattenHtml(raw: string): string[] {
  return decodeEntities(raw.replace(BLOCK_TAG, "\n").replace(ANY_TAG, ""))
    .split("\n")
    .map(cleanText)
    .filter((paragraph) => paragraph !== "");
}

function readCell(raw: string): RowCell {
  const paragraphs = flattenHtml(raw);
  return { raw, paragraphs, text: paragraphs.join("\n") };
}

/** A Pandoc table rule such as `--\t--\t---\t--`: not content. */
export function isDashRow(line: string): boolean {
  return line.includes("\t") && /^[-\s]+$/u.test(line) && line.includes("--");
}

/** Reads the text into paragraphs and table rows; blank lines and dash rows are dropped. */
export function readRowLines(text: string): Block[] {
  const lines = text.replace(/\r\n?/gu, "\n").split("\n");
  const blocks: Block[] = [];
  let afterBlank = false;
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    if (cleanText(rawLine.replace(/\t/gu, " ")) === "") {
      afterBlank = true;
      return;
    }
    if (isDashRow(rawLine)) return;
    if (rawLine.includes("\t")) {
      blocks.push({ kind: "row", cells: rawLine.split("\t").map(readCell), line, afterBlank });
    } else {
      blocks.push({ kind: "paragraph", text: flattenHtml(rawLine).join(" "), line });
    }
    afterBlank = false;
  });
  return blocks;
}

/** Groups consecutive rows into tables; paragraphs stay as they are. */
export function groupTables(blocks: readonly Block[]): Part[] {
  const parts: Part[] = [];
  for (const block of blocks) {
    const last = parts[parts.length - 1];
    if (block.kind === "paragraph") parts.push(block);
    else if (last?.kind === "table") {
      last.rows.push(block);
      last.endLine = block.line;
    } else parts.push({ kind: "table", rows: [block], line: block.line, endLine: block.line });
  }
  return parts;
}

/** The row's cell texts, for comparing rows. */
export function cellTexts(row: RowBlock): string[] {
  return row.cells.map((cell) => cell.text);
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  const trimEnd = (texts: readonly string[]) => {
    const copy = [...texts];
    while (copy.length > 0 && copy[copy.length - 1] === "") copy.pop();
    return copy;
  };
  const left = trimEnd(a);
  const right = trimEnd(b);
  return left.length === right.length && left.every((text, index) => text === right[index]);
}

/**
 * Drops the repetitions of the table's header rows printed after page breaks (the first `headerRows` rows are
 * the header and are kept). Rows equal to any header row, trailing empty cells aside, are dropped.
 */
export function dropRepeatedHeaders(rows: readonly RowBlock[], headerRows: number): RowBlock[] {
  const headers = rows.slice(0, headerRows).map(cellTexts);
  return [
    ...rows.slice(0, headerRows),
    ...rows.slice(headerRows).filter((row) => !headers.some((header) => sameTexts(header, cellTexts(row)))),
  ];
}

const BULLET = /^[-+•]\s*/u;
const NUMBERED = /^(?:\d+(?:\.\d+)*[.)]|[a-zđ]\))\s/u;

/** Whether a paragraph starts a list item of its own (a bullet or a number) rather than continuing a sentence. */
export function startsItem(paragraph: string): boolean {
  return BULLET.test(paragraph) || NUMBERED.test(paragraph);
}

/**
 * Joins the paragraphs of a cell continued after a page break to those before it. The break falls inside a
 * paragraph unless the continuation starts an item of its own or a new sentence after a finished one; the two
 * halves of a split paragraph are joined with one space (breaks fall between syllables).
 */
export function joinContinuation(before: readonly string[], after: readonly string[]): string[] {
  if (before.length === 0) return [...after];
  if (after.length === 0) return [...before];
  const last = before[before.length - 1]!;
  const first = after[0]!;
  const newParagraph = startsItem(first) || (/[.;:!?…]$/u.test(last) && /^\p{Lu}/u.test(first));
  if (newParagraph) return [...before, ...after];
  return [...before.slice(0, -1), `${last} ${first}`, ...after.slice(1)];
}

export interface LogicalRow {
  /** Each column's paragraphs, continuation rows joined in. */
  columns: string[][];
  line: number;
  endLine: number;
}

/**
 * Merges page-break continuation rows (first cell empty) into the row before, column by column. `toColumns`
 * maps a physical row to the table's columns; the default takes the cells as they are. Use it for task and
 * requirement tables, never for competency tables (where an empty first cell means "same group").
 */
export function mergeContinuationRows(
  rows: readonly RowBlock[],
  toColumns: (row: RowBlock) => string[][] = (row) => row.cells.map((cell) => cell.paragraphs),
): LogicalRow[] {
  const merged: LogicalRow[] = [];
  for (const row of rows) {
    const columns = toColumns(row);
    const previous = merged[merged.length - 1];
    const continuation = row.cells[0]?.text === "" && previous !== undefined;
    if (!continuation) {
      merged.push({ columns, line: row.line, endLine: row.line });
      continue;
    }
    const width = Math.max(previous.columns.length, columns.length);
    previous.columns = Array.from({ length: width }, (_, index) =>
      joinContinuation(previous.columns[index] ?? [], index === 0 ? [] : (columns[index] ?? [])),
    );
    previous.endLine = row.line;
  }
  return merged;
}

/** The item without its bullet glyph ("-", "+", "•"); numbering such as "1." is kept. */
export function stripBullet(item: string): string {
  return item.replace(BULLET, "").trim();
}

/**
 * Splits a paragraph in which the export flattened a bulleted list ("- A; - B", "- A;- B", "A. - B") into its
 * items, bullets removed. A dash starts an item at the start of the paragraph, or after a space, ";" or "."
 * when a capital letter follows: "kinh tế - xã hội" stays whole. Not for texts where a spaced dash may join two
 * capitalised words ("Tài chính - Ngân hàng").
 */
export function splitBulletItems(paragraph: string): string[] {
  return paragraph
    .split(/(?:^|(?<=[\s;.]))[-+•]\s*(?=\p{Lu})/u)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Splits a paragraph in which the export flattened a numbered list ("1. A 2. B 3. C") into its items, numbers
 * kept. Only the next number in sequence starts an item, so "năm 2025. 3" inside a sentence does not.
 */
export function splitNumberedItems(paragraph: string): string[] {
  const first = /^(\d+)\.\s/u.exec(paragraph);
  if (!first) return [paragraph];
  const items: string[] = [];
  let rest = paragraph;
  let next = Number(first[1]) + 1;
  for (;;) {
    const at = rest.indexOf(` ${next}. `);
    if (at < 0) break;
    items.push(rest.slice(0, at).trim());
    rest = rest.slice(at + 1);
    next += 1;
  }
  items.push(rest.trim());
  return items;
}

/** The words of items joined with single spaces: what must stay equal when a flattened cell is split by hand. */
export function flatText(items: readonly string[]): string {
  return cleanText(items.join(" "));
}
