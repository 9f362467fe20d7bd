/**
 * A layout's rendered HTML (src/render/html.ts) → Word content: paragraphs and tables with their merged cells,
 * formatted as print.css formats them (src/docx/styles.ts). Only the small HTML the layout templates write is
 * handled: block elements (div, p, h1–h4, table), inline spans, <br>.
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { AnyNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { inherit, styleOf, type Style } from "./styles.js";

/** Width of the text area of an A4 page with 30 mm and 15 mm side margins, in twips. */
export const TEXT_WIDTH = Math.round(((210 - 30 - 15) / 25.4) * 1440);

const BLOCK = new Set(["div", "p", "h1", "h2", "h3", "h4", "table", "ul", "ol", "li", "section"]);
const isElement = (node: AnyNode): node is Element => node.type === "tag";
const points = (value: number) => Math.round(value * 20);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;
const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

function run(text: string, style: Style): TextRun {
  return new TextRun({
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.allCaps ? { allCaps: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
    ...(style.size ? { size: Math.round(style.size * 2) } : {}),
  });
}

function paragraph(children: ParagraphChild[], style: Style): Paragraph {
  const size = style.size ?? 14;
  return new Paragraph({
    children,
    ...(style.align ? { alignment: ALIGN[style.align] } : {}),
    ...(style.heading ? { heading: HEADINGS[style.heading] } : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
    spacing: { before: points(style.before ?? 0), after: points(style.after ?? 0) },
    ...(style.hanging
      ? { indent: { left: points(size), hanging: points(size) } }
      : style.firstLine
        ? { indent: { firstLine: Math.round((style.firstLine / 2.54) * 1440) } }
        : {}),
    ...(style.topBorder ? { border: { top: { ...LINE, space: 4 } } } : {}),
  });
}

/** A short centred rule: an empty paragraph with a bottom border, indented to a third of the cell. */
function rule(width: number): Paragraph {
  const side = Math.round(width / 3);
  return new Paragraph({
    children: [],
    spacing: { before: 0, after: 0, line: 120 },
    indent: { left: side, right: side },
    border: { bottom: { ...LINE, space: 1 } },
  });
}

interface Context {
  ancestors: Element[];
  /** Width available to the blocks being converted, in twips. */
  width: number;
}

type Piece = { text: string; style: Style } | { tab: true } | { lineBreak: true };

/** The pieces of one paragraph as runs, without the spaces template indentation leaves at its ends. */
function runsOf(pieces: Piece[]): ParagraphChild[] {
  const list = [...pieces];
  const trimEdge = (index: number, pattern: RegExp) => {
    const piece = list[index];
    if (piece && "text" in piece) list[index] = { ...piece, text: piece.text.replace(pattern, "") };
  };
  trimEdge(0, /^\s+/u);
  trimEdge(list.length - 1, /\s+$/u);
  return list
    .filter((piece) => !("text" in piece) || piece.text !== "")
    .map((piece) =>
      "text" in piece
        ? run(piece.text, piece.style)
        : "tab" in piece
          ? new TextRun({ text: "\t" })
          : new TextRun({ break: 1 }),
    );
}

/**
 * An element's content as Word blocks: its text becomes paragraphs, split at <br> and at block children.
 * Whitespace from the template's indentation collapses as a browser collapses it; newlines inside an item's
 * own text (`white-space: pre-line`) become line breaks.
 */
function blocksOf(element: Element, style: Style, context: Context): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const ancestors = [...context.ancestors, element];
  let pieces: Piece[] = [];
  const preLine = /\bitem\b/u.test(element.attribs.class ?? "");
  const flushParagraph = () => {
    const runs = runsOf(pieces);
    if (runs.length > 0) out.push(paragraph(runs, style));
    pieces = [];
  };
  const inline = (node: AnyNode, inherited: Style, path: Element[]) => {
    if (node.type === "text") {
      const lines = preLine ? node.data.split("\n") : [node.data.replace(/\s+/gu, " ")];
      lines.forEach((line, index) => {
        if (index > 0) pieces.push({ lineBreak: true });
        pieces.push({ text: preLine ? line.replace(/[ \t]+/gu, " ") : line, style: inherited });
      });
      return;
    }
    if (!isElement(node)) return;
    if (node.name === "br") {
      pieces.push({ lineBreak: true });
      return;
    }
    const own = styleOf(node, path, inherited);
    if (own.rule) {
      flushParagraph();
      out.push(rule(context.width));
      return;
    }
    for (const child of node.children) inline(child, own, [...path, node]);
    // Bullets: a tab after the glyph reaches the hanging indent.
    if (/\bbullet\b/u.test(node.attribs.class ?? "")) pieces.push({ tab: true });
  };
  for (const child of element.children) {
    if (isElement(child) && BLOCK.has(child.name)) {
      flushParagraph();
      out.push(...convertElement(child, style, { ...context, ancestors }));
    } else inline(child, style, ancestors);
  }
  flushParagraph();
  return out;
}

function columnWidths(table: Element, count: number, width: number): number[] {
  const colgroup = table.children.find(
    (node): node is Element => isElement(node) && node.name === "colgroup",
  );
  const percents = (colgroup?.children ?? [])
    .filter(isElement)
    .map((col) => Number(/width:\s*([\d.]+)%/u.exec(col.attribs.style ?? "")?.[1] ?? Number.NaN));
  if (percents.length === count && percents.every((value) => Number.isFinite(value)))
    return percents.map((percent) => Math.round((width * percent) / 100));
  return Array.from({ length: count }, () => Math.floor(width / count));
}

function rowsOf(table: Element): Array<{ tr: Element; header: boolean }> {
  const rows: Array<{ tr: Element; header: boolean }> = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === "tr") rows.push({ tr: child, header: false });
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot")
      for (const tr of child.children)
        if (isElement(tr) && tr.name === "tr") rows.push({ tr, header: child.name === "thead" });
  }
  return rows;
}

