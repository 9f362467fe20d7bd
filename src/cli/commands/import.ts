/**
 * `vtvl import FILE… [--form ID] [--out DIR] [--force]`: Word documents, HTML and text exports → one YAML
 * file per description (plus the catalogue when the document has one). Every output path is planned, and
 * its folder checked, before anything is written; nothing is written when a planned file exists (unless
 * --force) or a folder cannot be written. Each file goes through a temporary file and a rename, and a write
 * that fails midway removes the files and folders this run created. Exit 0 when everything was placed, 1
 * when some text was left in comment blocks, 2 for usage errors, unreadable inputs and unwritable outputs.
 */
import { accessSync, constants, existsSync, rmdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { localize, type Lang, type Localized } from "../../i18n/index.js";
import { listForms } from "../../model/forms.js";
import type { FormId } from "../../model/types.js";
import { catalogueData } from "../../import/catalogue.js";
import { describeOrigin } from "../../import/document.js";
import { positionYaml, toYaml } from "../../import/emit.js";
import { importDocument, type ImportResult } from "../../import/index.js";
import { makeDirectory } from "../../util/destination.js";
import { slugify } from "../../util/similar.js";
import { readSource, readSourceBytes, SourceError } from "../../import/source.js";
import { schemaReference } from "../../scaffold/schema-ref.js";
import { UsageError } from "../errors.js";
import { LANG_OPTION, parseLang } from "../options.js";
import type { CliIo } from "../main.js";
import { FileExistsError, writeFileAtomic } from "../../util/write-file.js";

interface ImportFlags {
  form?: string;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  lang: string;
}

const TEXT = {
  badForm: {
    vi: 'Mẫu "{value}" không có. Các mẫu: {forms}.',
    en: 'Unknown form "{value}". Forms: {forms}.',
  },
  unreadable: { vi: "{file}: không đọc được ({reason})", en: "{file}: cannot be read ({reason})" },
  folder: {
    vi: 'Không ghi được vào thư mục "{dir}": {reason}. Hãy chọn thư mục khác bằng --out.',
    en: 'Cannot write to the folder "{dir}": {reason}. Choose another folder with --out.',
  },
  writeFailed: {
    vi: 'Không ghi được "{file}": {reason}. {undone}',
    en: 'Cannot write "{file}": {reason}. {undone}',
  },
  nothingWritten: { vi: "Chưa tệp nào được ghi.", en: "No file was written." },
  undone: {
    vi: "{count} tệp mới lần chạy này đã ghi được xoá đi, không để lại kết quả dở dang.",
    en: "The {count} new file(s) this run had written were removed, so no partial output is left.",
  },
  exists: {
    vi: "Các tệp sau đã có; vtvl không ghi đè (dùng --force để ghi đè, hoặc --out để chọn thư mục khác):\n{files}",
    en: "These files already exist; vtvl does not overwrite them (use --force to overwrite, or --out for another folder):\n{files}",
  },
  summary: {
    vi: "{file}: {count} bản mô tả ({format}) → {out}\n",
    en: "{file}: {count} description(s) ({format}) → {out}\n",
  },
  written: { vi: "  {target}  [{form}{guessed}]\n", en: "  {target}  [{form}{guessed}]\n" },
  guessed: { vi: ", đoán theo các bản khác", en: ", guessed from the others" },
  missing: {
    vi: "    thiếu (văn bản không in): {parts}\n",
    en: "    missing (not printed in the source): {parts}\n",
  },
  unplaced: {
    vi: "    {where}: chưa xếp được ({reason}): {text}\n",
    en: "    {where}: not placed ({reason}): {text}\n",
  },
  restored: {
    vi: "    tệp Word do vtvl tạo: khôi phục {restored} giá trị trang in không thể hiện; {edited} chỗ đã sửa trong Word được giữ như đã sửa\n",
    en: "    a Word file vtvl wrote: {restored} value(s) the page cannot show restored; {edited} place(s) edited in Word kept as edited\n",
  },
  catalogue: {
    vi: "  {target}  [danh mục, {count} vị trí]\n",
    en: "  {target}  [catalogue, {count} positions]\n",
  },
  problem: { vi: "{file}: {message}\n", en: "{file}: {message}\n" },
  total: {
    vi: "Tổng: {descriptions} bản mô tả, {unplaced} đoạn chưa xếp được (xem khối chú thích cuối mỗi tệp YAML).\n",
    en: "Total: {descriptions} description(s), {unplaced} passage(s) not placed (see the comment block at the end of each YAML file).\n",
  },
  dryRun: { vi: "(--dry-run: không ghi tệp nào)\n", en: "(--dry-run: no file written)\n" },
  formats: {
    vi: {
      "cell-lines": "văn bản, mỗi ô một dòng",
      "row-lines": "văn bản, mỗi hàng một dòng",
      html: "HTML",
      docx: "Word",
    },
    en: {
      "cell-lines": "text, one cell per line",
      "row-lines": "text, one row per line",
      html: "HTML",
      docx: "Word",
    },
  },
} as const;

const REASONS = {
  isFile: { vi: "đó là một tệp, không phải thư mục", en: "it is a file, not a folder" },
  fileOnPath: {
    vi: '"{path}" là một tệp, không phải thư mục',
    en: '"{path}" is a file, not a folder',
  },
  fileInPath: {
    vi: 'một phần của đường dẫn "{path}" là tệp, không phải thư mục',
    en: 'part of the path "{path}" is a file, not a folder',
  },
  noPermission: { vi: 'không có quyền ghi vào "{path}"', en: 'no permission to write in "{path}"' },
  readOnly: { vi: '"{path}" nằm trên ổ đĩa chỉ đọc', en: '"{path}" is on a read-only file system' },
  isFolder: { vi: "đã có một thư mục mang tên này", en: "a folder of that name exists" },
  noSpace: { vi: "ổ đĩa hết chỗ trống", en: "no space left on the disk" },
  noSuchFile: { vi: "không có tệp này", en: "no such file" },
  isDirectory: { vi: "là thư mục", en: "is a directory" },
} satisfies Record<string, Localized>;

/** A path as the user would type it: relative to the working folder when inside it, absolute otherwise. */
function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  if (relativePath === "") return ".";
  return /^\.\.(?:[\\/]|$)/u.test(relativePath) || isAbsolute(relativePath) ? path : relativePath;
}

