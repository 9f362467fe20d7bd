/**
 * Finds the descriptions inside a document. Each starts at its identification table ("Tên VTVL: …",
 * "Mã vị trí việc làm: …"), preceded by what belongs to it: title, header block, form label, appendix lines.
 * What comes before the first description (the decision, its catalogue) and the footnote bodies after the
 * last one are kept apart for the whole document.
 */
import { cell, cellText, type ImportBlock, type ImportParagraph, type ImportTable } from "./document.js";
import {
  APPROVAL,
  IDENTIFICATION_LABELS,
  headingKey,
  splitHeading,
  tableKind,
  type TableKind,
} from "./vocabulary.js";

export interface DescriptionBlocks {
  /** 1-based order in the document. */
  index: number;
  /** Title, header table, form label, appendix lines before the identification table. */
  preamble: ImportBlock[];
  /** The identification table and everything after it that belongs to this description. */
  body: ImportBlock[];
}

export interface SplitDocument {
  leading: ImportBlock[];
  descriptions: DescriptionBlocks[];
  /** Footnote bodies printed after the last description ("1 Nghiên cứu, …"), in order. */
  footnotes: ImportParagraph[];
}

export function kindOf(block: ImportBlock): TableKind | undefined {
  return block.kind === "table"
    ? tableKind(block.rows.slice(0, 3).map((row) => row.cells.map(cellText)))
    : undefined;
}

export const TITLE = /^BẢN MÔ TẢ(?!\p{L})/iu;
export const APPENDIX_LABEL = /^(PHỤ LỤC|Phụ lục|PL\s?\d)/u;
export const ISSUED_WITH = /^\((Ban hành )?[Kk]èm theo\b/u;
const FOOTNOTE_BODY = /^(\d{1,2}) (\S.*)$/u;

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && text.replace(/\s+/gu, " ").length <= 80;
}

/** Whether a block just before a description (walking backwards from its identification table) belongs to it. */
function belongsBefore(blocks: ImportBlock[], index: number, accepted: ImportBlock[]): boolean {
  const block = blocks[index]!;
  if (block.kind === "table") return kindOf(block) === "header";
  const text = block.text;
  if (APPROVAL.test(text) || FOOTNOTE_BODY.test(text)) return false;
  if (TITLE.test(text) || APPENDIX_LABEL.test(text) || ISSUED_WITH.test(text)) return true;
  // NĐ 232/2026 opens with "I. THÔNG TIN CHUNG" above its fields.
  const heading = splitHeading(text);
  if (heading && headingKey(heading.body, false) === "generalInfo") return true;
  const next = accepted[0];
  // The second line of "(Kèm theo … ngày …" / "của Ủy ban nhân dân tỉnh)".
  const previous = blocks[index - 1];
  if (
    /\)$/u.test(text) &&
    previous?.kind === "paragraph" &&
    ISSUED_WITH.test(previous.text) &&
    !/\)$/u.test(previous.text)
  )
    return true;
  // The appendix title after its label ("PHỤ LỤC 3" / "Bản mô tả công việc …").
  if (previous?.kind === "paragraph" && APPENDIX_LABEL.test(previous.text)) return true;
  // A short label just above the header block ("Tổng Liên đoàn Lao động Việt Nam", "Biểu số 3 (các ngành)").
  if (next?.kind === "table" && text.length <= 60 && !/[.;:]$/u.test(text)) return true;
  // Agency lines set in capitals above the title (Hưng Yên: "UBND TỈNH HƯNG YÊN   PL1.1", "SỞ NỘI VỤ").
  return isAllCaps(text) && accepted.some((item) => item.kind === "paragraph" && TITLE.test(item.text));
}

const NAME_LINE = /^(?:\d+\.\s*)?Tên (?:VTVL|vị trí việc làm)\s*:/iu;

/**
 * Identification fields typed as paragraphs rather than in a table ("Tên vị trí việc làm: …" then "Mã vị trí
 * việc làm: …" on the lines below): read as a one-column table, so they start a description like the table.
 */
function tableFromFieldLines(blocks: ImportBlock[]): ImportBlock[] {
  const result: ImportBlock[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    if (block.kind !== "paragraph" || !NAME_LINE.test(block.text)) {
      result.push(block);
      continue;
    }
    const lines = [block];
    while (true) {
      const next = blocks[index + 1];
      if (next?.kind !== "paragraph" || !IDENTIFICATION_LABELS.some(([, pattern]) => pattern.test(next.text)))
        break;
      lines.push(next);
      index += 1;
    }
    result.push({
      kind: "table",
      origin: { line: lines[0]!.origin.line, endLine: lines[lines.length - 1]!.origin.endLine },
      rows: lines.map((line) => ({ cells: [cell([line.text])], origin: line.origin })),
    });
  }
  return result;
}

export function splitDescriptions(source: ImportBlock[]): SplitDocument {
  const blocks = tableFromFieldLines(source);
  const starts = blocks.flatMap((block, index) => (kindOf(block) === "identification" ? [index] : []));
  const firsts = starts.map((start, order) => {
    const floor = order === 0 ? 0 : starts[order - 1]! + 1;
    const accepted: ImportBlock[] = [];
    let first = start;
    while (first - 1 >= floor && belongsBefore(blocks, first - 1, accepted)) {
      first -= 1;
      accepted.unshift(blocks[first]!);
    }
    return first;
  });
  const descriptions = starts.map((start, order): DescriptionBlocks => ({
    index: order + 1,
    preamble: blocks.slice(firsts[order]!, start),
    body: blocks.slice(start, order + 1 < starts.length ? firsts[order + 1]! : blocks.length),
  }));
  const footnotes: ImportParagraph[] = [];
  const last = descriptions[descriptions.length - 1];
  if (last) {
    // Footnote bodies close the document ("1 Nghiên cứu, …"), after a bracketed note of the catalogue ("[1] …"):
    // take them off the end of the last description. Without plain bodies, "[1] …" belongs to the description.
    const body = last.body;
    while (body.length > 1) {
      const tail = body[body.length - 1]!;
      if (tail.kind !== "paragraph" || !FOOTNOTE_BODY.test(tail.text)) break;
      footnotes.unshift(body.pop() as ImportParagraph);
    }
    while (footnotes.length > 0 && body.length > 1) {
      const tail = body[body.length - 1]!;
      if (tail.kind !== "paragraph" || !/^\[\d+\] /u.test(tail.text)) break;
      body.pop();
    }
  }
  return { leading: blocks.slice(0, firsts[0] ?? blocks.length), descriptions, footnotes };
}

export function footnoteBody(paragraph: ImportParagraph): { mark: string; text: string } {
  const match = FOOTNOTE_BODY.exec(paragraph.text)!;
  return { mark: match[1]!, text: match[2]! };
}

export type { ImportTable };
