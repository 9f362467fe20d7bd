/**
 * HTML and the XML inside a .docx → a DOM, with a bound on how deeply elements nest. Real documents nest a
 * few dozen levels (a table in a table in a Word file adds about ten); a file nested thousands deep is
 * broken or hostile, and neither the readers' recursive tree walks nor the parser itself (whose cost per
 * tag grows with the number of open elements) must meet it. Parsing stops at the first element past the
 * bound, so time stays linear in the file's length whatever the nesting. 512 is also where browsers stop
 * nesting (Chromium's parser).
 */
import { DomHandler, type Document, type DomHandlerOptions } from "domhandler";
import { Parser, type ParserOptions } from "htmlparser2";

/** Elements open at once, at most. */
export const MAX_NESTING = 512;

/** The markup nests deeper than {@link MAX_NESTING}; `offset` is where the element past the bound opens. */
export class NestingError extends Error {
  constructor(readonly offset: number) {
    super(`elements nested more than ${MAX_NESTING} deep`);
    this.name = "NestingError";
  }
}

interface Position {
  startIndex: number | null;
  endIndex: number | null;
}

class BoundedHandler extends DomHandler {
  private position: Position | undefined;

  override onparserinit(parser: Position): void {
    this.position = parser;
    super.onparserinit(parser);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // The stack holds the document itself, then one entry per open element.
    if (this.tagStack.length > MAX_NESTING) throw new NestingError(this.position?.startIndex ?? 0);
    super.onopentag(name, attribs);
  }
}

/** `parseDocument` of htmlparser2, throwing {@link NestingError} for markup nested too deeply. */
export function parseMarkup(text: string, options: ParserOptions & DomHandlerOptions): Document {
  const handler = new BoundedHandler(undefined, options);
  new Parser(handler, options).end(text);
  return handler.root;
}
