/**
 * Inline suppression in YAML comments, as ESLint does it in JavaScript comments:
 *   # vtvl-disable-next-line <rule>[, <rule>] -- <reason>
 *   # vtvl-disable-line <rule>                      (a comment at the end of the line it silences)
 *   # vtvl-disable [<rule>, …] … # vtvl-enable [<rule>, …]
 *   # vtvl-disable-file [<rule>, …]
 * Without rule ids a directive silences every rule. A directive that silenced nothing is itself reported
 * (`unused-suppression`), with a fix that removes it. Files that mention no "vtvl-" skip all of this.
 */
import { yamlPackage } from "../util/lazy-require.js";
import type { Localized } from "../i18n/index.js";
import type { Finding } from "./finding.js";

export type DirectiveKind = "disable-next-line" | "disable-line" | "disable" | "enable" | "disable-file";

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; null for every rule. */
  rules: string[] | null;
  reason?: string;
  /** The comment's offsets in the text ('#' to its last character) and its 1-based line. */
  start: number;
  end: number;
  line: number;
  /** For `disable`: the line of the `enable` that ends it for every rule, or per rule. */
  endLine?: number;
  ruleEndLines?: Record<string, number>;
  /** Rule ids ("*" for a directive without ids) that silenced at least one finding. */
  used: string[];
  /** A comment that starts like a directive but is not one. */
  malformed?: Localized;
}

export interface Suppression {
  kind: "inSource";
  justification?: string;
}

export type SuppressedFinding = Finding & { suppressions: Suppression[] };

const DIRECTIVE = /^#\s*vtvl-([a-z-]+)(?:\s+([\s\S]*?))?\s*$/;
const KINDS: ReadonlySet<string> = new Set([
  "disable-next-line",
  "disable-line",
  "disable",
  "enable",
  "disable-file",
]);
// Lexer tokens that mark structure without standing for source text.
const CONTROL_TOKENS: ReadonlySet<string> = new Set(["\x02", "\x18", "\x1f"]);

/** Comments of a YAML text with their offsets; quoted and block scalars are never mistaken for comments. */
function comments(text: string): Array<{ start: number; source: string }> {
  const found: Array<{ start: number; source: string }> = [];
  let offset = 0;
  let scalarNext = false;
  for (const token of new (yamlPackage().Lexer)().lex(text)) {
    if (CONTROL_TOKENS.has(token)) {
      scalarNext = token === "\x1f";
      continue;
    }
    if (token.startsWith("#") && !scalarNext) found.push({ start: offset, source: token });
    if (token.trim()) scalarNext = false;
    offset += token.length;
  }
  return found;
}

function splitRules(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter(Boolean);
}

export function parseDirectives(text: string, lineOf: (offset: number) => number): Directive[] {
  if (!text.includes("vtvl-")) return [];
  const directives: Directive[] = [];
  for (const comment of comments(text)) {
    const match = DIRECTIVE.exec(comment.source.trimEnd());
    if (!match) continue;
    const [, kind, rest = ""] = match;
    const [ruleList = "", ...reasonParts] = rest.split(/(?:^|\s)--(?:\s|$)/);
    const reason = reasonParts.join(" -- ").trim();
    const rules = splitRules(ruleList);
    const base = {
      start: comment.start,
      end: comment.start + comment.source.trimEnd().length,
      line: lineOf(comment.start),
      used: [] as string[],
      ...(reason ? { reason } : {}),
    };
    if (!KINDS.has(kind!)) {
      directives.push({
        ...base,
        kind: "disable",
        rules: [],
        malformed: {
          vi: `"vtvl-${kind}" không phải chỉ thị của vtvl. Dùng vtvl-disable-next-line, vtvl-disable-line, vtvl-disable, vtvl-enable hoặc vtvl-disable-file.`,
          en: `"vtvl-${kind}" is not a vtvl directive. Use vtvl-disable-next-line, vtvl-disable-line, vtvl-disable, vtvl-enable or vtvl-disable-file.`,
        },
      });
      continue;
    }
    directives.push({ ...base, kind: kind as DirectiveKind, rules: rules.length ? rules : null });
  }
  pairBlocks(directives);
  return directives;
}

/** A disable block that some rule's findings may still fall in. */
function stillOpen(block: Directive): boolean {
  if (block.endLine !== undefined) return false;
  return block.rules === null || block.rules.some((rule) => block.ruleEndLines?.[rule] === undefined);
}

/** Each `enable` ends the open `disable` blocks it names (all of them when it names no rule). */
function pairBlocks(directives: Directive[]): void {
  // Blocks leave the list once closed for all their rules: a file of thousands of disable/enable pairs would
  // otherwise walk every earlier block at every enable.
  let open: Directive[] = [];
  for (const directive of directives) {
    if (directive.malformed) continue;
    if (directive.kind === "disable") open.push(directive);
    if (directive.kind !== "enable") continue;
    let closedSomething = false;
    for (const block of open) {
      if (directive.rules === null) {
        block.endLine = directive.line;
        closedSomething = true;
        continue;
      }
      for (const rule of directive.rules) {
        if (block.rules !== null && !block.rules.includes(rule)) continue;
        block.ruleEndLines ??= {};
        if (block.ruleEndLines[rule] === undefined) {
          block.ruleEndLines[rule] = directive.line;
          closedSomething = true;
        }
      }
    }
    if (closedSomething) open = open.filter(stillOpen);
    // An enable that ends no block is reported like an unused disable.
    if (closedSomething) directive.used.push("*");
  }
}

