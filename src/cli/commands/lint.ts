/**
 * `vtvl lint`: paths → files → config → per-file lint (+ --fix) → cross-file rules → one or more reports
 * → exit code. Paths that cannot be used are reported on stderr and the rest is still linted (exit 2).
 */
import { readFileSync, statSync } from "node:fs";
import { isLintReport } from "../../report/own-report.js";
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { Command } from "commander";
import { ConfigError } from "../../config/load.js";
import { ConfigResolver } from "../../config/resolve.js";
import { localize, type Lang, type Localized } from "../../i18n/index.js";
import type { FileResult } from "../../lint/engine.js";
import { SEVERITY_RANK, type Severity } from "../../lint/finding.js";
import { DEFAULT_CACHE_FILE, ForeignCacheFile, LintCache } from "../../lint/cache.js";
import { lintInputs, type LintInput } from "../../lint/parallel.js";
import { lintSources, type FixOutcome } from "../../lint/run.js";
import { formatTimings, takeTimings, timed, timingEnabled } from "../../lint/timing.js";
import { DEFAULT_MAX_FILE_BYTES } from "../../load/decode.js";
import { vtvlVersion } from "../../version.js";
import { FORMAT_NAMES, formatters, isFormatName, type FormatName } from "../../report/index.js";
import { reportPath } from "../../report/context.js";
import { UsageError } from "../errors.js";
import { LANG_OPTION, parseLang } from "../options.js";
import { collectInputs, fsProblem, STDIN_PATH, type InputProblem } from "../inputs.js";
import type { CliIo } from "../main.js";
import { writeFileAtomic } from "../../util/write-file.js";

interface LintFlags {
  lang: string;
  force?: boolean;
  config?: string;
  configLookup: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  failSeverity: string;
  maxWarnings?: string;
  maxFileSize?: string;
  quiet?: boolean;
  stdinFilepath?: string;
  color?: boolean;
  concurrency: string;
  cache?: boolean;
  cacheLocation?: string;
}

interface OutputSpec {
  format: FormatName;
  file?: string;
}

type OutputToken = { kind: "format" | "file"; value: string };

export function exitCodeFor(
  results: readonly FileResult[],
  failSeverity: Severity,
  maxWarnings?: number,
): number {
  let failing = false;
  let warnings = 0;
  for (const result of results) {
    for (const finding of result.findings) {
      if (SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failSeverity]) failing = true;
      if (finding.severity === "warning") warnings++;
    }
  }
  return failing || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

/** "2MB", "512k", "1.5 MiB", "1048576" → bytes (K, M, G are powers of 1024). */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    match[2]!.toLowerCase() as "" | "k" | "m" | "g"
  ];
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

/** Each -f takes the -o that follows it; an -o before any -f goes to the default format. */
export function pairOutputs(
  tokens: readonly OutputToken[],
  defaultFormat: FormatName,
  lang: Lang,
): OutputSpec[] {
  const specs: OutputSpec[] = [];
  const pendingFiles: string[] = [];
  for (const token of tokens) {
    if (token.kind === "format") {
      if (!isFormatName(token.value))
        throw new UsageError(
          localize(
            {
              vi: `Định dạng không có: "${token.value}". Dùng một trong: ${FORMAT_NAMES.join(", ")}.`,
              en: `Unknown format "${token.value}". Use one of: ${FORMAT_NAMES.join(", ")}.`,
            },
            lang,
          ),
        );
      specs.push({ format: token.value, ...(pendingFiles.length ? { file: pendingFiles.shift()! } : {}) });
    } else {
      const last = specs.at(-1);
      if (last && last.file === undefined) last.file = token.value;
      else pendingFiles.push(token.value);
    }
  }
  if (!specs.length)
    specs.push({ format: defaultFormat, ...(pendingFiles.length ? { file: pendingFiles.shift()! } : {}) });
  if (pendingFiles.length)
    throw new UsageError(
      localize(
        {
          vi: `Có nhiều -o hơn -f: mỗi -o ghi kết quả của -f đứng trước nó (ví dụ: -f sarif -o lint.sarif -f stylish).`,
          en: `More -o than -f: each -o receives the -f before it (e.g. -f sarif -o lint.sarif -f stylish).`,
        },
        lang,
      ),
    );
  const files = specs.flatMap((spec) => (spec.file ? [resolve(spec.file)] : []));
  if (new Set(files).size !== files.length)
    throw new UsageError(
      localize(
        { vi: "Hai định dạng cùng ghi vào một tệp -o.", en: "Two formats write to the same -o file." },
        lang,
      ),
    );
  return specs;
}

