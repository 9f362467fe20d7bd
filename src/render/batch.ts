/**
 * A batch of renderings: every file read, drawn and written by a bounded pool of workers sharing one browser.
 * A file that fails is reported and the batch goes on. The browser starts while the first files are read,
 * and only when a PDF is asked for.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { localize, type Lang } from "../i18n/index.js";
import type { Finding } from "../lint/finding.js";
import type { FormId } from "../model/types.js";
import type { PdfEngine } from "./pdf.js";
import { FONT_BASE_URL } from "./pdf.js";
import { renderBody, wrapDocument } from "./html.js";
import { missingForLayout } from "./layouts.js";
import { formatFindings, loadForRender } from "./load.js";
import { DestinationError, OutputRefused, writeOutput } from "./output.js";
import type { Progress } from "./progress.js";
import { TemplateError } from "./templates.js";

export type OutputFormat = "pdf" | "html";

export interface RenderJob {
  input: string;
  /** Where each requested format goes. */
  outputs: Partial<Record<OutputFormat, string>>;
}

export interface BatchOptions {
  concurrency: number;
  force: boolean;
  lang: Lang;
  /** Draw every file in this layout instead of its own form's. */
  layout?: FormId;
  progress: Progress;
  /** Starts the browser; called at most once, and only if some job wants a PDF. */
  startEngine: () => Promise<PdfEngine>;
}

export interface FileOutcome {
  input: string;
  ok: boolean;
  written: string[];
  warnings: number;
  ms: number;
  /** Failed because an output could not be written where asked (a usage problem, not the file's). */
  unwritable?: boolean;
}

export interface BatchResult {
  outcomes: FileOutcome[];
  ms: number;
  written: { pdf: number; html: number };
  /** From the start of the batch to the first PDF written (cold start included). */
  firstPdfMs?: number;
  engine?: PdfEngine;
}

export class EngineStartError extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "EngineStartError";
  }
}

function message(lang: Lang, vi: string, en: string): string {
  return localize({ vi, en }, lang);
}