function covers(directive: Directive, finding: Finding): boolean {
  if (directive.malformed || directive.kind === "enable") return false;
  if (directive.rules !== null && !directive.rules.includes(finding.ruleId)) return false;
  switch (directive.kind) {
    case "disable-file":
      return true;
    case "disable-next-line":
      return finding.line === directive.line + 1;
    case "disable-line":
      return finding.line === directive.line;
    case "disable": {
      if (finding.line < directive.line) return false;
      if (directive.endLine !== undefined && finding.line >= directive.endLine) return false;
      const ruleEnd = directive.ruleEndLines?.[finding.ruleId];
      return ruleEnd === undefined || finding.line < ruleEnd;
    }
  }
}

/** Splits findings into the ones to report and the ones silenced, marking the directives that silenced. */
export function applyDirectives(
  findings: readonly Finding[],
  directives: readonly Directive[],
  unsuppressible: ReadonlySet<string>,
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (unsuppressible.has(finding.ruleId)) {
      kept.push(finding);
      continue;
    }
    const matching = directives.filter((directive) => covers(directive, finding));
    if (!matching.length) {
      kept.push(finding);
      continue;
    }
    for (const directive of matching) {
      const key = directive.rules === null ? "*" : finding.ruleId;
      if (!directive.used.includes(key)) directive.used.push(key);
    }
    suppressed.push({
      ...finding,
      suppressions: matching.map((directive) => ({
        kind: "inSource" as const,
        ...(directive.reason ? { justification: directive.reason } : {}),
      })),
    });
  }
  return { kept, suppressed };
}

export interface UnusedDirective {
  directive: Directive;
  message: Localized;
  /** Replacement for the comment: "" removes it, otherwise the directive without its unused rule ids. */
  replacement: string;
  unknownRules: string[];
}

/**
 * Directives, or rule ids in them, that silenced nothing; unknown rule ids are named as such. Before the
 * cross-file pass (`final` false), directives that a cross-file finding may still use are left alone.
 */
export function unusedDirectives(
  directives: readonly Directive[],
  knownRule: (id: string) => boolean,
  options: { final: boolean; crossFileRule: (id: string) => boolean } = {
    final: true,
    crossFileRule: () => false,
  },
): UnusedDirective[] {
  const unused: UnusedDirective[] = [];
  for (const directive of directives) {
    if (directive.malformed) {
      unused.push({ directive, message: directive.malformed, replacement: "", unknownRules: [] });
      continue;
    }
    const name = `vtvl-${directive.kind}`;
    if (directive.rules === null) {
      if (directive.used.length || (!options.final && directive.kind !== "enable")) continue;
      unused.push({
        directive,
        replacement: "",
        unknownRules: [],
        message:
          directive.kind === "enable"
            ? {
                vi: `Chú thích \`${name}\` không kết thúc khối \`vtvl-disable\` nào: hãy xoá.`,
                en: `\`${name}\` ends no \`vtvl-disable\` block: remove it.`,
              }
            : {
                vi: `Chú thích \`${name}\` không che phát hiện nào: hãy xoá.`,
                en: `\`${name}\` silences nothing: remove it.`,
              },
      });
      continue;
    }
    const idle =
      directive.kind === "enable"
        ? directive.used.length
          ? []
          : directive.rules
        : directive.rules.filter(
            (rule) => !directive.used.includes(rule) && (options.final || !options.crossFileRule(rule)),
          );
    if (!idle.length) continue;
    const unknownRules = idle.filter((rule) => !knownRule(rule));
    const remaining = directive.rules.filter((rule) => !idle.includes(rule));
    const list = idle.map((rule) => `\`${rule}\``).join(", ");
    const unknown = unknownRules.map((rule) => `\`${rule}\``).join(", ");
    unused.push({
      directive,
      unknownRules,
      replacement: remaining.length
        ? `# ${name} ${remaining.join(", ")}${directive.reason ? ` -- ${directive.reason}` : ""}`
        : "",
      message: unknownRules.length
        ? {
            vi: `Chú thích \`${name}\` nêu quy tắc không có: ${unknown} (xem \`vtvl rules\`).`,
            en: `\`${name}\` names rules that do not exist: ${unknown} (see \`vtvl rules\`).`,
          }
        : directive.kind === "enable"
          ? {
              vi: `Chú thích \`${name}\` không kết thúc khối \`vtvl-disable\` nào của ${list}: hãy xoá.`,
              en: `\`${name}\` ends no \`vtvl-disable\` block for ${list}: remove it.`,
            }
          : {
              vi: `Chú thích \`${name}\` không che phát hiện nào của ${list}: hãy xoá${remaining.length ? " quy tắc này khỏi chú thích" : ""}.`,
              en: `\`${name}\` silences nothing from ${list}: remove ${remaining.length ? "it from the comment" : "it"}.`,
            },
    });
  }
  return unused;
}

/** Offsets to replace so that the comment disappears (with its line when it stands alone). */
export function removalRange(text: string, directive: Directive): { start: number; end: number } {
  const lineStart = text.lastIndexOf("\n", directive.start - 1) + 1;
  const newline = text.indexOf("\n", directive.end);
  const lineEnd = newline === -1 ? text.length : newline;
  const before = text.slice(lineStart, directive.start);
  const after = text.slice(directive.end, lineEnd);
  if (!before.trim() && !after.trim())
    return { start: lineStart, end: newline === -1 ? lineEnd : newline + 1 };
  let start = directive.start;
  while (start > lineStart && /[ \t]/.test(text[start - 1]!)) start--;
  return { start, end: directive.end };
}
