/**
 * View model → a complete HTML document: the layout's page inside a fixed shell that carries the language,
 * the title (the PDF's title), the embedded fonts and a Content-Security-Policy that forbids scripts and any
 * load from outside, so the HTML is as inert in a user's browser as it is in the renderer's.
 */
import type { FormId, Position } from "../model/types.js";
import { vtvlVersion } from "../version.js";
import { fontFaceCss, uncoveredCharacters, type FontSource } from "./fonts.js";
import { layoutSpec } from "./layouts.js";
import { compileLayout, handlebarsRuntime, type CompiledLayout } from "./templates.js";
import { buildPositionView, type PositionView } from "./view.js";

export { vtvlVersion };

/** The generator mark of our HTML files; `isOwnOutput` looks for it before replacing a file. */
export function generatorMark(): string {
  return `vtvl ${vtvlVersion()}`;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:";

export interface DocumentParts {
  title: string;
  body: string;
  css: string;
  layout: string;
}

/** The shell around a rendered body. `fonts` decides whether the fonts are embedded or served. */
export function wrapDocument(parts: DocumentParts, fonts: FontSource): string {
  const escape = handlebarsRuntime.escapeExpression;
  const fontCss = fontFaceCss(fonts.kind === "inline" ? { kind: "inline", text: parts.body } : fonts);
  return [
    "<!doctype html>",
    '<html lang="vi">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta name="generator" content="${escape(generatorMark())}">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escape(parts.title)}</title>`,
    `<style>\n${fontCss}\n${parts.css}\n</style>`,
    "</head>",
    `<body class="layout-${escape(parts.layout)}">`,
    parts.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export interface RenderedBody {
  title: string;
  body: string;
  css: string;
  layout: FormId;
  view: PositionView;
  compiled: CompiledLayout;
  /** Characters no embedded font covers (the PDF would fall back to a font of the machine). */
  uncovered: string[];
}

/** The description drawn in `layout` (its own form's by default), templates overridable from `inputDir`. */
export function renderBody(position: Position, layout: FormId, inputDir?: string): RenderedBody {
  const spec = layoutSpec(layout);
  const view = buildPositionView(position, spec);
  const compiled = compileLayout(layout, inputDir);
  const body = compiled.page(view);
  return {
    title: view.documentTitle || view.title,
    body,
    css: compiled.css,
    layout,
    view,
    compiled,
    uncovered: uncoveredCharacters(body.replace(/<[^>]*>/g, "")),
  };
}

export function renderHtmlDocument(position: Position, layout: FormId, inputDir?: string): string {
  const rendered = renderBody(position, layout, inputDir);
  return wrapDocument(rendered, { kind: "inline", text: rendered.body });
}