/** Why a file system operation on `path` failed, in words (the code and Node's message when unusual). */
function fsReason(error: unknown, path: string, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  const data = { path: shown(path) };
  if (code === "EACCES" || code === "EPERM") return localize(REASONS.noPermission, lang, data);
  if (code === "EROFS") return localize(REASONS.readOnly, lang, data);
  if (code === "ENOTDIR") return localize(REASONS.fileInPath, lang, data);
  if (code === "EISDIR") return localize(REASONS.isFolder, lang, data);
  if (code === "ENOSPC") return localize(REASONS.noSpace, lang, data);
  if (code === "ENOENT") return localize(REASONS.noSuchFile, lang, data);
  return (error as Error).message;
}

/** Whether an error came from the file system (and so is about the user's paths, not a bug). */
function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

/**
 * Why files cannot be written in `dir`, or undefined when they can: the nearest folder that exists on the
 * way to it must be a folder this user may write in (the rest is created). Checked before anything is
 * written, so an unusable --out is reported with nothing left behind.
 */
function folderProblem(dir: string, lang: Lang): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(current).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(current) !== current) continue;
      return fsReason(error, current, lang);
    }
    if (!isDirectory)
      return current === dir
        ? localize(REASONS.isFile, lang)
        : localize(REASONS.fileOnPath, lang, { path: shown(current) });
    try {
      accessSync(current, constants.W_OK | constants.X_OK);
    } catch (error) {
      return fsReason(error, current, lang);
    }
    return undefined;
  }
}

/**
 * The output folder of each input, in the order given: `--out` itself for one input; for several, a
 * sub-folder named after each file. Two inputs with the same name (a/qd.docx and b/qd.docx, or qd.docx and
 * qd.html) get `qd`, `qd-2`, `qd-3`… in the order they are given, so no input's files land on another's.
 */
