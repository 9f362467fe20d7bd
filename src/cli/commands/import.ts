/**
 * `vtvl import FILE… [--form ID] [--out DIR] [--force]`: Word documents, HTML and text exports → one YAML
 * file per description (plus the catalogue when the document has one). Nothing is written until every
 * output is known and none would overwrite a file (unless --force); each file goes through a temporary
 * file and a rename. Exit 0 when everything was placed, 1 when some text was left in comment blocks, 2 for
 * usage errors and unreadable inputs.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { localize, type Lang, type Localized } from "../../i18n/index.js";
import { listForms } from "../../model/forms.js";
import type { FormId } from "../../model/types.js";
import { catalogueData } from "../../import/catalogue.js";
import { describeOrigin } from "../../import/document.js";
import { positionYaml, toYaml } from "../../import/emit.js";
import { importDocument, type ImportResult } from "../../import/index.js";
import { slugify } from "../../util/similar.js";
import { readSource, SourceError } from "../../import/source.js";
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

      const results: Array<{ result: ImportResult; outDir: string }> = [];
      let unreadable = false;
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          if (statSync(file).isDirectory()) throw new Error(lang === "vi" ? "là thư mục" : "is a directory");
          bytes = readFileSync(file);
        } catch (error) {
          const reason =
            (error as NodeJS.ErrnoException).code === "ENOENT"
              ? lang === "vi"
                ? "không có tệp này"
                : "no such file"
              : (error as Error).message;
          io.stderr(`vtvl: ${localize(TEXT.unreadable, lang, { file, reason })}\n`);
          unreadable = true;
          continue;
        }
        try {
          const document = readSource(file, bytes);
          const outDir = resolve(
            flags.out,
            files.length > 1 ? slugify(basename(file).replace(/\.[^.]+$/u, "")) : "",
          );
          results.push({
            result: importDocument(document, flags.form ? { form: flags.form as FormId } : {}),
            outDir,
          });
        } catch (error) {
          if (!(error instanceof SourceError)) throw error;
          io.stderr(
            `vtvl: ${localize(TEXT.unreadable, lang, { file, reason: localize(error.detail, lang) })}\n`,
          );
          unreadable = true;
        }
      }

      const outputs = results.flatMap(({ result, outDir }) => outputsFor(result, outDir, lang));
      const existing = outputs.filter((output) => existsSync(output.path));
      if (existing.length > 0 && !flags.force && !flags.dryRun) {
        const list = existing
          .map((output) => `  ${relative(process.cwd(), output.path) || output.path}`)
          .join("\n");
        throw new UsageError(localize(TEXT.exists, lang, { files: list }));
      }
      if (!flags.dryRun)
        for (const output of outputs) {
          try {
            // Without --force, a file that appeared since the check above is still not overwritten.
            writeFileAtomic(output.path, output.content, { overwrite: flags.force === true });
          } catch (error) {
            if (!(error instanceof FileExistsError)) throw error;
            const shown = `  ${relative(process.cwd(), output.path) || output.path}`;
            throw new UsageError(localize(TEXT.exists, lang, { files: shown }));
          }
        }

      let unplacedCount = 0;
      let descriptionCount = 0;
      let problems = false;
      for (const { result, outDir } of results) {
        const document = result.document;
        const shownOut = relative(process.cwd(), outDir) || ".";
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
