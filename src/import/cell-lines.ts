/**
 * Reader for the "cell-per-line" text export of Word documents (GUIDE §g): a line that starts with a TAB
 * opens a table cell, a following line without a TAB continues that cell, an empty line ends the row, and
 * a lone TAB is an empty cell. Lines outside rows are paragraphs. Line numbers are 1-based.
 *
 * This is the first stage of transcription (scripts/transcribe/) and of `vtvl import`.
 */

export interface Cell {
  text: string;
  /** The cell's lines, without the opening TAB. */
  lines: string[];
  line: number;
}

export type Block =
  | { kind: "paragraph"; text: string; line: number }
  | { kind: "row"; cells: Cell[]; line: number; endLine: number };

const NBSP_ONLY = /^[\u00a0\s]*$/;

/** Strips NBSP fillers and trailing spaces; keeps the text otherwise as written, in NFC. */
export function cleanCellText(text: string): string {
  return text
    .normalize("NFC")
    .split("\n")
    .map((line) => line.replace(/[ \u00a0]+$/u, "").replace(/^\u00a0+/u, ""))
    .join("\n")
    .replace(/^\s+$/u, "");
}

export function readCellLines(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let row: Extract<Block, { kind: "row" }> | undefined;
  const closeRow = () => {
    if (row) {
      for (const cell of row.cells) cell.text = cleanCellText(cell.lines.join("\n"));
      blocks.push(row);
      row = undefined;
    }
  };
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const leadingSpaceThenTab = /^ +\t/.test(raw);
    const line = leadingSpaceThenTab ? raw.replace(/^ +/, "") : raw;
    if (line.startsWith("\t")) {
      row ??= { kind: "row", cells: [], line: lineNumber, endLine: lineNumber };
      row.cells.push({ text: "", lines: [line.slice(1)], line: lineNumber });
      row.endLine = lineNumber;
    } else if (line === "") {
      closeRow();
    } else if (row) {
      row.cells[row.cells.length - 1]!.lines.push(line);
      row.endLine = lineNumber;
    } else if (!NBSP_ONLY.test(line)) {
      blocks.push({ kind: "paragraph", text: cleanCellText(line).trim(), line: lineNumber });
    }
  });
  closeRow();
  return blocks;
}
