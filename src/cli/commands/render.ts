/**
 * `vtvl render`: descriptions → HTML and PDF in the layout of their form (or another with --layout), one
 * browser for the whole batch; `--catalog DIR` prints the catalogue of a folder of positions.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { localize, type Lang } from "../../i18n/index.js";
import { LANG_OPTION, parseLang } from "../options.js";
import { vtvlVersion } from "../../version.js";
import { UsageError } from "../errors.js";
import { expandInputs } from "../inputs.js";
import type { CliIo } from "../main.js";
import type { PdfEngine } from "../../render/pdf.js";
import { checkFolderCreatable, DestinationError, shown } from "../../util/destination.js";

interface RenderFlags {
  output?: string;
  out: string;
  format?: string;
  layout?: string;
  catalog?: string;
  concurrency?: string;
  browserPath?: string;
  force?: boolean;
  lang: string;
  quiet?: boolean;
}

type OutputFormat = "pdf" | "html" | "docx";

function parseFormats(value: string | undefined, output: string | undefined): OutputFormat[] {
  if (value === undefined) {
    const extension = output ? extname(output).toLowerCase() : "";
    return extension === ".html" || extension === ".htm"
      ? ["html"]
      : extension === ".docx"
        ? ["docx"]
        : ["pdf"];
  }
  const formats = value
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  for (const format of formats)
    if (format !== "pdf" && format !== "html" && format !== "docx")
      throw new UsageError(
        `--format nhận pdf, html, docx hoặc vài định dạng (pdf,docx), không phải "${shown(format)}".`,
      );
  if (!formats.length) throw new UsageError("--format cần ít nhất một định dạng: pdf, html, docx.");
  return [...new Set(formats)] as OutputFormat[];
}

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return Math.max(1, availableParallelism());
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 64)
    throw new UsageError(`--concurrency cần một số nguyên từ 1 đến 64, không phải "${shown(value)}".`);
  return number;
}

/** The folder the outputs mirror: the deepest folder that holds every input (a directory argument is its own). */
export function commonBase(inputs: readonly string[], cwd = process.cwd()): string {
  const folders = inputs.map((input) => {
    const absolute = resolve(cwd, input);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      isDirectory = false;
    }
    return isDirectory ? absolute : dirname(absolute);
  });
  let base = folders[0] ?? cwd;
  for (const folder of folders.slice(1)) {
    while (folder !== base && !folder.startsWith(base.endsWith(sep) ? base : `${base}${sep}`)) {
      const parent = dirname(base);
      if (parent === base) break;
      base = parent;
    }
  }
  return base;
}

function withExtension(path: string, format: OutputFormat): string {
  const extension = extname(path);
  return `${extension ? path.slice(0, -extension.length) : path}.${format}`;
}

type OutputKind = "file" | "folder" | "special";

const CATALOG_NAME = "danh-muc-vi-tri-viec-lam";

/** The name of an input's outputs: its file name without extension ("stdin" for -). */
function inputName(input: string): string {
  const name = basename(input);
  const extension = extname(name);
  return (extension ? name.slice(0, -extension.length) : name) || "stdin";
}

/**
 * What `-o` names: a folder to write into (one that exists, or a path ending in "/"), a device, pipe or
 * socket written as it is (-o /dev/stdout), or a file, used as given.
 */
function outputKind(output: string, lang: Lang): OutputKind {
  if (output.endsWith("/") || output.endsWith(sep)) return "folder";
  try {
    const stats = statSync(output);
    return stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "special";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "file";
    throw new UsageError(DestinationError.from(output, error).describe(lang));
  }
}

/**
 * The outputs of `-o`. A file name is used as given for one format; with several formats, the one its
 * extension names gets it and the others the same name with their own extension. In a folder, the files are
 * named after `name` (the input's name, without its extension). Checked before any work: each output's
 * folder exists or can be made, and no output is the input itself.
 */
function singleOutputs(
  output: string,
  formats: readonly OutputFormat[],
  name: string,
  lang: Lang,
  input?: string,
): { outputs: Partial<Record<OutputFormat, string>>; special: boolean } {
  const kind = outputKind(output, lang);
  const outputs = plannedOutputs(output, kind, formats, name, lang);
  if (kind !== "special")
    for (const target of Object.values(outputs)) {
      if (input !== undefined && resolve(target) === resolve(input))
        throw new UsageError(
          say(
            lang,
            `-o "${shown(output)}" là chính tệp đầu vào: hãy chọn một tệp khác, ví dụ -o ${withExtension(basename(input), formats[0]!)}.`,
            `-o "${shown(output)}" is the input file itself: choose another file, for example -o ${withExtension(basename(input), formats[0]!)}.`,
          ),
        );
      checkDestination(output, dirname(target), lang);
    }
  return { outputs, special: kind === "special" };
}

