import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { localize, type Localized } from "../../i18n/index.js";
import { findForm, listForms } from "../../model/forms.js";
import { schemaText } from "../../scaffold/editor-schema.js";
import { FileExistsError, writeFileAtomic } from "../../util/write-file.js";
import { didYouMean } from "../../util/similar.js";
import { UsageError } from "../errors.js";
import { LANG_OPTION, parseLang } from "../options.js";
import type { CliIo } from "../main.js";

interface SchemaFlags {
  form?: string;
  output?: string;
  force?: boolean;
  editor: boolean;
  lang: string;
}

const text = {
  unknownForm: {
    vi: 'Mẫu biểu "{form}" không có.{hint} Các mẫu vtvl biết:\n{list}',
    en: 'Unknown form "{form}".{hint} Known forms:\n{list}',
  },
  hint: { vi: ' Có phải ý bạn là "{suggestion}"?', en: ' Did you mean "{suggestion}"?' },
  exists: {
    vi: "Tệp {file} đã có; vtvl không ghi đè. Dùng --force để ghi đè.",
    en: "{file} already exists; vtvl does not overwrite it. Use --force to overwrite.",
  },
  written: { vi: "Đã ghi lược đồ {what} vào {file}.\n", en: "Wrote the schema of {what} to {file}.\n" },
  all: { vi: "mọi mẫu biểu", en: "every form" },
} satisfies Record<string, Localized>;

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command("schema")
    .description(
      "In hoặc ghi lược đồ JSON của một mẫu biểu, gộp thành một tệp (print or write a JSON Schema)",
    )
    .option("--form <id>", "mẫu biểu (mặc định: lược đồ chung cho mọi mẫu)")
    .option("-o, --output <file>", "ghi vào tệp thay vì in ra màn hình")
    .option("--force", "ghi đè nếu tệp đã có")
    .option("--no-editor", "không thêm markdownDescription (chỉ từ khóa chuẩn draft-07)")
    .option(...LANG_OPTION)
    .action((flags: SchemaFlags) => {
      const lang = parseLang(flags.lang);
      if (flags.form !== undefined && !findForm(flags.form)) {
        const known = listForms().map((form) => form.id);
        const suggestion = didYouMean(flags.form, known);
        throw new UsageError(
          localize(text.unknownForm, lang, {
            form: flags.form,
            hint: suggestion ? localize(text.hint, lang, { suggestion }) : "",
            list: known.map((id) => `  - ${id}`).join("\n"),
          }),
        );
      }
      const content = schemaText(flags.form, { editor: flags.editor });
      if (flags.output === undefined || flags.output === "-") {
        io.stdout(content);
        return;
      }
      const path = resolve(flags.output);
      const file = relative(process.cwd(), path) || path;
      try {
        writeFileAtomic(path, content, { overwrite: flags.force === true });
      } catch (error) {
        if (error instanceof FileExistsError) throw new UsageError(localize(text.exists, lang, { file }));
        throw new UsageError(`${file}: ${(error as Error).message}`);
      }
      io.stderr(localize(text.written, lang, { what: flags.form ?? localize(text.all, lang), file }));
    });
}
