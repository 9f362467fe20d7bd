/**
 * `vtvl render --format docx`: a description as an editable Word document in its form's official layout.
 *
 * The layout is drawn once, by the renderer's own templates (src/render/html.ts → templates/layouts/), so the
 * Word file carries exactly the headings, column headings, header blocks and merged cells of the HTML and the
 * PDF; this module only turns that HTML into Word's structures, with the page and type of print.css: A4,
 * margins 20/15/20/30 mm, Times New Roman (metric-compatible with the Tinos the PDF embeds), 14 pt body,
 * 13 pt tables, page numbers centred at the top from page 2 (NĐ 30/2020/NĐ-CP Phụ lục I).
 */
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, TextRun } from "docx";
import type { FormId, Position } from "../model/types.js";
import { renderBody, vtvlVersion, type RenderedBody } from "../render/html.js";
import { RESIDUE_PROPERTY } from "../import/docx.js";
import { readHtml } from "../import/html.js";
import { importDocument } from "../import/index.js";
import { residueOf, type ResidueEntry } from "../import/residue.js";
import { htmlToBlocks } from "./convert.js";

export const DOCX_FONT = "Times New Roman";
const MM = 1440 / 25.4;

/** Marks our files in docProps/core.xml, so a later run may replace them without --force. */
export function docxGenerator(): string {
  return `vtvl ${vtvlVersion()}`;
}

const heading = (
  id: string,
  name: string,
  level: number,
  extra: { alignment?: "center"; allCaps?: boolean; before: number; after: number },
) => ({
  id,
  name,
  basedOn: "Normal",
  next: "Normal",
  quickFormat: true,
  run: {
    font: DOCX_FONT,
    size: 28,
    bold: true,
    color: "000000",
    ...(extra.allCaps ? { allCaps: true } : {}),
  },
  paragraph: {
    keepNext: true,
    outlineLevel: level,
    spacing: { before: extra.before * 20, after: extra.after * 20 },
    ...(extra.alignment ? { alignment: AlignmentType.CENTER } : {}),
  },
});

/** The layout's page as a Word document, with `residue` stored in its custom properties. */
async function pack(rendered: RenderedBody, layout: FormId, residue: ResidueEntry[]): Promise<Uint8Array> {
  const document = new Document({
    creator: docxGenerator(),
    lastModifiedBy: docxGenerator(),
    title: rendered.title,
    description: `${layout}; ${docxGenerator()}`,
    ...(residue.length
      ? { customProperties: [{ name: RESIDUE_PROPERTY, value: JSON.stringify(residue) }] }
      : {}),
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: 28 },
          paragraph: { spacing: { line: 276 } },
        },
      },
      paragraphStyles: [
        heading("Heading1", "heading 1", 0, { alignment: "center", allCaps: true, before: 6, after: 10 }),
        heading("Heading2", "heading 2", 1, { before: 10, after: 5 }),
        heading("Heading3", "heading 3", 2, { before: 6, after: 5 }),
        heading("Heading4", "heading 4", 3, { before: 4, after: 5 }),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              right: Math.round(15 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              header: Math.round(10 * MM),
              footer: Math.round(10 * MM),
            },
          },
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: htmlToBlocks(rendered.body),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * The description drawn in `layout` (its own form's by default) as a .docx file. What the page cannot show
 * (grade codes, experience facts, catalogue data, source) is stored with it, so `vtvl import` gives the same
 * description back: the difference between the description and the import of its own page. The page is
 * imported from the HTML the Word file is made of, which reads the same (test/docx.test.ts holds both to it).
 */
export async function renderDocx(
  position: Position,
  layout: FormId = position.form,
  inputDir?: string,
): Promise<Uint8Array> {
  const rendered = renderBody(position, layout, inputDir);
  const page = importDocument(readHtml("", rendered.body)).descriptions;
  const residue = page.length === 1 ? residueOf(position, page[0]!.position) : [];
  return pack(rendered, layout, residue);
}
