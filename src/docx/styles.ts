/**
 * The print stylesheet (templates/layouts/print.css, NĐ 30/2020/NĐ-CP Phụ lục I) as Word formatting: which
 * element of the rendered layout is bold, italic, in capitals, centred, in which size. The layouts' HTML is
 * the single source of every printed text (headings, column headings, header blocks); this table only says
 * how each of its classes looks, as the CSS does for the PDF.
 */
import type { Element } from "domhandler";

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  allCaps?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
}

export interface BlockStyle {
  align?: "left" | "center" | "right" | "justify";
  /** Points. */
  before?: number;
  after?: number;
  /** First-line indent, centimetres. */
  firstLine?: number;
  /** Hanging indent in em, for bulleted items. */
  hanging?: boolean;
  keepNext?: boolean;
  /** A short rule under the agency name (NĐ 30/2020: 1/3–1/2 of its length). */
  rule?: boolean;
  topBorder?: boolean;
  heading?: 1 | 2 | 3 | 4;
}

export interface Style extends RunStyle, BlockStyle {}

type Matcher = (element: Element, ancestors: readonly Element[]) => boolean;

const classes = (element: Element) => new Set((element.attribs.class ?? "").split(/\s+/u).filter(Boolean));
const has = (element: Element, name: string) => classes(element).has(name);
const inside = (ancestors: readonly Element[], test: (element: Element) => boolean) => ancestors.some(test);
const tag = (name: string) => (element: Element) => element.name === name;
const cls = (name: string) => (element: Element) => has(element, name);
const tableWith = (name: string) => (element: Element) => element.name === "table" && has(element, name);

/** Rules in the stylesheet's order; later ones win, as in CSS. */
const RULES: Array<[Matcher, Style]> = [
  [(element) => has(element, "appendix"), { align: "center", after: 12 }],
  [
    (element, ancestors) =>
      inside(ancestors, cls("appendix")) && (has(element, "label") || has(element, "name")),
    { bold: true, size: 14 },
  ],
  [cls("issued-with"), { italics: true }],
  [cls("form-label"), { align: "right", size: 12, italics: true, after: 4 }],
  [(element, ancestors) => tag("td")(element) && inside(ancestors, tableWith("header")), { align: "center" }],
  [(element) => element.name === "td" && has(element, "agency"), { size: 12.5, allCaps: true }],
  [(element) => has(element, "line") && has(element, "bold"), { bold: true }],
  [cls("rule"), { rule: true }],
  [cls("quoc-hieu"), { bold: true, size: 12.5, allCaps: true }],
  [cls("tieu-ngu"), { bold: true, size: 13, underline: true }],
  [cls("dang"), { bold: true, size: 13, allCaps: true }],
  [cls("header-code"), { align: "right", bold: true, size: 13 }],
  [
    (element) => element.name === "h1",
    {
      heading: 1,
      bold: true,
      size: 14,
      align: "center",
      allCaps: true,
      before: 6,
      after: 10,
      keepNext: true,
    },
  ],
  [tag("h2"), { heading: 2, bold: true, size: 14, before: 10, after: 5, keepNext: true }],
  [tag("h3"), { heading: 3, bold: true, size: 14, before: 6, after: 5, keepNext: true }],
  [tag("h4"), { heading: 4, bold: true, size: 14, before: 4, after: 5, keepNext: true }],
  [cls("lead"), { align: "justify", firstLine: 1, after: 6, keepNext: true }],
  [
    (element, ancestors) => has(element, "item") && inside(ancestors, cls("objective")),
    { align: "justify", firstLine: 1, after: 6 },
  ],
  [cls("item"), { after: 2 }],
  [(element) => has(element, "item") && has(element, "bulleted"), { hanging: true, firstLine: 0 }],
  [(element, ancestors) => inside(ancestors, tableWith("form")) || tableWith("form")(element), { size: 13 }],
  [
    (element, ancestors) => inside(ancestors, tableWith("dense")) || tableWith("dense")(element),
    { size: 12 },
  ],
  [tag("th"), { bold: true, align: "center" }],
  [
    (element) =>
      element.name === "td" &&
      (has(element, "code") || has(element, "level") || has(element, "mark") || has(element, "stt")),
    { align: "center" },
  ],
  [(element) => element.name === "td" && has(element, "group"), { bold: true }],
  [
    (element) => element.name === "td" && has(element, "group") && has(element, "italic"),
    { bold: false, italics: true },
  ],
  [(element, ancestors) => element.name === "td" && inside(ancestors, cls("group-row")), { bold: true }],
  [cls("label"), { bold: true }],
  [
    (element, ancestors) => (has(element, "note") || has(element, "quota")) && inside(ancestors, tag("td")),
    { italics: true },
  ],
  [
    (element, ancestors) => element.name === "td" && inside(ancestors, tableWith("approval")),
    { align: "center" },
  ],
  [(element, ancestors) => has(element, "caption") && inside(ancestors, cls("approval")), { bold: true }],
  [(element) => has(element, "caption") && has(element, "upper"), { allCaps: true }],
  [(element, ancestors) => has(element, "note") && inside(ancestors, cls("approval")), { italics: true }],
  [cls("signer"), { bold: true, before: 60 }],
  [cls("legend"), { italics: true, before: 10, align: "justify" }],
  [cls("end-notes"), { size: 12, before: 12 }],
  [cls("footnotes"), { size: 11, before: 12, topBorder: true }],
  [cls("subtitle"), { align: "center", italics: true }],
  [(element) => element.name === "b" || element.name === "strong", { bold: true }],
  [(element) => element.name === "i" || element.name === "em", { italics: true }],
  [(element) => element.name === "u", { underline: true }],
];

/** Properties that pass from an element to the text inside it (block spacing and headings do not). */
const INHERITED: Array<keyof Style> = ["bold", "italics", "allCaps", "underline", "size", "align"];

export function inherit(parent: Style): Style {
  const style: Style = {};
  for (const key of INHERITED)
    if (parent[key] !== undefined) (style as Record<string, unknown>)[key] = parent[key];
  return style;
}

/** The element's own style on top of what it inherits. */
export function styleOf(element: Element, ancestors: readonly Element[], parent: Style): Style {
  const style = inherit(parent);
  for (const [matches, rule] of RULES) if (matches(element, ancestors)) Object.assign(style, rule);
  return style;
}