export async function renderBatch(jobs: readonly RenderJob[], options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const { progress, lang } = options;
  const wantsPdf = jobs.some((job) => job.outputs.pdf);
  let engine: PdfEngine | undefined;
  const enginePromise = wantsPdf
    ? options.startEngine().then(
        (started) => (engine = started),
        (error: unknown) => {
          throw new EngineStartError(error);
        },
      )
    : undefined;
  // Nobody may be waiting yet when the start fails; the first worker that needs it rethrows.
  enginePromise?.catch(() => undefined);

  const outcomes: FileOutcome[] = new Array(jobs.length);
  const written = { pdf: 0, html: 0 };
  let firstPdfMs: number | undefined;
  let engineFailure: EngineStartError | undefined;
  let next = 0;
  progress.start(jobs.length);

  const renderOne = async (job: RenderJob): Promise<FileOutcome> => {
    const fileStarted = performance.now();
    const outcome: FileOutcome = { input: job.input, ok: false, written: [], warnings: 0, ms: 0 };
    const fail = (text: string) => {
      progress.log(text);
      outcome.ms = performance.now() - fileStarted;
      return outcome;
    };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(job.input);
    } catch (error) {
      return fail(
        `${job.input}: ${message(lang, "không đọc được tệp", "cannot read the file")} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const loaded = loadForRender(job.input, bytes, lang);
    if (!loaded.ok) return fail(formatFindings(loaded.errors).join("\n"));
    const warnings: Finding[] = loaded.warnings;
    outcome.warnings = warnings.length;
    if (warnings.length) {
      progress.log(
        [
          message(
            lang,
            `${job.input}: ${warnings.length} chỗ không khớp lược đồ (vẫn in; chạy \`vtvl lint\` để xem chi tiết):`,
            `${job.input}: ${warnings.length} schema problem(s) (rendered anyway; run \`vtvl lint\` for details):`,
          ),
          ...formatFindings(warnings).map((line) => `  ${line}`),
        ].join("\n"),
      );
    }
    const layout = options.layout ?? loaded.form.id;
    if (layout !== loaded.form.id) {
      const missing = missingForLayout(loaded.position, layout);
      if (missing.length) {
        return fail(
          [
            message(
              lang,
              `${job.input}: không in được theo mẫu ${layout} (tệp theo mẫu ${loaded.form.id}); dữ liệu còn thiếu:`,
              `${job.input}: cannot be drawn in the ${layout} layout (the file follows ${loaded.form.id}); the data lacks:`,
            ),
            ...missing.map((field) => `  - ${localize(field.message, lang)}`),
          ].join("\n"),
        );
      }
    }
    let rendered: ReturnType<typeof renderBody>;
    try {
      rendered = renderBody(loaded.position, layout, dirname(job.input));
    } catch (error) {
      if (error instanceof TemplateError)
        return fail(
          `${error.file}: ${message(lang, "lỗi mẫu Handlebars", "Handlebars template error")}: ${error.message}`,
        );
      return fail(
        message(
          lang,
          `${job.input}: dữ liệu không dùng được để in (${(error as Error).message}). Hãy sửa các lỗi lược đồ ở trên trước.`,
          `${job.input}: the data cannot be drawn (${(error as Error).message}). Fix the schema problems above first.`,
        ),
      );
    }
    if (rendered.uncovered.length) {
      progress.log(
        message(
          lang,
          `${job.input}: phông Tinos không có các ký tự ${rendered.uncovered.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ")}; trình duyệt sẽ vẽ chúng bằng phông của máy.`,
          `${job.input}: the Tinos font lacks ${rendered.uncovered.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ")}; the browser will draw them with a font of this machine.`,
        ),
      );
    }
    try {
      if (job.outputs.html) {
        writeOutput(
          job.outputs.html,
          wrapDocument(rendered, { kind: "inline", text: rendered.body }),
          options.force,
        );
        outcome.written.push(job.outputs.html);
        written.html++;
      }
      if (job.outputs.pdf) {
        if (engineFailure) throw engineFailure;
        const pdfEngine = engine ?? (await enginePromise!);
        const result = await pdfEngine.render(
          wrapDocument(rendered, { kind: "url", baseUrl: FONT_BASE_URL }),
        );
        if (result.blocked.length)
          progress.log(
            message(
              lang,
              `${job.input}: đã chặn ${result.blocked.length} yêu cầu mạng của trang (${result.blocked.slice(0, 3).join(", ")}).`,
              `${job.input}: blocked ${result.blocked.length} network request(s) of the page (${result.blocked.slice(0, 3).join(", ")}).`,
            ),
          );
        writeOutput(job.outputs.pdf, result.pdf, options.force);
        outcome.written.push(job.outputs.pdf);
        written.pdf++;
        firstPdfMs ??= performance.now() - started;
      }
    } catch (error) {
      if (error instanceof EngineStartError) {
        engineFailure = error;
        throw error;
      }
      if (error instanceof DestinationError) {
        outcome.unwritable = true;
        return fail(`${job.input}: ${error.describe(lang)}`);
      }
      if (error instanceof OutputRefused)
        return fail(
          message(
            lang,
            `${job.input}: không ghi đè "${error.path}": tệp này có sẵn và không do vtvl tạo. Dùng --force để ghi đè, hoặc chọn nơi khác (--out, -o).`,
            `${job.input}: not overwriting "${error.path}": it exists and was not written by vtvl. Use --force to overwrite, or write elsewhere (--out, -o).`,
          ),
        );
      return fail(
        `${job.input}: ${message(lang, "in không thành công", "rendering failed")}: ${(error as Error).message.split("\n")[0]}`,
      );
    }
    outcome.ok = true;
    outcome.ms = performance.now() - fileStarted;
    return outcome;
  };

  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      const outcome = await renderOne(job);
      outcomes[index] = outcome;
      const time = `${Math.round(outcome.ms)} ms`;
      progress.tick(
        outcome.ok
          ? `✓ ${job.input} → ${outcome.written.join(", ")} (${time})`
          : `✗ ${job.input} (${message(lang, "lỗi", "failed")})`,
        `${outcome.ok ? "✓" : "✗"} ${job.input}`,
      );
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker),
    );
  } finally {
    progress.finish();
  }
  return { outcomes, ms: performance.now() - started, written, firstPdfMs, engine };
}