function plannedOutputs(
  output: string,
  kind: OutputKind,
  formats: readonly OutputFormat[],
  name: string,
  lang: Lang,
): Partial<Record<OutputFormat, string>> {
  const outputs: Partial<Record<OutputFormat, string>> = {};
  if (kind === "folder") {
    for (const format of formats) outputs[format] = join(output, `${name}.${format}`);
    return outputs;
  }
  if (kind === "special") {
    if (formats.length > 1)
      throw new UsageError(
        say(
          lang,
          `-o "${shown(output)}" không phải tệp thường (là thiết bị hoặc ống dẫn) nên chỉ nhận một định dạng, không phải ${formats.join(",")}. Hãy chọn một định dạng bằng --format.`,
          `-o "${shown(output)}" is not a regular file (a device or a pipe), so it takes one format, not ${formats.join(",")}. Choose one with --format.`,
        ),
      );
    outputs[formats[0]!] = output;
    return outputs;
  }
  const extension = extname(output)
    .toLowerCase()
    .replace(/^\.htm$/, ".html")
    .slice(1);
  if (formats.length === 1 && ["pdf", "html", "docx"].includes(extension) && extension !== formats[0])
    throw new UsageError(
      `-o "${shown(output)}" có đuôi .${extension} nhưng --format là ${formats[0]}. Hãy đổi đuôi tệp hoặc --format.`,
    );
  for (const format of formats)
    outputs[format] = formats.length === 1 || extension === format ? output : withExtension(output, format);
  return outputs;
}

/**
 * Before any work (and before the browser starts): each folder the outputs go to exists or can be made.
 * `given` is what the user wrote (-o or --out), which the message names.
 */
function checkDestination(given: string, folder: string, lang: Lang): void {
  try {
    checkFolderCreatable(folder);
  } catch (error) {
    throw new UsageError(DestinationError.from(given, error).describe(lang));
  }
}

/** -o or --out, before any work: not empty, and in a folder that exists or can be made. */
function checkOutputFlags(flags: RenderFlags, lang: Lang): void {
  for (const [flag, value] of [
    ["-o", flags.output],
    ["--out", flags.out],
  ] as const)
    if (value === "")
      throw new UsageError(
        say(
          lang,
          `${flag} cần một đường dẫn, không được để trống.`,
          `${flag} needs a path; it cannot be empty.`,
        ),
      );
  if (flags.output === undefined) {
    checkOutDir(flags.out, lang);
    return;
  }
  const kind = outputKind(flags.output, lang);
  if (kind !== "special")
    checkDestination(flags.output, kind === "folder" ? flags.output : dirname(flags.output), lang);
}

function checkOutDir(out: string, lang: Lang): void {
  let stats;
  try {
    stats = statSync(out);
  } catch {
    stats = undefined;
  }
  if (stats && !stats.isDirectory())
    throw new UsageError(
      say(
        lang,
        `--out "${shown(out)}" đã có và không phải thư mục. Hãy chọn một thư mục khác cho --out, hoặc dùng -o <tệp> để in một tệp.`,
        `--out "${shown(out)}" exists and is not a folder. Choose another folder for --out, or use -o <file> to render one file.`,
      ),
    );
  checkDestination(out, out, lang);
}

function say(lang: Lang, vi: string, en: string): string {
  return localize({ vi, en }, lang);
}

