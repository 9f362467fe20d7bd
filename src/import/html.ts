/**
 * HTML exports (Word's "Save as Web Page", LibreOffice, vtvl's own HTML) into the import shape: tables with
 * their colspan and rowspan, cells as paragraphs (one per <p>, <li>, <div> or <br>-separated line), other
 * block elements as paragraphs. Lines come from the parser's offsets.
 */
import type { AnyNode, Document, Element } from "domhandler";
import {
  cell,
  cleanParagraph,
  type ImportBlock,
  type ImportCell,
  type ImportRow,
  type SourceDocument,
} from "./document.js";
import { SourceError } from "./errors.js";
import { MAX_NESTING, NestingError, parseMarkup } from "./markup.js";
import { lastAtOrBefore } from "../util/sorted.js";

const BLOCK = new Set([
  "p",
  "div",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "blockquote",
  "body",
  "html",
  "caption",
  "center",
  "dl",
  "dt",
  "dd",
  "figure",
  "pre",
]);
const SKIP = new Set(["head", "script", "style", "title", "template", "noscript"]);

const isElement = (node: AnyNode): node is Element =>
  node.type === "tag" || node.type === "script" || node.type === "style";

function lineAt(starts: number[], offset: number): number {
  return lastAtOrBefore(starts, offset) + 1;
}

/** The element's text as paragraphs: block children and <br> break it; white space collapses as in a browser. */
function paragraphsOf(node: AnyNode): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const text = cleanParagraph(current.replace(/[ \t\r\n\f]+/gu, " "));
    if (text !== "") paragraphs.push(text);
    current = "";
  };
  const walk = (child: AnyNode) => {
    if (child.type === "text") {
      current += child.data;
      return;
    }
    if (!isElement(child) || SKIP.has(child.name)) return;
    if (child.name === "br") {
      flush();
      return;
    }
    const block = BLOCK.has(child.name);
    if (block) flush();
    for (const grandchild of child.children) walk(grandchild);
    if (block) flush();
  };
  if (isElement(node)) for (const child of node.children) walk(child);
  else walk(node);
  flush();
  return paragraphs;
}

export function readHtml(file: string, html: string): SourceDocument {
  const starts = [0];
  for (let index = 0; index < html.length; index += 1) if (html[index] === "\n") starts.push(index + 1);
  let root: Document;
  try {
    root = parseMarkup(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
  } catch (error) {
    if (!(error instanceof NestingError)) throw error;
    const line = lineAt(starts, error.offset);
    const at = `${line}:${error.offset - starts[line - 1]! + 1}`;
    throw new SourceError({
      vi: `${at}: các thẻ HTML lồng nhau quá sâu (quá ${MAX_NESTING} tầng), vtvl dừng đọc ở đây. Tệp có thể hỏng hoặc thiếu thẻ đóng: hãy mở bằng trình duyệt hoặc Word rồi lưu lại dạng HTML hoặc .docx.`,
      en: `${at}: HTML elements nested too deep (more than ${MAX_NESTING} levels); vtvl stops reading here. The file may be damaged or miss its closing tags: open it in a browser or Word and save it again as HTML or .docx.`,
    });
  }
  const blocks: ImportBlock[] = [];
  const origin = (node: AnyNode) => {
    const line = lineAt(starts, node.startIndex ?? 0);
    return { line, endLine: Math.max(line, lineAt(starts, node.endIndex ?? node.startIndex ?? 0)) };
  };

  const readTable = (table: Element) => {
    const rows: ImportRow[] = [];
    // Grid columns still covered by a cell from a row above (rowspan), with the width of that cell.
    const covered = new Map<number, { rows: number; span: number }>();
    const trs: Element[] = [];
    const collect = (node: Element) => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if (child.name === "tr") trs.push(child);
        else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") collect(child);
      }
    };
    collect(table);
    for (const tr of trs) {
      const cells: ImportCell[] = [];
      let column = 0;
      const takeCovered = () => {
        for (let cover = covered.get(column); cover; cover = covered.get(column)) {
          cells.push({ paragraphs: [], span: cover.span, mergedUp: true });
          if (cover.rows <= 1) covered.delete(column);
          else covered.set(column, { rows: cover.rows - 1, span: cover.span });
          column += cover.span;
        }
      };
      for (const td of tr.children) {
        if (!isElement(td) || (td.name !== "td" && td.name !== "th")) continue;
        takeCovered();
        const span = Math.max(1, Number.parseInt(td.attribs.colspan ?? "1", 10) || 1);
        const rowspan = Math.max(1, Number.parseInt(td.attribs.rowspan ?? "1", 10) || 1);
        cells.push(cell(paragraphsOf(td), span));
        if (rowspan > 1) covered.set(column, { rows: rowspan - 1, span });
        column += span;
      }
      takeCovered();
      rows.push({ cells, origin: origin(tr) });
    }
    if (rows.length > 0) blocks.push({ kind: "table", rows, origin: origin(table) });
  };

  const walk = (node: AnyNode) => {
    if (!isElement(node)) {
      if (node.type === "text" && cleanParagraph(node.data) !== "")
        blocks.push({
          kind: "paragraph",
          text: cleanParagraph(node.data.replace(/\s+/gu, " ")),
          origin: origin(node),
        });
      return;
    }
    if (SKIP.has(node.name)) return;
    if (node.name === "table") {
      readTable(node);
      return;
    }
    const hasBlockChild = node.children.some(
      (child) => isElement(child) && (BLOCK.has(child.name) || child.name === "br"),
    );
    if (BLOCK.has(node.name) && !hasBlockChild) {
      for (const text of paragraphsOf(node)) blocks.push({ kind: "paragraph", text, origin: origin(node) });
      return;
    }
    if (!BLOCK.has(node.name) && !hasBlockChild) {
      for (const text of paragraphsOf(node)) blocks.push({ kind: "paragraph", text, origin: origin(node) });
      return;
    }
    // Mixed content: runs of inline nodes between blocks are paragraphs of their own.
    let inline: AnyNode[] = [];
    const flushInline = () => {
      const text = cleanParagraph(inline.map((child) => paragraphsOf(child).join(" ")).join(" "));
      if (text !== "") blocks.push({ kind: "paragraph", text, origin: origin(inline[0]!) });
      inline = [];
    };
    for (const child of node.children) {
      if (isElement(child) && (BLOCK.has(child.name) || child.name === "br")) {
        flushInline();
        walk(child);
      } else inline.push(child);
    }
    flushInline();
  };
  for (const child of root.children) walk(child);
  return { file, format: "html", blocks, unit: "line" };
}