/** "0", "12" → a number; anything else ("", "0x10", "1.5", "-1", "1e3") → undefined. */
function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/**
 * Settles each -o before anything is linted: "-" is standard output; a folder is refused; an existing file is
 * replaced only when it is a report an earlier run wrote (or with --force), so that a mistyped -o never
 * replaces a description or another file of the user's. Devices and pipes (/dev/null) are written to as is.
 */
export function checkOutputFiles(outputs: OutputSpec[], force: boolean, lang: Lang): void {
  const refuse = (text: Localized): never => {
    throw new UsageError(localize(text, lang));
  };
  for (const output of outputs) {
    if (output.file === "-") {
      delete output.file;
      continue;
    }
    const file = output.file;
    if (file === undefined) continue;
    if (!file.trim())
      refuse({
        vi: "-o cần tên một tệp, không phải chuỗi rỗng.",
        en: "-o needs a file name, not an empty string.",
      });
    let stats: ReturnType<typeof statSync>;
    try {
      stats = /[\\/]$/.test(file) ? undefined : statSync(file, { throwIfNoEntry: false });
    } catch {
      stats = undefined; // ENOTDIR and the like: the write says what is wrong
    }
    if (/[\\/]$/.test(file) || stats?.isDirectory())
      refuse({
        vi: `-o cần một tệp, nhưng "${file}" là thư mục. Ghi tên tệp, ví dụ -o ${file.replace(/[\\/]+$/, "")}/vtvl.${output.format === "sarif" ? "sarif" : "txt"}.`,
        en: `-o needs a file, but "${file}" is a folder. Give a file name, e.g. -o ${file.replace(/[\\/]+$/, "")}/vtvl.${output.format === "sarif" ? "sarif" : "txt"}.`,
      });
    if (stats?.isFile() && !force && !isLintReport(file))
      refuse({
        vi: `Không ghi đè "${file}": tệp này có sẵn và không phải kết quả do vtvl lint ghi. Chọn tệp khác cho -o, hoặc thêm --force để ghi đè.`,
        en: `Not overwriting "${file}": it exists and is not a report vtvl lint wrote. Choose another -o file, or add --force to overwrite it.`,
      });
  }
}

