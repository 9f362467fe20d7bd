/**
 * Word documents (.docx) into the import shape: word/document.xml read in body order, paragraphs with the
 * text Word shows (automatic list numbers and bullets included, from word/numbering.xml), tables with their
 * horizontal merges (w:gridSpan) and vertical merges (w:vMerge). A .docx has no lines: blocks are numbered
 * (paragraphs and table rows, in order) so a message can still point at a place.
 */
import type { AnyNode, Element } from "domhandler";
import { strFromU8 } from "fflate";
import type { Localized } from "../i18n/index.js";
import {
  cleanParagraph,
  type ImportBlock,
  type ImportCell,
  type ImportRow,
  type SourceDocument,
} from "./document.js";
import { SourceError } from "./errors.js";
import { MAX_NESTING, NestingError, parseMarkup } from "./markup.js";
import type { ResidueEntry } from "./residue.js";
import { readZipEntries, ZipError, ZipTooLargeError } from "./zip.js";

/** A file that is not a readable Word document; the reader adds how to fix that (save it again from Word). */
export class DocxError extends Error {
  constructor(readonly detail: Localized) {
    super(detail.en);
    this.name = "DocxError";
  }
}

/**
 * How much the parts vtvl reads (word/document.xml, word/numbering.xml, docProps/custom.xml) may unpack to,
 * together. The text of a decision hundreds of pages long is a few MB of XML; past this, a .docx is damaged
 * or a "zip bomb", and reading it would take minutes and gigabytes.
 */
export const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const isElement = (node: AnyNode): node is Element => node.type === "tag";

function children(node: Element, name?: string): Element[] {
  return node.children.filter(
    (child): child is Element => isElement(child) && (name === undefined || child.name === name),
  );
}

function child(node: Element | undefined, name: string): Element | undefined {
  return node ? children(node, name)[0] : undefined;
}

function attribute(node: Element | undefined, name: string): string | undefined {
  return node?.attribs[name];
}

function parseXml(xml: string, part: string): Element[] {
  try {
    return parseMarkup(xml, { xmlMode: true, decodeEntities: true }).children.filter(isElement);
  } catch (error) {
    if (!(error instanceof NestingError)) throw error;
    throw new SourceError({
      vi: `${part} (ký tự thứ ${error.offset + 1}): các thẻ XML lồng nhau quá sâu (quá ${MAX_NESTING} tầng), vtvl không đọc tiếp. Tệp Word này hỏng hoặc không do Word tạo ra: hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.`,
      en: `${part} (character ${error.offset + 1}): XML elements nested too deep (more than ${MAX_NESTING} levels); vtvl stops reading here. This Word file is damaged or was not written by Word: open it in Word or LibreOffice and save it again as .docx.`,
    });
  }
}

// ----------------------------------------------------------------------------------------------- numbering

interface Level {
  format: string;
  text: string;
  start: number;
}

/** Automatic numbering: numId → level → format, from word/numbering.xml. */
class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const root = parseXml(xml, "word/numbering.xml").find((node) => node.name === "w:numbering");
    if (!root) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const abstract of children(root, "w:abstractNum")) {
      const levels = new Map<number, Level>();
      for (const level of children(abstract, "w:lvl")) {
        levels.set(Number(attribute(level, "w:ilvl") ?? 0), {
          format: attribute(child(level, "w:numFmt"), "w:val") ?? "decimal",
          text: attribute(child(level, "w:lvlText"), "w:val") ?? "",
          start: Number(attribute(child(level, "w:start"), "w:val") ?? 1),
        });
      }
      abstracts.set(attribute(abstract, "w:abstractNumId") ?? "", levels);
    }
    for (const num of children(root, "w:num")) {
      const levels = abstracts.get(attribute(child(num, "w:abstractNumId"), "w:val") ?? "");
      if (levels) this.levels.set(attribute(num, "w:numId") ?? "", levels);
    }
  }

  /** The label Word draws before the paragraph ("1.", "a)", "•"), advancing the list's counters. */
  label(numId: string, level: number): string {
    const levels = this.levels.get(numId);
    const spec = levels?.get(level);
    if (!levels || !spec) return "";
    const counters = this.counters.get(numId) ?? [];
    counters[level] = (counters[level] ?? spec.start - 1) + 1;
    counters.length = level + 1;
    this.counters.set(numId, counters);
    if (spec.format === "bullet") return "•";
    if (spec.format === "none") return "";
    return spec.text.replace(/%(\d)/gu, (_, index: string) => {
      const at = Number(index) - 1;
      const format = levels.get(at)?.format ?? "decimal";
      return formatNumber(counters[at] ?? levels.get(at)?.start ?? 1, format);
    });
  }
}

