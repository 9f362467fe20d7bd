/**
 * One file's lint: bytes → text → data → form → schema → rules → findings. Pure apart from reading
 * nothing: callers pass the bytes, so the same function serves files, stdin and tests.
 */
import { localize, type Lang, type Localized } from "../i18n/index.js";
import { decodeSource, isDecodeProblem, type DecodeProblem } from "../load/decode.js";
import { locatorFor, type SourceLocator } from "../load/locate.js";
import { isParseProblem, parseYaml } from "../load/parse.js";
import { findForm, listForms, type FormEntry } from "../model/forms.js";
import type { Position, RegimeId } from "../model/types.js";
import { projectRules, rules } from "../rules/index.js";
import { levelTable, type LevelTable } from "../rules/cross-file/competency-index.js";
import { factsFor } from "../rules/support/memo.js";
import { textEntries } from "../rules/support/text.js";
import { appliesTo, type ProjectFile, type Report, type Rule, type RuleMeta } from "../rules/types.js";
import { describeValue, validateAgainstForm } from "../schema/validator.js";
import { didYouMean } from "../util/similar.js";
import { builtinRules, FATAL_RULE_IDS } from "./builtin.js";
import { compareFindings, toPointer, type Finding, type PathSegment, type Severity } from "./finding.js";
import { ruleRegistry } from "./registry.js";
import { timed, timingEnabled } from "./timing.js";
import {
  applyDirectives,
  parseDirectives,
  removalRange,
  unusedDirectives,
  type Directive,
  type SuppressedFinding,
} from "./suppress.js";

export type RuleSetting = Severity | "off";

/** What the configuration says for one file; the config module builds it, the engine only reads it. */
export interface FileSettings {
  severity(ruleId: string, meta: RuleMeta): RuleSetting;
  options(ruleId: string): Record<string, unknown>;
}

export const defaultSettings: FileSettings = {
  severity: (_ruleId, meta) => meta.severity,
  options: () => ({}),
};

export interface LintOptions {
  lang?: Lang;
  maxFileBytes?: number;
  settings?: FileSettings;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  /** The file could not be read as a description at all (encoding, YAML syntax, unknown form). */
  fatal: boolean;
  /** Findings silenced by inline `# vtvl-disable…` comments, with the reasons given there. */
  suppressed?: SuppressedFinding[];
  /** The inline directives of the file and what they silenced so far (cross-file rules add to it). */
  directives?: Directive[];
  /** The file started with a UTF-8 byte order mark; --fix writes it back. */
  hadBom?: boolean;
  /** The decoded text and data, for fixes and cross-file rules. */
  text?: string;
  position?: Position;
  /** The competency levels the cross-file rules compare, when `position` is a summary without competencies. */
  levels?: LevelTable;
  form?: FormEntry;
  regime?: RegimeId;
}

class FileFindings {
  readonly findings: Finding[] = [];
  private locator: SourceLocator | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly lang: Lang,
  ) {}

  getLocator(): SourceLocator {
    this.locator ??= locatorFor(this.text);
    return this.locator;
  }

  add(
    ruleId: string,
    severity: Severity,
    message: string,
    where: { path: readonly PathSegment[]; key?: boolean; offsets?: { start: number; end: number } },
    extra: Pick<Finding, "fix" | "suggestions"> = {},
  ): void {
    const locator = this.getLocator();
    const range = where.offsets
      ? locator.rangeOfOffsets(where.offsets.start, where.offsets.end)
      : locator.range(where.path, { key: where.key });
    this.findings.push({
      ruleId,
      severity,
      message,
      file: this.file,
      line: range.start.line,
      column: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
      path: toPointer(where.path),
      ...(extra.fix ? { fix: extra.fix } : {}),
      ...(extra.suggestions?.length ? { suggestions: extra.suggestions } : {}),
    });
  }

  addAt(ruleId: string, message: Localized, line: number, column: number): void {
    this.findings.push({
      ruleId,
      severity: "error",
      message: localize(message, this.lang),
      file: this.file,
      line,
      column,
      endLine: line,
      endColumn: column,
      path: "",
    });
  }
}