/** The browser of a run: found before any work (no browser is a usage error), started once, closed once. */
async function engineStarter(options: { browserPath?: string; concurrency: number; lang: Lang }) {
  const [{ findBrowser, BrowserNotFound }, { PdfEngine }, { sourceDateEpoch }] = await Promise.all([
    import("../../render/browser.js"),
    import("../../render/pdf.js"),
    import("../../render/deterministic.js"),
  ]);
  let executablePath: string | undefined;
  let engine: Promise<PdfEngine> | undefined;
  const check = (): string => {
    if (executablePath) return executablePath;
    try {
      executablePath = findBrowser({ browserPath: options.browserPath }).path;
    } catch (error) {
      if (error instanceof BrowserNotFound) throw new UsageError(localize(error.details, options.lang));
      throw error;
    }
    return executablePath;
  };
  return {
    check,
    start: () =>
      (engine ??= PdfEngine.start({
        executablePath: check(),
        concurrency: options.concurrency,
        userAgent: `vtvl/${vtvlVersion()}`,
        sourceDateEpoch: sourceDateEpoch(),
      })),
    close: async () => {
      const started = await engine?.catch(() => undefined);
      await started?.close();
    },
    startFailure: (cause: unknown) =>
      new UsageError(
        say(
          options.lang,
          `Không khởi động được trình duyệt ${executablePath ?? ""}: ${(cause as Error).message?.split("\n")[0] ?? String(cause)}. Thử --browser-path với một Chromium hoặc Chrome khác.`,
          `Could not start the browser ${executablePath ?? ""}: ${(cause as Error).message?.split("\n")[0] ?? String(cause)}. Try --browser-path with another Chromium or Chrome.`,
        ),
      ),
  };
}

