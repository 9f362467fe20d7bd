/**
 * `vtvl render --format docx` for a batch of files: each read as `vtvl render` reads it (src/render/load.ts),
 * drawn in its layout, written through a temporary file and a rename. A Word file is replaced only when vtvl
 * wrote it (its creator is "vtvl …") or with --force; a file that fails is reported and the batch goes on.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { localize, type Lang } from "../i18n/index.js";
import type { FormId } from "../model/types.js";
import { missingForLayout } from "../render/layouts.js";
import { formatFindings, loadForRender } from "../render/load.js";
import { OutputRefused, writeOutput } from "../render/output.js";
import { renderDocx } from "./index.js";

export interface DocxJob {
  input: string;
  output: string;
}

export interface DocxBatchOptions {
  force: boolean;
  lang: Lang;
  layout?: FormId;
  log: (text: string) => void;
}

export interface DocxBatchResult {
  written: string[];
  failed: number;
}

/** Whether `path` is a Word file a previous `vtvl render` wrote. */
export function isOwnDocx(path: string): boolean {
  try {
    const entries = unzipSync(readFileSync(path), { filter: (entry) => entry.name === "docProps/core.xml" });
    const core = entries["docProps/core.xml"];
    return core !== undefined && /<dc:creator>vtvl /u.test(strFromU8(core));
  } catch {
    return false;
  }
}

const say = (lang: Lang, vi: string, en: string) => localize({ vi, en }, lang);

export async function renderDocxFiles(
  jobs: readonly DocxJob[],
  options: DocxBatchOptions,
): Promise<DocxBatchResult> {
  const { lang, log } = options;
  const result: DocxBatchResult = { written: [], failed: 0 };
  for (const job of jobs) {
    const fail = (text: string) => {
      log(text);
      result.failed += 1;
    };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(job.input);
    } catch (error) {
      fail(
        `${job.input}: ${say(lang, "không đọc được tệp", "cannot read the file")} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
      continue;
    }
    const loaded = loadForRender(job.input, bytes, lang);
    if (!loaded.ok) {
      fail(formatFindings(loaded.errors).join("\n"));
      continue;
    }
    const layout = options.layout ?? loaded.form.id;
    const missing = layout === loaded.form.id ? [] : missingForLayout(loaded.position, layout);
    if (missing.length) {
      fail(
        [
          say(
            lang,
            `${job.input}: không in được theo mẫu ${layout}; dữ liệu còn thiếu:`,
            `${job.input}: cannot be drawn in the ${layout} layout; the data lacks:`,
          ),
          ...missing.map((field) => `  - ${localize(field.message, lang)}`),
        ].join("\n"),
      );
      continue;
    }
    try {
      const docx = await renderDocx(loaded.position, layout, dirname(job.input));
      writeOutput(job.output, docx, options.force || isOwnDocx(job.output));
      result.written.push(job.output);
    } catch (error) {
      if (error instanceof OutputRefused)
        fail(
          say(
            lang,
            `${job.input}: không ghi đè "${error.path}": tệp này có sẵn và không do vtvl tạo. Dùng --force để ghi đè, hoặc chọn nơi khác (--out, -o).`,
            `${job.input}: not overwriting "${error.path}": it exists and was not written by vtvl. Use --force to overwrite, or write elsewhere (--out, -o).`,
          ),
        );
      else
        fail(
          `${job.input}: ${say(lang, "không tạo được tệp Word", "could not write the Word file")}: ${(error as Error).message.split("\n")[0]}`,
        );
    }
  }
  return result;
}