/** Why a report could not be written, in the words of writing (not of reading, as for the inputs). */
function writeProblem(path: string, error: unknown): Localized {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return {
        vi: `Không ghi được "${path}": thư mục chứa nó không có, hoặc một phần của đường dẫn là tệp (${code}).`,
        en: `Cannot write "${path}": its folder does not exist, or part of the path is a file (${code}).`,
      };
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return {
        vi: `Không có quyền ghi "${path}" (${code}). Chọn nơi khác cho -o.`,
        en: `No permission to write "${path}" (${code}). Choose another place for -o.`,
      };
    case "ENOSPC":
    case "EDQUOT":
      return {
        vi: `Không ghi được "${path}": hết chỗ trên đĩa (${code}).`,
        en: `Cannot write "${path}": the disk is full (${code}).`,
      };
    default:
      return { vi: `Không ghi được "${path}" (${code}).`, en: `Cannot write "${path}" (${code}).` };
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function message(problem: { message: Localized }, lang: Lang): string {
  return `vtvl: ${localize(problem.message, lang)}\n`;
}

function configErrorText(error: ConfigError, lang: Lang): string {
  return `${error.file}:${error.line}:${error.column}: ${localize(error.text, lang)}`;
}

export function registerLint(program: Command, io: CliIo): void {
  const outputTokens: OutputToken[] = [];
  const collect = (kind: OutputToken["kind"]) => (value: string, previous: string[]) => {
    outputTokens.push({ kind, value });
    return [...previous, value];
  };
  program
    .command("lint")
    .description("Kiểm tra các bản mô tả theo lược đồ và quy tắc của thông tư (check descriptions)")
    .argument(
      "[paths...]",
      'tệp, thư mục, mẫu glob ("positions/**/*.yaml") hoặc - (đầu vào chuẩn); mặc định: .',
    )
    .option(
      "-f, --format <format>",
      `định dạng kết quả, lặp lại được: ${FORMAT_NAMES.join(" | ")}`,
      collect("format"),
      [],
    )
    .option(
      "-o, --output-file <file>",
      "ghi kết quả của -f đứng trước vào tệp này (- là đầu ra chuẩn)",
      collect("file"),
      [],
    )
    .option("--force", "cho phép -o ghi đè một tệp có sẵn không phải kết quả vtvl lint")
    .option(...LANG_OPTION)
    .option("-c, --config <file>", "dùng tệp cấu hình này thay cho các .vtvlrc.yaml")
    .option("--no-config-lookup", "không tìm các tệp .vtvlrc.yaml")
    .option("--fix", "sửa tự động những lỗi sửa được an toàn, ghi đè tệp")
    .option("--fix-dry-run", "in bản so sánh (diff) các sửa đổi thay vì ghi tệp")
    .option("--fail-severity <severity>", "mức thấp nhất làm lệnh thất bại: error | warning | info", "error")
    .option("--max-warnings <n>", "thất bại khi số cảnh báo vượt quá n")
    .option("--max-file-size <size>", "kích thước tệp tối đa, ví dụ 2MB, 512KB", "2MB")
    .option("-q, --quiet", "chỉ báo lỗi, bỏ cảnh báo và lưu ý")
    .option("--stdin-filepath <path>", "tên dùng cho nội dung đọc từ đầu vào chuẩn (và để tìm cấu hình)")
    .option("--color", "luôn tô màu")
    .option("--no-color", "không tô màu")
    .option(
      "--concurrency <n>",
      "số luồng kiểm tra song song: auto (theo số lõi CPU khi có nhiều tệp) hoặc một số",
      "auto",
    )
    .option("--cache", "chỉ kiểm tra lại các tệp đã đổi từ lần chạy trước (kết quả lưu trong .vtvlcache)")
    .option(
      "--cache-location <path>",
      `tệp hoặc thư mục lưu kết quả cho --cache (mặc định: ${DEFAULT_CACHE_FILE})`,
    )
    .action(async (paths: string[], flags: LintFlags) => {
      const lang = parseLang(flags.lang);
      const say = (text: Localized) => localize(text, lang);
      if (!(flags.failSeverity in SEVERITY_RANK))
        throw new UsageError(
          say({
            vi: `--fail-severity phải là error, warning hoặc info, không phải "${flags.failSeverity}".`,
            en: `--fail-severity must be error, warning or info, not "${flags.failSeverity}".`,
          }),
        );
      const maxWarnings = flags.maxWarnings === undefined ? undefined : wholeNumber(flags.maxWarnings);
      if (flags.maxWarnings !== undefined && maxWarnings === undefined)
        throw new UsageError(
          say({
            vi: `--max-warnings cần một số nguyên không âm, không phải "${flags.maxWarnings}".`,
            en: `--max-warnings needs a non-negative integer, not "${flags.maxWarnings}".`,
          }),
        );
      const maxFileBytes =
        flags.maxFileSize === undefined ? DEFAULT_MAX_FILE_BYTES : parseSize(flags.maxFileSize);
      if (maxFileBytes === undefined)
        throw new UsageError(
          say({
            vi: `--max-file-size cần một kích thước như 2MB hoặc 512KB, không phải "${flags.maxFileSize}".`,
            en: `--max-file-size needs a size such as 2MB or 512KB, not "${flags.maxFileSize}".`,
          }),
        );
      if (flags.fix && flags.fixDryRun)
        throw new UsageError(
          say({
            vi: "Chọn --fix hoặc --fix-dry-run, không dùng cả hai.",
            en: "Use --fix or --fix-dry-run, not both.",
          }),
        );
      const concurrency = flags.concurrency === "auto" ? "auto" : wholeNumber(flags.concurrency);
      if (concurrency === undefined || concurrency === 0)
        throw new UsageError(
          say({
            vi: `--concurrency cần auto hoặc một số nguyên dương, không phải "${flags.concurrency}".`,
            en: `--concurrency needs auto or a positive integer, not "${flags.concurrency}".`,
          }),
        );
      const fixing = Boolean(flags.fix || flags.fixDryRun);
      const defaultFormat: FormatName = process.env.GITHUB_ACTIONS === "true" ? "github" : "stylish";
      const outputs = pairOutputs(outputTokens, defaultFormat, lang);
      checkOutputFiles(outputs, Boolean(flags.force), lang);
      if (flags.config === "")
        throw new UsageError(
          say({
            vi: "--config cần đường dẫn tới một tệp cấu hình, không phải chuỗi rỗng.",
            en: "--config needs the path of a configuration file, not an empty string.",
          }),
        );

      const cwd = process.cwd();
      let inputs = paths.length ? paths : flags.stdinFilepath !== undefined ? [STDIN_PATH] : ["."];
      if (flags.stdinFilepath !== undefined && !inputs.includes(STDIN_PATH))
        throw new UsageError(
          say({
            vi: "--stdin-filepath chỉ dùng khi đọc từ đầu vào chuẩn: thêm - vào danh sách đường dẫn.",
            en: "--stdin-filepath only applies to standard input: add - to the paths.",
          }),
        );
      if (inputs.filter((input) => input === STDIN_PATH).length > 1) inputs = [...new Set(inputs)];
      const stdinName = flags.stdinFilepath ?? "<stdin>";
      if (flags.fix && inputs.includes(STDIN_PATH))
        throw new UsageError(
          say({
            vi: "--fix không ghi được vào đầu vào chuẩn; dùng --fix-dry-run để xem bản sửa.",
            en: "--fix cannot write to standard input; use --fix-dry-run to see the fixes.",
          }),
        );

      let resolver: ConfigResolver;
      const problems: InputProblem[] = [];
      const sources: LintInput[] = [];
      try {
        resolver = new ConfigResolver({
          cwd,
          ...(flags.config ? { configFile: flags.config } : {}),
          lookup: flags.configLookup !== false,
        });
        const expanded = collectInputs(inputs, { cwd, isIgnored: (path) => resolver.isIgnored(path) });
        problems.push(...expanded.problems);
        for (const input of expanded.files) {
          let size: number;
          try {
            size = statSync(input.path).size;
            if (size > maxFileBytes) {
              sources.push({ file: input.path, oversize: size });
              continue;
            }
            // Without --fix a file is read when its turn comes, so a large run never holds every file at once.
            sources.push({ file: input.path, ...(fixing ? { bytes: readFileSync(input.path) } : {}) });
          } catch (error) {
            problems.push(fsProblem(input.path, error));
          }
        }
        if (expanded.stdin) sources.push({ file: stdinName, bytes: await readStdin() });
        // Settings are resolved now so that a broken config stops the run before any output.
        for (const source of sources) resolver.settingsFor(source.file);
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(configErrorText(error, lang));
        throw error;
      }

      for (const problem of problems) io.stderr(message(problem, lang));
      if (!sources.length) {
        io.setExitCode(2);
        return;
      }

      let linted: FileResult[];
      let fixes: FixOutcome[] = [];
      let release = () => {};
      if (fixing) {
        const run = lintSources(
          sources.map((source) => ({ ...source, bytes: source.bytes ?? new Uint8Array() })),
          { lang, maxFileBytes, fix: true, settingsFor: (file) => resolver.settingsFor(file) },
        );
        linted = run.results;
        fixes = run.fixes;
      } else {
        // Between full collections V8 lets a heap grow to as much as four times its live size when collecting
        // is cheap, as it is here (a few tens of MB live): peak memory then followed the number of files. At
        // 50 % it stays near the live size for about 1 % more time in collections (docs/PERFORMANCE.md). The
        // flag is the process's, so the worker threads follow it too.
        setFlagsFromString("--heap-growing-percent=50");
        const cache = flags.cache ? new LintCache(cacheFile(flags.cacheLocation, cwd)) : undefined;
        let run: Awaited<ReturnType<typeof lintInputs>>;
        try {
          run = await lintInputs(sources, {
            lang,
            maxFileBytes,
            ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
            keepText: outputs.some((output) => output.format === "sarif" || output.format === "gitlab"),
            concurrency,
            ...(cache ? { cache } : {}),
          });
        } catch (error) {
          cache?.close();
          throw error;
        }
        if (cache) saveCache(cache, io, lang);
        linted = run.results;
        release = run.release;
        for (const problem of run.problems) {
          const inputProblem = fsProblem(problem.file, problem);
          problems.push(inputProblem);
          io.stderr(message(inputProblem, lang));
        }
      }

      if (flags.fix) {
        for (const fix of fixes) {
          try {
            // Through a symbolic link, the file it points to is fixed and the link kept, with its mode.
            writeFileAtomic(fix.file, `${fix.hadBom ? "\uFEFF" : ""}${fix.fixed}`);
          } catch (error) {
            io.stderr(message(fsProblem(fix.file, error), lang));
            io.setExitCode(2);
          }
        }
      }
      if (flags.fixDryRun) io.stdout(await unifiedDiff(fixes, cwd));

      // --quiet: a view of each result with its errors only (a large run's results are read from disk when
      // the report reaches them; copying them here would hold them all).
      const results = flags.quiet
        ? linted.map(
            (result): FileResult =>
              Object.create(result, {
                findings: {
                  enumerable: true,
                  get: () => result.findings.filter((finding) => finding.severity === "error"),
                },
              }) as FileResult,
          )
        : linted;
      const context = { cwd, lang, version: vtvlVersion() };
      for (const output of outputs) {
        const toTerminal = output.file === undefined;
        const color =
          toTerminal && !flags.fixDryRun && (flags.color === true || (io.color && flags.color !== false));
        const pieces = formatters[output.format](results, { ...context, color });
        if (output.file !== undefined) {
          try {
            timed(`(format ${output.format})`, () => writeFileAtomic(resolve(output.file!), pieces));
          } catch (error) {
            io.stderr(`vtvl: ${localize(writeProblem(output.file, error), lang)}\n`);
            io.setExitCode(2);
          }
        } else {
          // Written as it is formatted: a large report is never held whole.
          const write = flags.fixDryRun ? io.stderr : io.stdout;
          timed(`(format ${output.format})`, () => {
            for (const piece of pieces) write(piece);
          });
        }
      }
      io.setExitCode(exitCodeFor(results, flags.failSeverity as Severity, maxWarnings));
      release();
      if (problems.length) io.setExitCode(2);
      if (timingEnabled) io.stderr(formatTimings(takeTimings()));
    });
}

/** --cache-location: a file, or a folder (existing, or written with a trailing slash) to hold .vtvlcache. */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || statSync(path, { throwIfNoEntry: false })?.isDirectory();
  return isFolder ? resolve(path, DEFAULT_CACHE_FILE) : path;
}

