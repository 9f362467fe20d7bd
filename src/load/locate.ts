/**
 * JSON path → line:column range in the YAML text. Parsing with positions costs several times more than
 * reading the values, so a SourceLocator works only when the first finding asks for a location, and then
 * with the fast position scanner (scan.ts); the full `yaml` parser is the fallback for what the scanner
 * does not follow.
 */
import type { Document, Node } from "yaml";
import { yamlPackage } from "../util/lazy-require.js";
import type { PathSegment, Range } from "../lint/finding.js";
import { findInScan, scanYaml, type ScanNode } from "./scan.js";
import { timed } from "../lint/timing.js";
import { lastAtOrBefore } from "../util/sorted.js";

export interface OffsetRange {
  start: number;
  end: number;
}

export class SourceLocator {
  private document: Document | undefined;
  private scanned: ScanNode | null | undefined;
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  private getDocument(): Document {
    if (!this.document) {
      this.document = yamlPackage().parseDocument(this.text, { keepSourceTokens: false, uniqueKeys: false });
    }
    return this.document;
  }

  /** Offsets of the value at `path`; of the key instead when `key` is set; the nearest ancestor if missing. */
  offsets(path: readonly PathSegment[], options: { key?: boolean } = {}): OffsetRange {
    if (this.scanned === undefined) this.scanned = timed("(locate)", () => scanYaml(this.text) ?? null);
    if (this.scanned) {
      const found = findInScan(this.scanned, path);
      if (options.key && found.keyStart !== undefined && found.depth === path.length)
        return { start: found.keyStart, end: found.keyEnd ?? found.keyStart };
      return { start: found.node.start, end: found.node.end };
    }
    return this.offsetsFromDocument(path, options);
  }

  /**
   * Offsets of the value at `path` to build an edit on: as `offsets`, but undefined when the scanner gave up and
   * the `yaml` package, which took over, reports errors in the text (it still returns ranges then, and they can
   * be wrong: a one-character range for an unclosed quote). A finding may point at a guess; a fix may not.
   */
  editOffsets(path: readonly PathSegment[]): OffsetRange | undefined {
    const offsets = this.offsets(path);
    if (this.scanned) return offsets;
    return this.getDocument().errors.length ? undefined : offsets;
  }

  private offsetsFromDocument(path: readonly PathSegment[], options: { key?: boolean }): OffsetRange {
    const { isMap, isScalar, isSeq } = yamlPackage();
    const document = this.getDocument();
    let node: Node | null = document.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        keyNode = (pair.key as Node) ?? null;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
        keyNode = null;
        node = node.items[segment] as Node;
      } else {
        break;
      }
    }
    const target = options.key && keyNode ? keyNode : node;
    const range = target?.range;
    if (!range) return { start: 0, end: Math.min(this.text.length, 1) };
    return { start: range[0], end: range[1] };
  }

  private getLineStarts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.getLineStarts();
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  }

  range(path: readonly PathSegment[], options: { key?: boolean } = {}): Range {
    const { start, end } = this.offsets(path, options);
    return this.rangeOfOffsets(start, end);
  }

  rangeOfOffsets(start: number, end: number): Range {
    // A block value's range runs to the next key; end the range at its last non-blank character.
    let trimmedEnd = end;
    while (trimmedEnd > start && /\s/.test(this.text[trimmedEnd - 1]!)) trimmedEnd--;
    return { start: this.position(start), end: this.position(Math.max(start, trimmedEnd)) };
  }
}

let lastLocator: SourceLocator | undefined;

/**
 * One locator per text, shared by the rules that place their edits and the findings that report lines: the
 * scan runs once per file however many ask.
 */
export function locatorFor(text: string): SourceLocator {
  if (lastLocator?.text !== text) lastLocator = new SourceLocator(text);
  return lastLocator;
}