function outputFolders(files: readonly string[], out: string): string[] {
  if (files.length <= 1) return files.map(() => resolve(out));
  const used = new Set<string>();
  return files.map((file) => {
    const base = slugify(basename(file).replace(/\.[^.]+$/u, ""));
    let name = base;
    for (let suffix = 2; used.has(name); suffix += 1) name = `${base}-${suffix}`;
    used.add(name);
    return resolve(out, name);
  });
}

interface Output {
  path: string;
  content: string;
}

function outputsFor(result: ImportResult, outDir: string, lang: Lang): Output[] {
  const outputs: Output[] = [];
  const document = result.document;
  for (const description of result.descriptions) {
    const unplaced = description.unplaced.map((item) => ({
      ...item,
      where: describeOrigin(document, item.origin),
    }));
    outputs.push({
      path: join(outDir, description.fileName),
      content: positionYaml(description.position, {
        schema: schemaReference(join(outDir, description.fileName), description.form),
        source: describeOrigin(document, description.origin),
        cues: description.cues,
        missing: description.missing,
        unplaced,
        lang,
      }),
    });
  }
  if (result.catalogue) {
    const data = catalogueData(result.catalogue, basename(document.file), document.unit === "line");
    outputs.push({
      path: join(outDir, "00-danh-muc-vi-tri-viec-lam.yaml"),
      content: toYaml(data, [
        lang === "vi"
          ? `Danh mục vị trí việc làm, nhập từ ${basename(document.file)} bằng vtvl import.`
          : `Catalogue of positions, imported from ${basename(document.file)} by vtvl import.`,
      ]),
    });
  }
  return outputs;
}

/**
 * Writes every output, or none: when a write fails (a file that appeared since the check, a full disk), the
 * files and folders this run created are removed and the failure is reported as a usage error. Files
 * replaced under --force stay replaced.
 */
function writeOutputs(outputs: Output[], outDirs: string[], force: boolean, lang: Lang): void {
  const createdFiles: string[] = [];
  const createdFolders: string[] = [];
  let current = outDirs[0] ?? ".";
  try {
    for (const dir of outDirs) {
      current = dir;
      createdFolders.push(...makeDirectory(dir));
    }
    for (const output of outputs) {
      current = output.path;
      const existed = existsSync(output.path);
      // Without --force, a file that appeared since the check is still not overwritten.
      writeFileAtomic(output.path, output.content, { overwrite: force });
      if (!existed) createdFiles.push(output.path);
    }
  } catch (error) {
    for (const file of createdFiles.reverse()) rmSync(file, { force: true });
    for (const folder of createdFolders.reverse())
      try {
        rmdirSync(folder);
      } catch {
        // Not empty (someone else wrote there meanwhile): left as it is.
      }
    if (error instanceof FileExistsError)
      throw new UsageError(localize(TEXT.exists, lang, { files: `  ${shown(current)}` }));
    if (!isFsError(error)) throw error;
    const undone =
      createdFiles.length === 0
        ? localize(TEXT.nothingWritten, lang)
        : localize(TEXT.undone, lang, { count: createdFiles.length });
    throw new UsageError(
      localize(TEXT.writeFailed, lang, {
        file: shown(current),
        reason: fsReason(error, current, lang),
        undone,
      }),
    );
  }
}