/** A cache that cannot be written costs the next run its speed, not this run its result: a warning. */
function saveCache(cache: LintCache, io: CliIo, lang: Lang): void {
  try {
    cache.save();
  } catch (error) {
    if (error instanceof ForeignCacheFile) {
      io.stderr(
        `vtvl: ${localize(
          {
            vi: `${error.path} không phải bộ nhớ đệm của vtvl nên được giữ nguyên và không lưu kết quả; chọn nơi khác bằng --cache-location.`,
            en: `${error.path} is not a vtvl cache, so it was left as it is and no results were stored; choose another place with --cache-location.`,
          },
          lang,
        )}\n`,
      );
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(
      `vtvl: ${localize(
        {
          vi: `không ghi được bộ nhớ đệm ${cache.path} (${reason}); lần chạy sau sẽ kiểm tra lại mọi tệp. Chọn nơi ghi được bằng --cache-location.`,
          en: `could not write the cache ${cache.path} (${reason}); the next run will lint every file again. Choose a writable place with --cache-location.`,
        },
        lang,
      )}\n`,
    );
  }
}

/** git-style unified diff (a/ and b/ prefixes, paths relative to the working directory): `git apply` takes it. */
async function unifiedDiff(fixes: readonly FixOutcome[], cwd: string): Promise<string> {
  if (!fixes.length) return "";
  const { createTwoFilesPatch } = await import("diff");
  return fixes
    .map((fix) => {
      const path = reportPath(fix.file, cwd);
      return createTwoFilesPatch(`a/${path}`, `b/${path}`, fix.original, fix.fixed, undefined, undefined, {
        context: 3,
      }).replace(/^=+\n/, "");
    })
    .join("");
}