function reporterFor(
  sink: FileFindings,
  ruleId: string,
  meta: RuleMeta,
  severity: Severity,
): (report: Report) => void {
  return (report) => {
    const template = meta.messages[report.messageId];
    const message = template ? localize(template, sink.lang, report.data) : report.messageId;
    sink.add(ruleId, severity, message, report, { fix: report.fix, suggestions: report.suggestions });
  };
}

function formProblem(data: Record<string, unknown>): Localized | undefined {
  const known = listForms().map((form) => form.id);
  const list = known.map((id) => `  - ${id}`).join("\n");
  if (!("form" in data)) {
    return {
      vi: `Thiếu khóa \`form\`: hãy ghi mẫu biểu mà bản mô tả tuân theo, một trong:\n${list}`,
      en: `Missing \`form\`: name the form this description follows, one of:\n${list}`,
    };
  }
  if (!findForm(data.form)) {
    if (typeof data.form !== "string") {
      const found = describeValue(data.form);
      return {
        vi: `\`form\` phải là mã của một mẫu biểu, không phải ${found.vi}; một trong:\n${list}`,
        en: `\`form\` must be the id of a form, not ${found.en}; one of:\n${list}`,
      };
    }
    const suggestion = didYouMean(data.form, known);
    return {
      vi: `Mẫu biểu "${data.form}" không có.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ""} Các mẫu vtvl biết:\n${list}`,
      en: `Unknown form "${data.form}".${suggestion ? ` Did you mean "${suggestion}"?` : ""} Known forms:\n${list}`,
    };
  }
  return undefined;
}

export function lintText(file: string, text: string, options: LintOptions = {}, hadBom = false): FileResult {
  const lang = options.lang ?? "vi";
  const settings = options.settings ?? defaultSettings;
  const sink = new FileFindings(file, text, lang);
  const fatalResult = (): FileResult => ({
    file,
    findings: sink.findings.sort(compareFindings),
    fatal: true,
    text,
    ...(hadBom ? { hadBom } : {}),
  });

  if (hadBom) {
    const severity = settings.severity("encoding", builtinRules.encoding!);
    if (severity !== "off") {
      sink.add(
        "encoding",
        severity === "error" ? "warning" : severity,
        localize(
          {
            vi: "Tệp bắt đầu bằng dấu BOM của UTF-8; một số công cụ đọc sai dấu này. Hãy lưu lại dưới dạng UTF-8 không có BOM.",
            en: "The file starts with a UTF-8 byte order mark, which some tools misread. Save it as UTF-8 without BOM.",
          },
          lang,
        ),
        { path: [], offsets: { start: 0, end: 0 } },
      );
    }
  }

  const parsed = timed("(parse)", () => parseYaml(text));
  if (isParseProblem(parsed)) {
    sink.addAt("parse-error", parsed.message, parsed.line, parsed.column);
    return fatalResult();
  }
  const data = parsed.data;
  const problem = formProblem(data);
  if (problem) {
    sink.add("form-unknown", "error", localize(problem, lang), { path: "form" in data ? ["form"] : [] });
    return fatalResult();
  }
  const form = findForm(data.form)!;
  const position = data as unknown as Position;
  const regime = position.regime ?? form.regime;

  const schemaSeverity = settings.severity("schema", builtinRules.schema!);
  if (schemaSeverity !== "off") {
    for (const schemaProblem of timed("(schema)", () => validateAgainstForm(form.id, data)) ?? []) {
      sink.add(
        "schema",
        schemaSeverity,
        localize(schemaProblem.message, lang),
        { path: schemaProblem.path, key: schemaProblem.atKey },
        { suggestions: schemaProblem.suggestion ? [schemaProblem.suggestion] : undefined },
      );
    }
  }

  const effectiveDate = position.effectiveDate ?? form.effective;
  // Timed on its own so that the rules' times do not include the text walk and the first lookup of each text's
  // facts (src/rules/support/memo.ts), which the first rule to ask pays for.
  if (timingEnabled)
    timed("(texts)", () => {
      for (const entry of textEntries(position)) entry.facts ??= factsFor(entry.text);
    });
  for (const rule of rules)
    runRule(rule, sink, settings, { position, form, regime, effectiveDate, text, file });

  const directives = timed("(directives)", () =>
    parseDirectives(text, (offset) => sink.getLocator().position(offset).line),
  );
  const result: FileResult = {
    file,
    findings: sink.findings,
    fatal: false,
    text,
    position,
    form,
    regime,
    ...(hadBom ? { hadBom } : {}),
  };
  if (directives.length) {
    result.directives = directives;
    result.findings = [];
    result.suppressed = [];
    settleDirectives(result, sink.findings, sink, settings, false);
  } else {
    result.findings.sort(compareFindings);
  }
  return result;
}