const ROMAN: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function formatNumber(value: number, format: string): string {
  if (format === "lowerLetter" || format === "upperLetter") {
    const letter = String.fromCharCode(96 + (((value - 1) % 26) + 1));
    return format === "upperLetter" ? letter.toUpperCase() : letter;
  }
  if (format === "lowerRoman" || format === "upperRoman") {
    let rest = value;
    let roman = "";
    for (const [amount, digits] of ROMAN)
      while (rest >= amount) {
        roman += digits;
        rest -= amount;
      }
    return format === "lowerRoman" ? roman.toLowerCase() : roman;
  }
  if (format === "decimalZero") return String(value).padStart(2, "0");
  return String(value);
}

// ----------------------------------------------------------------------------------------------- text

/** The text of a paragraph as lines (a w:br starts a new line), list label first. */
function paragraphLines(paragraph: Element, numbering: Numbering): string[] {
  const lines: string[] = [""];
  const walk = (node: Element) => {
    for (const item of node.children) {
      if (!isElement(item)) continue;
      switch (item.name) {
        case "w:t":
          lines[lines.length - 1] += item.children
            .map((text) => (text.type === "text" ? text.data : ""))
            .join("");
          break;
        case "w:tab":
          lines[lines.length - 1] += " ";
          break;
        case "w:br":
        case "w:cr":
          if (attribute(item, "w:type") !== "page") lines.push("");
          break;
        case "w:noBreakHyphen":
          lines[lines.length - 1] += "-";
          break;
        case "w:del":
        case "w:pPr":
        case "w:rPr":
        case "w:instrText":
        case "w:delText":
          break;
        default:
          walk(item);
      }
    }
  };
  walk(paragraph);
  const numPr = child(child(paragraph, "w:pPr"), "w:numPr");
  const numId = attribute(child(numPr, "w:numId"), "w:val");
  if (numId && numId !== "0") {
    const label = numbering.label(numId, Number(attribute(child(numPr, "w:ilvl"), "w:val") ?? 0));
    if (label) lines[0] = `${label} ${lines[0]}`;
  }
  return lines.map(cleanParagraph).filter((line) => line !== "");
}

/** Paragraphs and tables of a container (body, cell, content control) in order, content controls opened. */
function contentOf(node: Element): Element[] {
  return children(node).flatMap((item) => {
    if (item.name === "w:p" || item.name === "w:tbl") return [item];
    if (item.name === "w:sdt") return contentOf(child(item, "w:sdtContent") ?? item);
    if (item.name === "w:customXml" || item.name === "w:ins" || item.name === "w:smartTag")
      return contentOf(item);
    return [];
  });
}

export const RESIDUE_PROPERTY = "vtvl-residue";