export function registerImport(program: Command, io: CliIo): void {
  program
    .command("import")
    .description(
      "Nhập bản mô tả từ tệp Word (.docx), HTML hoặc văn bản xuất ra (import descriptions from Word, HTML or text exports)",
    )
    .argument("<files...>", "tệp .docx, .html hoặc .txt")
    .option("--form <id>", "mẫu biểu dùng cho mọi bản mô tả, thay vì tự nhận ra")
    .option("-o, --out <dir>", "thư mục ghi kết quả (nhiều tệp vào: mỗi tệp một thư mục con)", ".")
    .option("--force", "ghi đè các tệp đã có")
    .option("--dry-run", "chỉ báo cáo, không ghi tệp")
    .option(...LANG_OPTION)
    .action((files: string[], flags: ImportFlags) => {
      const lang = parseLang(flags.lang);
      const forms = listForms().map((form) => form.id);
      if (flags.form !== undefined && !(forms as string[]).includes(flags.form))
        throw new UsageError(localize(TEXT.badForm, lang, { value: flags.form, forms: forms.join(", ") }));

      const folders = outputFolders(files, flags.out);
      const results: Array<{ result: ImportResult; outDir: string }> = [];
      let unreadable = false;
      for (const [index, file] of files.entries()) {
        let bytes: Uint8Array;
        try {
          if (statSync(file).isDirectory()) throw new Error(localize(REASONS.isDirectory, lang));
          bytes = readSourceBytes(file);
        } catch (error) {
          const reason =
            error instanceof SourceError
              ? localize(error.detail, lang)
              : isFsError(error)
                ? fsReason(error, file, lang)
                : (error as Error).message;
          io.stderr(`vtvl: ${localize(TEXT.unreadable, lang, { file, reason })}\n`);
          unreadable = true;
          continue;
        }
        try {
          const document = readSource(file, bytes);
          results.push({
            result: importDocument(document, flags.form ? { form: flags.form as FormId } : {}),
            outDir: folders[index]!,
          });
        } catch (error) {
          if (!(error instanceof SourceError)) throw error;
          io.stderr(
            `vtvl: ${localize(TEXT.unreadable, lang, { file, reason: localize(error.detail, lang) })}\n`,
          );
          unreadable = true;
        }
      }

      const outDirs = [...new Set(results.map(({ outDir }) => outDir))];
      for (const dir of outDirs) {
        const reason = folderProblem(dir, lang);
        if (reason !== undefined)
          throw new UsageError(localize(TEXT.folder, lang, { dir: shown(dir), reason }));
      }
      const outputs = results.flatMap(({ result, outDir }) => outputsFor(result, outDir, lang));
      const existing = outputs.filter((output) => existsSync(output.path));
      if (existing.length > 0 && !flags.force && !flags.dryRun) {
        const list = existing.map((output) => `  ${shown(output.path)}`).join("\n");
        throw new UsageError(localize(TEXT.exists, lang, { files: list }));
      }
      if (!flags.dryRun) writeOutputs(outputs, outDirs, flags.force === true, lang);

      let unplacedCount = 0;
      let descriptionCount = 0;
      let problems = false;
      for (const { result, outDir } of results) {
        const document = result.document;
        const shownOut = shown(outDir);
        io.stderr(
          localize(TEXT.summary, lang, {
            file: document.file,
            count: result.descriptions.length,
            format: TEXT.formats[lang][document.format],
            out: shownOut,
          }),
        );
        for (const problem of result.problems) {
          problems = true;
          io.stderr(
            localize(TEXT.problem, lang, { file: document.file, message: localize(problem.message, lang) }),
          );
        }
        for (const description of result.descriptions) {
          descriptionCount += 1;
          unplacedCount += description.unplaced.length;
          io.stderr(
            localize(TEXT.written, lang, {
              target: join(shownOut, description.fileName),
              form: description.form,
              guessed: description.guessed ? localize(TEXT.guessed, lang) : "",
            }),
          );
          if (description.restored !== undefined)
            io.stderr(
              localize(TEXT.restored, lang, {
                restored: description.restored,
                edited: description.edited ?? 0,
              }),
            );
          if (description.missing.length > 0)
            io.stderr(localize(TEXT.missing, lang, { parts: description.missing.join(", ") }));
          for (const item of description.unplaced) {
            const text = item.text.length > 100 ? `${item.text.slice(0, 99)}…` : item.text;
            io.stderr(
              localize(TEXT.unplaced, lang, {
                where: describeOrigin(document, item.origin),
                reason: localize(item.reason as Localized, lang),
                text,
              }),
            );
          }
        }
        if (result.catalogue)
          io.stderr(
            localize(TEXT.catalogue, lang, {
              target: join(shownOut, "00-danh-muc-vi-tri-viec-lam.yaml"),
              count: result.catalogue.entries.length,
            }),
          );
      }
      io.stderr(localize(TEXT.total, lang, { descriptions: descriptionCount, unplaced: unplacedCount }));
      if (flags.dryRun) io.stderr(localize(TEXT.dryRun, lang));
      if (unreadable) io.setExitCode(2);
      else if (unplacedCount > 0 || problems) io.setExitCode(1);
    });
}