export function registerRender(program: Command, io: CliIo): void {
  program
    .command("render")
    .description("In bản mô tả ra HTML và PDF theo đúng mẫu biểu (render descriptions to HTML and PDF)")
    .argument("[paths...]", "tệp hoặc thư mục .yaml")
    .option("-o, --output <file>", "tệp đầu ra, khi in một tệp (hoặc một danh mục)")
    .option("--out <dir>", "thư mục đầu ra, theo cây thư mục của đầu vào", "out")
    .option(
      "-f, --format <formats>",
      "pdf | html | docx, hoặc vài định dạng: pdf,docx (mặc định pdf, hoặc theo đuôi của -o)",
    )
    .option("--layout <form>", "in theo bố cục của mẫu khác (một mã trong data/forms.yaml)")
    .option("--catalog <dir>", "in Danh mục vị trí việc làm của một thư mục (kiểu Phụ lục I, TT 02/2023)")
    .option("--concurrency <n>", "số trang in song song (mặc định: số lõi CPU)")
    .option("--browser-path <path>", "đường dẫn tới Chromium hoặc Chrome")
    .option("--force", "cho phép ghi đè tệp có sẵn không do vtvl tạo")
    .option(...LANG_OPTION)
    .option("-q, --quiet", "không hiện tiến độ, chỉ báo lỗi")
    .action(async (paths: string[], flags: RenderFlags) => {
      const lang: Lang = parseLang(flags.lang);
      const formats = parseFormats(flags.format, flags.output);
      const concurrency = parseConcurrency(flags.concurrency);
      // Where the outputs go is checked before the browser starts: a wrong -o or --out costs nothing.
      checkOutputFlags(flags, lang);
      const engines = await engineStarter({ browserPath: flags.browserPath, concurrency, lang });
      if (formats.includes("pdf") && flags.catalog === undefined) {
        engines.check();
        // Start the browser first: it boots while the templates load and the inputs are read.
        engines.start().catch(() => undefined);
      }
      const [{ isLayoutId, layoutIds }, { renderBatch, EngineStartError }, progressModule] =
        await Promise.all([
          import("../../render/layouts.js"),
          import("../../render/batch.js"),
          import("../../render/progress.js"),
        ]);
      if (flags.layout !== undefined && !isLayoutId(flags.layout)) {
        await engines.close();
        throw new UsageError(
          `--layout "${shown(flags.layout)}" không có. Các bố cục: ${layoutIds().join(", ")}.`,
        );
      }
      const progress = progressModule.createProgress(
        progressModule.progressMode({ quiet: flags.quiet, isTTY: process.stderr.isTTY }),
        io.stderr,
      );

      const stopOnSignal = () => {
        void engines.close().finally(() => process.exit(130));
      };
      process.once("SIGINT", stopOnSignal);
      try {
        if (flags.catalog !== undefined) {
          if (formats.includes("docx"))
            throw new UsageError(
              "Danh mục chưa in được ra .docx: hãy dùng --format pdf hoặc html với --catalog.",
            );
          if (paths.length)
            throw new UsageError("--catalog không đi cùng các đường dẫn khác: chỉ ghi một thư mục.");
          const { renderCatalog } = await import("../../render/catalog.js");
          const { outputs } = singleOutputs(
            flags.output ?? `${flags.out}${sep}`,
            formats,
            CATALOG_NAME,
            lang,
          );
          const { OutputRefused } = await import("../../render/output.js");
          let result;
          try {
            result = await renderCatalog(flags.catalog, outputs, {
              force: flags.force ?? false,
              lang,
              log: (text: string) => progress.log(text),
              startEngine: () =>
                engines.start().catch((error: unknown) => {
                  throw error instanceof UsageError ? error : engines.startFailure(error);
                }),
            });
          } catch (error) {
            if (error instanceof OutputRefused)
              throw new UsageError(
                `Không ghi đè "${shown(error.path)}": tệp này có sẵn và không do vtvl tạo. Dùng --force để ghi đè, hoặc chọn nơi khác (-o).`,
              );
            if (error instanceof DestinationError) throw new UsageError(error.describe(lang));
            throw error;
          }
          if (!flags.quiet)
            io.stderr(
              `${say(lang, `Đã in danh mục ${result.count} vị trí việc làm`, `Catalogue of ${result.count} positions written`)}: ${result.written.join(", ")}\n`,
            );
          if (result.failed) io.setExitCode(1);
          return;
        }
        if (!paths.length)
          throw new UsageError(
            "Hãy chỉ ra tệp hoặc thư mục cần in, ví dụ `vtvl render examples/ --out out/`.",
          );
        const files = expandInputs(paths);
        if (flags.output !== undefined && files.length !== 1)
          throw new UsageError(
            `-o chỉ dùng khi in một tệp (đang có ${files.length} tệp); với nhiều tệp hãy dùng --out <thư mục>.`,
          );
        const base = commonBase(paths);
        let special = false;
        const jobs = files.map((input) => {
          if (flags.output !== undefined) {
            const single = singleOutputs(flags.output, formats, inputName(input), lang, input);
            special = single.special;
            return { input, outputs: single.outputs };
          }
          const mirrored = join(flags.out, relative(base, resolve(input)));
          const outputs: Partial<Record<OutputFormat, string>> = {};
          for (const format of formats) outputs[format] = withExtension(mirrored, format);
          return { input, outputs };
        });
        // Word files are drawn from the same layouts, without the browser (src/docx).
        const docxJobs = jobs.flatMap((job) =>
          job.outputs.docx ? [{ input: job.input, output: job.outputs.docx }] : [],
        );
        const printJobs = jobs.map(({ input, outputs: { pdf, html } }) => ({
          input,
          outputs: { pdf, html },
        }));
        let result;
        try {
          result = await renderBatch(formats.some((format) => format !== "docx") ? printJobs : [], {
            concurrency,
            force: flags.force ?? false,
            lang,
            layout: flags.layout as Parameters<typeof renderBatch>[1]["layout"],
            progress,
            startEngine: engines.start,
          });
        } catch (error) {
          if (error instanceof EngineStartError) throw engines.startFailure(error.reason);
          throw error;
        }
        // The Word writer (docx, fflate) loads only when a Word file is asked for.
        const docx = docxJobs.length
          ? await (
              await import("../../docx/batch.js")
            ).renderDocxFiles(docxJobs, {
              // A device or pipe is written as it is, never read first to see whose file it is.
              force: (flags.force ?? false) || special,
              lang,
              layout: flags.layout as Parameters<typeof renderBatch>[1]["layout"],
              log: (text) => progress.log(text),
            })
          : { written: [], failed: 0 };
        const failed = Math.max(result.outcomes.filter((outcome) => !outcome.ok).length, docx.failed);
        const seconds = (result.ms / 1000).toLocaleString(lang === "vi" ? "vi-VN" : "en-US", {
          maximumFractionDigits: 1,
        });
        // With -o, the files themselves: a name without extension, or a folder, is not what was written.
        const where =
          flags.output === undefined
            ? flags.out
            : jobs.flatMap((job) => Object.values(job.outputs)).join(", ");
        if (!flags.quiet || failed)
          io.stderr(
            say(
              lang,
              `Đã in ${files.length - failed}/${files.length} tệp (${result.written.pdf} PDF, ${result.written.html} HTML, ${docx.written.length} DOCX) vào ${where} trong ${seconds} s${failed ? `; ${failed} tệp lỗi` : ""}.\n`,
              `Rendered ${files.length - failed}/${files.length} file(s) (${result.written.pdf} PDF, ${result.written.html} HTML, ${docx.written.length} DOCX) into ${where} in ${seconds} s${failed ? `; ${failed} failed` : ""}.\n`,
            ),
          );
        // An output that could not be written where asked is a usage problem, not one of the file's.
        if (result.outcomes.some((outcome) => outcome.unwritable)) io.setExitCode(2);
        else if (failed) io.setExitCode(1);
      } finally {
        process.removeListener("SIGINT", stopOnSignal);
        await engines.close();
      }
    });
}
