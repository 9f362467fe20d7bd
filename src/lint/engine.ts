/**
 * One file's lint: bytes → text → data → form → schema → rules → findings. Pure apart from reading
 * nothing: callers pass the bytes, so the same function serves files, stdin and tests.
 */
import { localize, type Lang, type Localized } from "../i18n/index.js";
import { decodeSource, isDecodeProblem } from "../load/decode.js";
import { SourceLocator } from "../load/locate.js";
import { isParseProblem, parseYaml } from "../load/parse.js";
import { findForm, listForms, type FormEntry } from "../model/forms.js";
import type { Position, RegimeId } from "../model/types.js";
import { projectRules, rules } from "../rules/index.js";
import { appliesTo, type ProjectFile, type Report, type Rule, type RuleMeta } from "../rules/types.js";
import { validateAgainstForm } from "../schema/validator.js";
import { didYouMean } from "../util/similar.js";
import { builtinRules } from "./builtin.js";
import { compareFindings, toPointer, type Finding, type PathSegment, type Severity } from "./finding.js";

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
  /** The decoded text and data, for fixes and cross-file rules. */
  text?: string;
  position?: Position;
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

  private getLocator(): SourceLocator {
    this.locator ??= new SourceLocator(this.text);
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
    const suggestion = typeof data.form === "string" ? didYouMean(data.form, known) : undefined;
    return {
      vi: `Mẫu biểu "${String(data.form)}" không có.${suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ""} Các mẫu vtvl biết:\n${list}`,
      en: `Unknown form "${String(data.form)}".${suggestion ? ` Did you mean "${suggestion}"?` : ""} Known forms:\n${list}`,
    };
  }
  return undefined;
}

export function lintText(file: string, text: string, options: LintOptions = {}, hadBom = false): FileResult {
  const lang = options.lang ?? "vi";
  const settings = options.settings ?? defaultSettings;
  const sink = new FileFindings(file, text, lang);
  const result = (fatal: boolean, extra: Partial<FileResult> = {}): FileResult => ({
    file,
    findings: sink.findings.sort(compareFindings),
    fatal,
    text,
    ...extra,
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

  const parsed = parseYaml(text);
  if (isParseProblem(parsed)) {
    sink.addAt("parse-error", parsed.message, parsed.line, parsed.column);
    return result(true);
  }
  const data = parsed.data;
  const problem = formProblem(data);
  if (problem) {
    sink.add("form-unknown", "error", localize(problem, lang), { path: "form" in data ? ["form"] : [] });
    return result(true);
  }
  const form = findForm(data.form)!;
  const position = data as unknown as Position;
  const regime = position.regime ?? form.regime;

  const schemaSeverity = settings.severity("schema", builtinRules.schema!);
  if (schemaSeverity !== "off") {
    for (const schemaProblem of validateAgainstForm(form.id, data) ?? []) {
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
  for (const rule of rules)
    runRule(rule, sink, settings, { position, form, regime, effectiveDate, text, file });
  return result(false, { position, form, regime });
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
  rule.check({
    ...subject,
    effectiveDate: subject.effectiveDate,
    options: settings.options(rule.id),
    report: reporterFor(sink, rule.id, rule.meta, severity),
  });
}

export function lintBytes(file: string, bytes: Uint8Array, options: LintOptions = {}): FileResult {
  const decoded = decodeSource(bytes, options.maxFileBytes);
  if (isDecodeProblem(decoded)) {
    const sink = new FileFindings(file, "", options.lang ?? "vi");
    sink.addAt("encoding", decoded.message, decoded.line, decoded.column);
    return { file, findings: sink.findings, fatal: true };
  }
  return lintText(file, decoded.text, options, decoded.hadBom);
}

/** Cross-file rules run over every file that parsed, after the per-file pass. */
export function lintProject(
  results: FileResult[],
  options: LintOptions = {},
  settingsFor: (file: string) => FileSettings = () => options.settings ?? defaultSettings,
): void {
  const lang = options.lang ?? "vi";
  for (const rule of projectRules) {
    const files: ProjectFile[] = [];
    for (const result of results) {
      if (result.fatal || !result.position || !result.form || !result.regime || result.text === undefined)
        continue;
      if (!appliesTo(rule.meta, result.regime)) continue;
      const settings = settingsFor(result.file);
      const severity = settings.severity(rule.id, rule.meta);
      if (severity === "off") continue;
      const sink = new FileFindings(result.file, result.text, lang);
      files.push({
        file: result.file,
        position: result.position,
        form: result.form,
        regime: result.regime,
        report: (report) => {
          reporterFor(sink, rule.id, rule.meta, severity)(report);
          result.findings.push(...sink.findings.splice(0));
          result.findings.sort(compareFindings);
        },
      });
    }
    if (files.length) rule.checkProject(files, settingsFor(files[0]!.file).options(rule.id));
  }
}