/**
 * Silences the new findings the file's directives cover, then reports the directives that silenced
 * nothing (replacing any earlier report: cross-file rules run later and may use a directive).
 */
function settleDirectives(
  result: FileResult,
  newFindings: readonly Finding[],
  sink: FileFindings,
  settings: FileSettings,
  final: boolean,
): void {
  const directives = result.directives ?? [];
  const { kept, suppressed } = applyDirectives(newFindings, directives, FATAL_RULE_IDS);
  result.findings = result.findings.filter((finding) => finding.ruleId !== "unused-suppression");
  result.findings.push(...kept);
  result.suppressed = [...(result.suppressed ?? []), ...suppressed].sort(compareFindings);
  const meta = builtinRules["unused-suppression"]!;
  const severity = settings.severity("unused-suppression", meta);
  if (severity !== "off") {
    const registry = ruleRegistry();
    sink.findings.length = 0;
    const crossFileRule = (id: string) => registry.get(id)?.kind === "project";
    for (const unused of unusedDirectives(directives, (id) => registry.has(id), { final, crossFileRule })) {
      const range = unused.replacement
        ? { start: unused.directive.start, end: unused.directive.end }
        : removalRange(sink.text, unused.directive);
      // A misspelt directive or rule id still says what the author meant: point at it, do not delete it.
      const fixable = !unused.directive.malformed && !unused.unknownRules.length;
      sink.add(
        "unused-suppression",
        severity,
        localize(unused.message, sink.lang),
        { path: [], offsets: { start: unused.directive.start, end: unused.directive.end } },
        fixable
          ? {
              fix: {
                description: unused.replacement ? "remove unused rule ids" : "remove directive",
                edits: [{ ...range, text: unused.replacement }],
              },
            }
          : {},
      );
    }
    result.findings.push(...sink.findings.splice(0));
  }
  result.findings.sort(compareFindings);
}

function runRule(
  rule: Rule,
  sink: FileFindings,
  settings: FileSettings,
  subject: {
    position: Position;
    form: FormEntry;
    regime: RegimeId;
    effectiveDate?: string;
    text: string;
    file: string;
  },
): void {
  if (!appliesTo(rule.meta, subject.regime)) return;
  const severity = settings.severity(rule.id, rule.meta);
  if (severity === "off") return;
  try {
    timed(rule.id, () =>
      rule.check({
        ...subject,
        effectiveDate: subject.effectiveDate,
        options: settings.options(rule.id),
        report: reporterFor(sink, rule.id, rule.meta, severity),
      }),
    );
  } catch (error) {
    reportCrash(sink, rule.id, error);
  }
}

export const INTERNAL_ERROR_MARK = "[vtvl internal error]";

/** A rule that throws must not take the other files or rules down with it: say so on the file instead. */
function reportCrash(sink: FileFindings, ruleId: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (process.env.VTVL_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : reason}\n`);
  sink.add(
    ruleId,
    "error",
    localize(
      {
        vi: `${INTERNAL_ERROR_MARK} Quy tắc \`${ruleId}\` gặp lỗi khi kiểm tra tệp này (${reason}). Đây là lỗi của vtvl, không phải của tệp: hãy báo lỗi kèm tệp; tạm thời có thể tắt quy tắc trong .vtvlrc.yaml.`,
        en: `${INTERNAL_ERROR_MARK} Rule \`${ruleId}\` failed on this file (${reason}). This is a vtvl bug, not a problem of the file: please report it with the file; meanwhile the rule can be turned off in .vtvlrc.yaml.`,
      },
      sink.lang,
    ),
    { path: [] },
  );
}