const number = (value: string | undefined) => Math.max(1, Number.parseInt(value ?? "1", 10) || 1);

function convertTable(table: Element, parent: Style, context: Context): Table {
  const tableStyle = styleOf(table, context.ancestors, parent);
  const ancestors = [...context.ancestors, table];
  const bordered = /\bform\b/u.test(table.attribs.class ?? "");
  const rows = rowsOf(table);
  // Grid width: the widest row, counting spans and the cells that rowspans above carry down.
  const carried: number[] = [];
  let count = 0;
  for (const { tr } of rows) {
    let width = carried.shift() ?? 0;
    for (const td of tr.children.filter(isElement)) {
      const span = number(td.attribs.colspan);
      width += span;
      const down = number(td.attribs.rowspan) - 1;
      for (let row = 0; row < down; row += 1) carried[row] = (carried[row] ?? 0) + span;
    }
    count = Math.max(count, width);
  }
  const widths = columnWidths(table, Math.max(count, 1), context.width);
  const docxRows = rows.map(({ tr, header }) => {
    let column = 0;
    const cells = tr.children
      .filter((node): node is Element => isElement(node) && (node.name === "td" || node.name === "th"))
      .map((td) => {
        const span = number(td.attribs.colspan);
        const cellWidth =
          widths.slice(column, column + span).reduce((sum, value) => sum + value, 0) || widths[0]!;
        column += span;
        const cellStyle = styleOf(td, [...ancestors, tr], tableStyle);
        const children = blocksOf(td, cellStyle, { ancestors: [...ancestors, tr], width: cellWidth - 160 });
        return new TableCell({
          children: children.length > 0 ? children : [paragraph([], cellStyle)],
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(number(td.attribs.rowspan) > 1 ? { rowSpan: number(td.attribs.rowspan) } : {}),
          width: { size: cellWidth, type: WidthType.DXA },
          verticalAlign: td.name === "th" ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
          margins: bordered
            ? { top: 40, bottom: 40, left: 80, right: 80 }
            : { top: 0, bottom: 0, left: 40, right: 40 },
        });
      });
    return new TableRow({ children: cells, ...(header ? { tableHeader: true, cantSplit: true } : {}) });
  });
  const border = bordered ? LINE : NONE;
  return new Table({
    rows: docxRows,
    width: { size: context.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
  });
}

function convertElement(element: Element, parent: Style, context: Context): Array<Paragraph | Table> {
  if (element.name === "table") {
    const table = convertTable(element, parent, context);
    // Word needs a paragraph between two tables, or it joins them into one.
    return [table, new Paragraph({ children: [], spacing: { before: 0, after: points(6) } })];
  }
  return blocksOf(element, styleOf(element, context.ancestors, parent), context);
}

/** The rendered body of a layout as Word blocks. */
export function htmlToBlocks(html: string): Array<Paragraph | Table> {
  const root = parseDocument(html, { decodeEntities: true });
  const container = { type: "tag", name: "body", attribs: {}, children: root.children } as unknown as Element;
  return blocksOf(container, inherit({}), { ancestors: [], width: TEXT_WIDTH });
}
