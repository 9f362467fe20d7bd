/**
 * A rule is one module: metadata (what it checks, its legal source, the regimes it applies to, its
 * messages in Vietnamese and English) and a check that reports through a context. Rules never print.
 */
import type { Localized } from "../i18n/index.js";
import type { Fix, PathSegment, Severity } from "../lint/finding.js";
import type { FormEntry } from "../model/forms.js";
import type { Position, RegimeId } from "../model/types.js";
import type { LevelTable } from "./cross-file/competency-index.js";

export type RuleCategory =
  "file" | "structure" | "numbering" | "competency" | "experience" | "grade" | "code" | "text" | "cross-file";

export interface RuleMeta {
  description: Localized;
  severity: Severity;
  /** The regimes this rule applies to; "all" for every regime. */
  regimes: readonly RegimeId[] | "all";
  category: RuleCategory;
  /** Derived from how the sources are written, not from law: never an error by default. */
  pattern?: boolean;
  /** Legal or documentary source of the rule, cited in its docs page. */
  source: string;
  fixable?: boolean;
  messages: Record<string, Localized>;
  /** JSON Schema (draft-07) of the rule's `options` in .vtvlrc.yaml; a config that breaks it is rejected. */
  optionsSchema?: Record<string, unknown>;
}

export interface Report {
  messageId: string;
  data?: Record<string, unknown>;
  path: readonly PathSegment[];
  /** Point at the key of `path` rather than its value. */
  key?: boolean;
  /** Exact offsets in the text, when the finding is about part of a scalar. */
  offsets?: { start: number; end: number };
  fix?: Fix;
  suggestions?: string[];
}

export interface RuleContext {
  readonly file: string;
  readonly text: string;
  readonly position: Position;
  readonly form: FormEntry;
  readonly regime: RegimeId;
  /** ISO date the description takes effect, when the file or its form says so. */
  readonly effectiveDate: string | undefined;
  readonly options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/**
 * The fields of a description that cross-file rules read, besides its competency levels (kept compact, as a
 * LevelTable). A large run keeps only these of each file (with its findings) until the cross-file pass, so
 * memory does not grow with the size of the descriptions: a cross-file rule that needs another field adds it here.
 */
export const PROJECT_POSITION_KEYS = [
  "form",
  "regime",
  "name",
  "code",
  "grade",
  "professionalTitle",
  "category",
] as const satisfies ReadonlyArray<keyof Position>;

/** A file as cross-file rules see it: its data (PROJECT_POSITION_KEYS only) and how to report on it. */
export interface ProjectFile {
  file: string;
  position: Position;
  /** The file's competency levels, compact (cross-file/competency-index.ts levelTable). */
  levels: LevelTable;
  form: FormEntry;
  regime: RegimeId;
  report(report: Report): void;
}

export interface ProjectRule {
  id: string;
  meta: RuleMeta;
  checkProject(files: readonly ProjectFile[], options: Record<string, unknown>): void;
}

export function appliesTo(meta: RuleMeta, regime: RegimeId): boolean {
  return meta.regimes === "all" || meta.regimes.includes(regime);
}
