/**
 * A position-only YAML scanner. Given text that js-yaml has already parsed without error, it builds a tree of
 * node offsets (mappings with their keys, sequences with their items, scalars) in one pass of plain character
 * tests, several times faster than a full parse with positions. It does not validate and does not resolve
 * values beyond what key lookup needs; when it meets a construct it does not follow (tags on keys, complex keys,
 * multiple documents …) it gives up and the caller falls back to the `yaml` package.
 */

export interface ScanNode {
  kind: "map" | "seq" | "scalar";
  start: number;
  end: number;
  entries?: Map<string, { keyStart: number; keyEnd: number; value: ScanNode }>;
  items?: ScanNode[];
}

class GiveUp extends Error {}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;

export function scanYaml(text: string): ScanNode | undefined {
  try {
    return new Scanner(text).document();
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): ScanNode {
    this.skipBlankLinesAndComments();
    if (this.text.startsWith("%", this.pos)) throw new GiveUp();
    if (this.text.startsWith("---", this.pos) && this.isBreakOrSpace(this.pos + 3)) {
      this.pos += 3;
      this.skipInlineSpace();
      if (!this.atLineEnd()) return this.finishDocument(this.inlineNode(-1));
      this.skipBlankLinesAndComments();
    }
    const root = this.blockNode(-1);
    return this.finishDocument(root);
  }

  private finishDocument(root: ScanNode): ScanNode {
    this.skipBlankLinesAndComments();
    if (this.pos < this.text.length && !this.text.startsWith("...", this.pos)) {
      // A second document or text we did not consume: not a shape we locate in.
      throw new GiveUp();
    }
    return root;
  }

  // ---- low-level helpers -------------------------------------------------------------------------

  private code(at = this.pos): number {
    return at < this.text.length ? this.text.charCodeAt(at) : -1;
  }

  private isBreakOrSpace(at: number): boolean {
    const c = this.code(at);
    return c === -1 || c === SPACE || c === TAB || c === NEWLINE || c === CR;
  }

  private atLineEnd(): boolean {
    const c = this.code();
    return c === -1 || c === NEWLINE || c === CR || c === HASH;
  }

  /**
   * At the end of a blank line (after its spaces): moves onto its line feed, which the caller's loop then
   * takes, and says so. A CRLF line ends at its "\n": stopping at the "\r" would read the same line forever.
   */
  private atBlankLineEnd(): boolean {
    if (this.code() === CR && this.code(this.pos + 1) === NEWLINE) this.pos++;
    return this.code() === NEWLINE;
  }

  private skipInlineSpace(): void {
    while (this.code() === SPACE || this.code() === TAB) this.pos++;
  }

  private skipToLineEnd(): void {
    const next = this.text.indexOf("\n", this.pos);
    this.pos = next === -1 ? this.text.length : next;
  }

  /** Moves to the first non-blank, non-comment line start; returns its indentation. */
  private skipBlankLinesAndComments(): number {
    for (;;) {
      const lineStart = this.pos;
      let column = 0;
      while (this.code() === SPACE) {
        this.pos++;
        column++;
      }
      while (this.code() === TAB) this.pos++;
      const c = this.code();
      if (c === -1) return -1;
      if (c === NEWLINE || c === CR || c === HASH) {
        this.skipToLineEnd();
        if (this.code() === NEWLINE) this.pos++;
        continue;
      }
      this.pos = lineStart;
      return column;
    }
  }

  private indentOfCurrentLine(): number {
    let start = this.pos;
    while (start > 0 && this.text.charCodeAt(start - 1) !== NEWLINE) start--;
    return this.pos - start;
  }

  /** Trimmed end of the content of the current line before a comment. */
  private lineContentEnd(from: number): number {
    let end = this.text.indexOf("\n", from);
    if (end === -1) end = this.text.length;
    let scan = from;
    let inSingle = false;
    let inDouble = false;
    let contentEnd = from;
    while (scan < end) {
      const c = this.text.charCodeAt(scan);
      if (!inSingle && !inDouble && c === HASH && (scan === from || this.text.charCodeAt(scan - 1) === SPACE))
        break;
      if (c === 39 && !inDouble) inSingle = !inSingle;
      if (c === 34 && !inSingle) inDouble = !inDouble;
      if (c !== SPACE && c !== TAB && c !== CR) contentEnd = scan + 1;
      scan++;
    }
    return contentEnd;
  }

  // ---- block structure ---------------------------------------------------------------------------

  /** A node starting on the current line (after blank lines), at an indentation greater than `parentIndent`. */
  private blockNode(parentIndent: number): ScanNode {
    const indent = this.skipBlankLinesAndComments();
    if (indent === -1 || indent <= parentIndent) {
      return { kind: "scalar", start: this.pos, end: this.pos };
    }
    this.pos += indent;
    return this.nodeAtColumn(indent, parentIndent);
  }

  /** The node that begins at the cursor, which sits at column `column` of its line. */
  private nodeAtColumn(column: number, parentIndent: number): ScanNode {
    this.skipProperties();
    if (this.atLineEnd()) {
      this.skipToLineEnd();
      return this.blockNode(parentIndent);
    }
    const c = this.code();
    if (c === 45 /* - */ && this.isBreakOrSpace(this.pos + 1)) return this.blockSequence(column);
    if (this.looksLikeKey()) return this.blockMapping(column);
    return this.inlineNode(parentIndent);
  }

  /** Anchors (&a) and tags (!t) before a node. */
  private skipProperties(): void {
    for (;;) {
      const c = this.code();
      if (c === 38 /* & */ || c === 33 /* ! */) {
        while (!this.isBreakOrSpace(this.pos)) this.pos++;
        this.skipInlineSpace();
        continue;
      }
      return;
    }
  }

  private looksLikeKey(): boolean {
    const start = this.pos;
    const c = this.code();
    if (c === 63 /* ? */ && this.isBreakOrSpace(start + 1)) throw new GiveUp();
    let scan = start;
    if (c === 34 || c === 39) {
      scan = this.quotedEnd(start);
      if (scan === -1) return false;
      while (this.code(scan) === SPACE) scan++;
      return this.code(scan) === 58 && this.isBreakOrSpace(scan + 1);
    }
    if (c === 91 /* [ */ || c === 123 /* { */ || c === 124 /* | */ || c === 62 /* > */ || c === 42 /* * */)
      return false;
    const lineEnd = this.text.indexOf("\n", start);
    const end = lineEnd === -1 ? this.text.length : lineEnd;
    while (scan < end) {
      const ch = this.text.charCodeAt(scan);
      if (ch === 58 /* : */ && this.isBreakOrSpace(scan + 1)) return true;
      if (ch === HASH && scan > start && this.text.charCodeAt(scan - 1) === SPACE) return false;
      scan++;
    }
    return false;
  }

  private keyAt(): { key: string; keyStart: number; keyEnd: number } {
    const keyStart = this.pos;
    const c = this.code();
    let key: string;
    let keyEnd: number;
    if (c === 34 || c === 39) {
      keyEnd = this.quotedEnd(keyStart);
      key = this.unquote(keyStart, keyEnd);
      this.pos = keyEnd;
      while (this.code() === SPACE) this.pos++;
    } else {
      let scan = keyStart;
      while (!(this.text.charCodeAt(scan) === 58 && this.isBreakOrSpace(scan + 1))) scan++;
      keyEnd = scan;
      while (keyEnd > keyStart && this.text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      key = this.text.slice(keyStart, keyEnd);
      this.pos = scan;
    }
    this.pos++; // the colon
    return { key, keyStart, keyEnd };
  }

  private blockMapping(column: number): ScanNode {
    const node: ScanNode = { kind: "map", start: this.pos, end: this.pos, entries: new Map() };
    for (;;) {
      const { key, keyStart, keyEnd } = this.keyAt();
      const value = this.valueAfterIndicator(column, true);
      node.entries!.set(key, { keyStart, keyEnd, value });
      node.end = Math.max(node.end, value.end, keyEnd);
      const save = this.pos;
      const indent = this.skipBlankLinesAndComments();
      if (indent !== column) {
        this.pos = save;
        if (indent > column) throw new GiveUp();
        return node;
      }
      this.pos += indent;
      this.skipProperties();
      if (!this.looksLikeKey()) {
        this.pos = save;
        return node;
      }
    }
  }

  private blockSequence(column: number): ScanNode {
    const node: ScanNode = { kind: "seq", start: this.pos, end: this.pos, items: [] };
    for (;;) {
      this.pos++; // the dash
      const item = this.valueAfterIndicator(column, false);
      node.items!.push(item);
      node.end = Math.max(node.end, item.end);
      const save = this.pos;
      const indent = this.skipBlankLinesAndComments();
      if (
        indent !== column ||
        this.code(this.pos + indent) !== 45 ||
        !this.isBreakOrSpace(this.pos + indent + 1)
      ) {
        this.pos = save;
        return node;
      }
      this.pos += indent;
    }
  }

  /**
   * The value after "key:" or "-". `column` is the column of the key or dash. A mapping value may be a
   * sequence at the same column as its key ("key:\n- a"); a sequence item may hold a mapping that starts on
   * the dash's line ("- code: x").
   */
  private valueAfterIndicator(column: number, isMappingValue: boolean): ScanNode {
    this.skipInlineSpace();
    if (this.atLineEnd()) {
      this.skipToLineEnd();
      const save = this.pos;
      const indent = this.skipBlankLinesAndComments();
      this.pos = save;
      if (indent === -1) return { kind: "scalar", start: save, end: save };
      const lookahead = this.pos;
      this.skipBlankLinesAndComments();
      const nextCode = this.code(this.pos + indent);
      const sameColumnSequence =
        isMappingValue && indent === column && nextCode === 45 && this.isBreakOrSpace(this.pos + indent + 1);
      this.pos = lookahead;
      if (indent > column || sameColumnSequence) {
        this.skipBlankLinesAndComments();
        this.pos += indent;
        return this.nodeAtColumn(indent, column - (sameColumnSequence ? 1 : 0));
      }
      return { kind: "scalar", start: save, end: save };
    }
    const inlineColumn = this.indentOfCurrentLine();
    this.skipProperties();
    if (this.atLineEnd()) return this.valueAfterIndicator(column, isMappingValue);
    if (!isMappingValue) {
      if (this.code() === 45 && this.isBreakOrSpace(this.pos + 1)) return this.blockSequence(inlineColumn);
      if (this.looksLikeKey()) return this.blockMapping(inlineColumn);
    }
    return this.inlineNode(column);
  }

  /** A scalar or flow collection starting at the cursor, inside a block whose indentation is `parentIndent`. */
  private inlineNode(parentIndent: number): ScanNode {
    const start = this.pos;
    const c = this.code();
    if (c === 91 || c === 123) return this.flowCollection();
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(start);
      if (end === -1) throw new GiveUp();
      this.pos = end;
      this.skipToLineEnd();
      return { kind: "scalar", start, end };
    }
    if (c === 124 || c === 62) return this.blockScalar(parentIndent);
    // Plain scalar, possibly continued on more-indented lines.
    let end = this.lineContentEnd(start);
    this.skipToLineEnd();
    for (;;) {
      const save = this.pos;
      if (this.code() === NEWLINE) this.pos++;
      let column = 0;
      while (this.code() === SPACE) {
        this.pos++;
        column++;
      }
      if (this.atBlankLineEnd()) continue;
      const ch = this.code();
      if (ch === -1 || ch === HASH || column <= parentIndent) {
        this.pos = save;
        break;
      }
      end = this.lineContentEnd(this.pos);
      this.skipToLineEnd();
    }
    return { kind: "scalar", start, end };
  }

  private blockScalar(parentIndent: number): ScanNode {
    const start = this.pos;
    this.skipToLineEnd();
    let end = start + 1;
    for (;;) {
      const save = this.pos;
      if (this.code() === NEWLINE) this.pos++;
      else break;
      let column = 0;
      while (this.code() === SPACE) {
        this.pos++;
        column++;
      }
      if (this.atBlankLineEnd()) continue;
      const ch = this.code();
      if (ch === -1 || column <= parentIndent) {
        this.pos = save;
        break;
      }
      this.skipToLineEnd();
      end = this.pos;
    }
    return { kind: "scalar", start, end };
  }

  private quotedEnd(start: number): number {
    const quote = this.text.charCodeAt(start);
    let scan = start + 1;
    while (scan < this.text.length) {
      const ch = this.text.charCodeAt(scan);
      if (quote === 34 && ch === 92 /* \ */) {
        scan += 2;
        continue;
      }
      if (ch === quote) {
        if (quote === 39 && this.text.charCodeAt(scan + 1) === 39) {
          scan += 2;
          continue;
        }
        return scan + 1;
      }
      scan++;
    }
    return -1;
  }

  private unquote(start: number, end: number): string {
    const raw = this.text.slice(start + 1, end - 1);
    if (this.text.charCodeAt(start) === 39) return raw.replace(/''/g, "'");
    if (!raw.includes("\\")) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      throw new GiveUp();
    }
  }

  // ---- flow collections --------------------------------------------------------------------------

  private skipFlowSpace(): void {
    for (;;) {
      const c = this.code();
      if (c === SPACE || c === TAB || c === NEWLINE || c === CR) this.pos++;
      else if (c === HASH) this.skipToLineEnd();
      else return;
    }
  }

  private flowCollection(): ScanNode {
    const start = this.pos;
    const isMap = this.code() === 123;
    const close = isMap ? 125 : 93;
    this.pos++;
    const node: ScanNode = isMap
      ? { kind: "map", start, end: start, entries: new Map() }
      : { kind: "seq", start, end: start, items: [] };
    for (;;) {
      this.skipFlowSpace();
      if (this.code() === close) {
        this.pos++;
        node.end = this.pos;
        return node;
      }
      if (this.code() === -1) throw new GiveUp();
      if (isMap) {
        const keyStart = this.pos;
        const keyNode = this.flowScalar(true);
        const key = this.flowKeyText(keyNode);
        this.skipFlowSpace();
        let value: ScanNode;
        if (this.code() === 58) {
          this.pos++;
          this.skipFlowSpace();
          value =
            this.code() === 44 || this.code() === close
              ? { kind: "scalar", start: this.pos, end: this.pos }
              : this.flowValue();
        } else {
          value = { kind: "scalar", start: this.pos, end: this.pos };
        }
        node.entries!.set(key, { keyStart, keyEnd: keyNode.end, value });
      } else {
        const item = this.flowValue();
        this.skipFlowSpace();
        if (this.code() === 58) throw new GiveUp(); // single-pair mapping inside a sequence
        node.items!.push(item);
      }
      this.skipFlowSpace();
      if (this.code() === 44) this.pos++;
      else if (this.code() !== close) throw new GiveUp();
    }
  }

  private flowValue(): ScanNode {
    this.skipProperties();
    const c = this.code();
    if (c === 91 || c === 123) return this.flowCollection();
    return this.flowScalar(false);
  }

  private flowKeyText(node: ScanNode): string {
    const c = this.text.charCodeAt(node.start);
    if (c === 34 || c === 39) return this.unquote(node.start, node.end);
    return this.text.slice(node.start, node.end);
  }

  private flowScalar(isKey: boolean): ScanNode {
    const start = this.pos;
    const c = this.code();
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(start);
      if (end === -1) throw new GiveUp();
      this.pos = end;
      return { kind: "scalar", start, end };
    }
    let end = start;
    for (;;) {
      const ch = this.code();
      if (ch === -1 || ch === 44 || ch === 93 || ch === 125) break;
      if (
        ch === 58 &&
        (isKey || true) &&
        (this.isBreakOrSpace(this.pos + 1) || [44, 93, 125].includes(this.code(this.pos + 1)))
      )
        break;
      if (ch === HASH && this.pos > start && this.text.charCodeAt(this.pos - 1) === SPACE) break;
      if (ch !== SPACE && ch !== TAB && ch !== NEWLINE && ch !== CR) end = this.pos + 1;
      this.pos++;
    }
    this.pos = end;
    return { kind: "scalar", start, end };
  }
}

/** The node at `path`, its key range when it is a mapping value, and how deep the path was found. */
export function findInScan(
  root: ScanNode,
  path: readonly (string | number)[],
): { node: ScanNode; keyStart?: number; keyEnd?: number; depth: number } {
  let node = root;
  let keyStart: number | undefined;
  let keyEnd: number | undefined;
  let depth = 0;
  for (const segment of path) {
    if (node.kind === "map") {
      const entry = node.entries!.get(String(segment));
      if (!entry) break;
      node = entry.value;
      keyStart = entry.keyStart;
      keyEnd = entry.keyEnd;
    } else if (node.kind === "seq" && typeof segment === "number" && node.items![segment]) {
      node = node.items![segment]!;
      keyStart = undefined;
      keyEnd = undefined;
    } else {
      break;
    }
    depth++;
  }
  return { node, keyStart, keyEnd, depth };
}