export function lintBytes(file: string, bytes: Uint8Array, options: LintOptions = {}): FileResult {
  const decoded = timed("(decode)", () => decodeSource(bytes, options.maxFileBytes));
  if (isDecodeProblem(decoded)) return unreadableResult(file, decoded, options.lang);
  return lintText(file, decoded.text, options, decoded.hadBom);
}

/** The result for a file whose bytes are not a text vtvl can read (size, binary, encoding). */
export function unreadableResult(file: string, problem: DecodeProblem, lang: Lang = "vi"): FileResult {
  const sink = new FileFindings(file, "", lang);
  sink.addAt("encoding", problem.message, problem.line, problem.column);
  return { file, findings: sink.findings, fatal: true };
}

/**
 * Cross-file rules run over every file that parsed, after the per-file pass. Their findings go through
 * each file's inline directives like any other. Run it once per set of per-file results.
 *
 * `textOf` gives the text of a result that no longer holds it (a large run keeps only what cross-file rules
 * read, see PROJECT_POSITION_KEYS): it is asked only for the files a cross-file finding or directive is about.
 */
export function lintProject(
  results: FileResult[],
  options: LintOptions = {},
  settingsFor: (file: string) => FileSettings = () => options.settings ?? defaultSettings,
  textOf?: (result: FileResult) => string | undefined,
): void {
  const lang = options.lang ?? "vi";
  const settingsCache = new Map<string, FileSettings>();
  const settingsOf = (file: string): FileSettings => {
    let settings = settingsCache.get(file);
    if (!settings) settingsCache.set(file, (settings = settingsFor(file)));
    return settings;
  };
  // A file's reports wait until every cross-file rule has run; then its text is read and its findings placed,
  // one file at a time, so that a large run never holds the texts of all the files a rule reports on.
  const pending = new Map<FileResult, Array<(sink: FileFindings) => void>>();
  const later = (result: FileResult, action: (sink: FileFindings) => void): void => {
    let actions = pending.get(result);
    if (!actions) pending.set(result, (actions = []));
    actions.push(action);
  };
  for (const rule of projectRules) {
    const files: ProjectFile[] = [];
    for (const result of results) {
      if (result.fatal || !result.position || !result.form || !result.regime) continue;
      if (result.text === undefined && !textOf) continue;
      if (!appliesTo(rule.meta, result.regime)) continue;
      const severity = settingsOf(result.file).severity(rule.id, rule.meta);
      if (severity === "off") continue;
      const { position, form } = result;
      files.push({
        file: result.file,
        position,
        // Asked for only by the rules that compare levels, a set of files at a time: a large run keeps the
        // levels on disk (spill.ts) and reads them back here.
        get levels() {
          return result.levels ?? levelTable(position, form.id);
        },
        form,
        regime: result.regime,
        report: (report) => later(result, (sink) => reporterFor(sink, rule.id, rule.meta, severity)(report)),
      });
    }
    if (!files.length) continue;
    try {
      timed(rule.id, () => rule.checkProject(files, settingsOf(files[0]!.file).options(rule.id)));
    } catch (error) {
      const first = results.find((result) => result.file === files[0]!.file)!;
      later(first, (sink) => reportCrash(sink, rule.id, error));
    }
  }
  for (const result of results) {
    const actions = pending.get(result);
    if (!actions && !result.directives?.length) continue;
    const sink = new FileFindings(result.file, result.text ?? textOf?.(result) ?? "", lang);
    for (const action of actions ?? []) action(sink);
    const added = sink.findings.splice(0);
    if (result.directives?.length) {
      settleDirectives(result, added, sink, settingsOf(result.file), true);
    } else if (added.length) {
      // Assigned, not pushed: a result kept on disk (spill.ts) keeps what is assigned to it.
      result.findings = [...result.findings, ...added].sort(compareFindings);
    }
  }
}