/** The residue vtvl stored in the file's custom properties (docProps/custom.xml), when it wrote the file. */
function residueOf(xml: Uint8Array | undefined): ResidueEntry[] | undefined {
  if (!xml) return undefined;
  const root = parseXml(strFromU8(xml), "docProps/custom.xml").find((node) => node.name === "Properties");
  const property = root
    ? children(root, "property").find((node) => attribute(node, "name") === RESIDUE_PROPERTY)
    : undefined;
  const value = property?.children.find(isElement);
  const text = value?.children.map((node) => (node.type === "text" ? node.data : "")).join("");
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as ResidueEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

export function readDocx(file: string, bytes: Uint8Array): SourceDocument {
  let entries: Record<string, Uint8Array>;
  try {
    entries = readZipEntries(
      bytes,
      ["word/document.xml", "word/numbering.xml", "docProps/custom.xml"],
      MAX_DOCX_XML_BYTES,
    );
  } catch (error) {
    if (error instanceof ZipTooLargeError) {
      const size = error.size === undefined ? undefined : megabytes(error.size);
      const limit = megabytes(error.limit);
      throw new SourceError({
        vi: `tệp Word giải nén ra quá lớn: ${error.entry} ${size ? `là ${size}` : `vượt quá ${limit}`} (giới hạn ${limit} cho phần văn bản vtvl đọc). Văn bản của một quyết định dài hàng trăm trang thường chỉ vài MB, nên tệp này có thể hỏng hoặc là một "bom zip". Nếu đúng là văn bản cần nhập, hãy tách thành nhiều tệp nhỏ hơn.`,
        en: `the Word file unpacks to too much: ${error.entry} ${size ? `is ${size}` : `exceeds ${limit}`} (limit ${limit} for the text parts vtvl reads). The text of a decision hundreds of pages long is usually a few MB, so this file may be damaged or a "zip bomb". If it really is a document to import, split it into smaller files.`,
      });
    }
    if (!(error instanceof ZipError)) throw error;
    throw new DocxError({
      vi: `không phải tệp .docx (zip) đọc được: ${error.message}`,
      en: `not a readable .docx (zip) file: ${error.message}`,
    });
  }
  const documentXml = entries["word/document.xml"];
  if (!documentXml)
    throw new DocxError({
      vi: "không có word/document.xml bên trong: không phải văn bản Word",
      en: "no word/document.xml inside: not a Word document",
    });
  const numbering = new Numbering(
    entries["word/numbering.xml"] ? strFromU8(entries["word/numbering.xml"]) : undefined,
  );
  const root = parseXml(strFromU8(documentXml), "word/document.xml").find(
    (node) => node.name === "w:document",
  );
  const body = child(root, "w:body");
  if (!body)
    throw new DocxError({
      vi: "word/document.xml không có w:body (phần thân văn bản)",
      en: "word/document.xml has no w:body (the document's body)",
    });

  const blocks: ImportBlock[] = [];
  let ordinal = 0;
  const cellParagraphs = (container: Element): string[] =>
    contentOf(container).flatMap((item) =>
      item.name === "w:p"
        ? paragraphLines(item, numbering)
        : children(item, "w:tr").flatMap((row) => children(row, "w:tc").flatMap(cellParagraphs)),
    );
  const readTable = (table: Element) => {
    const rows: ImportRow[] = [];
    const first = ordinal + 1;
    for (const tr of children(table, "w:tr")) {
      ordinal += 1;
      const cells: ImportCell[] = [];
      const before = Number(attribute(child(child(tr, "w:trPr"), "w:gridBefore"), "w:val") ?? 0);
      if (before > 0) cells.push({ paragraphs: [], span: before, mergedUp: false });
      for (const tc of children(tr, "w:tc")) {
        const properties = child(tc, "w:tcPr");
        const span = Math.max(1, Number(attribute(child(properties, "w:gridSpan"), "w:val") ?? 1));
        const vMerge = child(properties, "w:vMerge");
        const continues = vMerge !== undefined && attribute(vMerge, "w:val") !== "restart";
        cells.push({ paragraphs: continues ? [] : cellParagraphs(tc), span, mergedUp: continues });
      }
      rows.push({ cells, origin: { line: ordinal, endLine: ordinal } });
    }
    if (rows.length > 0) blocks.push({ kind: "table", rows, origin: { line: first, endLine: ordinal } });
  };
  for (const item of contentOf(body)) {
    if (item.name === "w:tbl") {
      readTable(item);
      continue;
    }
    ordinal += 1;
    for (const text of paragraphLines(item, numbering))
      blocks.push({ kind: "paragraph", text, origin: { line: ordinal, endLine: ordinal } });
  }
  const residue = residueOf(entries["docProps/custom.xml"]);
  return { file, format: "docx", blocks, unit: "block", ...(residue ? { residue } : {}) };
}
