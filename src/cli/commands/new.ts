import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { localize, type Lang, type Localized } from "../../i18n/index.js";
import { findForm } from "../../model/forms.js";
import { listTemplates, resolveTemplate, type TemplateEntry } from "../../scaffold/catalog.js";
import type { Answers } from "../../scaffold/create.js";
import { FileExistsError, writeFileAtomic } from "../../util/write-file.js";
import { DestinationError, makeDirectory, shown } from "../../util/destination.js";
import { scaffoldPosition, type Scaffolded } from "../../scaffold/new.js";
import type { SchemaRefMode } from "../../scaffold/schema-ref.js";
import { UsageError } from "../errors.js";
import { LANG_OPTION, parseLang } from "../options.js";
import type { CliIo } from "../main.js";

interface NewFlags {
  template?: string;
  agency?: string;
  unit?: string;
  code?: string;
  startDate?: string;
  yes?: boolean;
  output?: string;
  force?: boolean;
  list?: boolean;
  json?: boolean;
  schema: string;
  lang: string;
}

const EXIT_CANCELLED = 130;

const text = {
  needTemplate: {
    vi: "Cần chọn mẫu: --template <mã mẫu hoặc một phần tên>. Xem các mẫu bằng `vtvl new --list`.",
    en: "Choose a template: --template <template id or part of its name>. See them with `vtvl new --list`.",
  },
  noMatch: {
    vi: 'Không có mẫu nào khớp "{query}". Xem các mẫu bằng `vtvl new --list`.',
    en: 'No template matches "{query}". See them with `vtvl new --list`.',
  },
  ambiguous: {
    vi: '"{query}" khớp {count} mẫu; hãy ghi mã mẫu:\n{list}',
    en: '"{query}" matches {count} templates; give the template id:\n{list}',
  },
  exists: {
    vi: "Tệp {file} đã có; vtvl không ghi đè. Dùng -o để chọn tên khác, hoặc --force để ghi đè.",
    en: "{file} already exists; vtvl does not overwrite it. Choose another name with -o, or overwrite with --force.",
  },
  emptyOutput: {
    vi: "-o cần một tên tệp hoặc thư mục, không được để trống (hoặc - để in ra màn hình).",
    en: "-o needs a file or folder name; it cannot be empty (or - to print to the screen).",
  },
  badSchema: {
    vi: '--schema phải là auto, package hoặc url, không phải "{value}".',
    en: '--schema must be auto, package or url, not "{value}".',
  },
  cancelled: { vi: "Đã huỷ; không tạo tệp nào.\n", en: "Cancelled; no file written.\n" },
  created: {
    vi: 'Đã tạo {file} từ mẫu "{id}" ({source}).\n',
    en: 'Created {file} from template "{id}" ({source}).\n',
  },
  blanks: {
    vi: "Còn {count} chỗ cần bổ sung (vtvl lint cảnh báo đến khi điền xong):\n",
    en: "{count} places still to fill (vtvl lint warns until they are filled):\n",
  },
  blankAt: { vi: "  - dòng {line} ({path}): {what}\n", en: "  - line {line} ({path}): {what}\n" },
  empty: { vi: "  - {field}: để trống (null)\n", en: "  - {field}: empty (null)\n" },
  ignored: {
    vi: "Mẫu này in như một phụ lục, không có phần tên cơ quan ở đầu trang: bỏ qua {flags}. Ghi tên cơ quan trong tên phụ lục (appendix.title).\n",
    en: "This form is printed as an appendix, without an agency header: {flags} ignored. Name the agency in the appendix title (appendix.title).\n",
  },
  templateErrors: {
    vi: "Lưu ý: mẫu này còn {count} lỗi theo vtvl lint; xin báo cho người bảo trì vtvl.\n",
    en: "Note: this template has {count} lint errors; please report it to the vtvl maintainers.\n",
  },
  next: {
    vi: "Bước tiếp theo:\n  1. Sửa tệp (trình soạn thảo có tiện ích YAML sẽ gợi ý trường và kiểm tra khi gõ): {file}\n  2. Kiểm tra: vtvl lint {file}\n  3. In ra PDF: vtvl render {file} --format pdf\n",
    en: "Next steps:\n  1. Edit the file (an editor with a YAML extension suggests fields and checks as you type): {file}\n  2. Check it: vtvl lint {file}\n  3. Print it to PDF: vtvl render {file} --format pdf\n",
  },
  listHeader: { vi: "{count} mẫu vị trí việc làm:\n", en: "{count} position templates:\n" },
  listFooter: {
    vi: "\nTạo một bản mô tả: vtvl new --template <mã mẫu> (hoặc chỉ vtvl new để chọn bằng cách gõ tên).\n",
    en: "\nCreate a description: vtvl new --template <id> (or just vtvl new to pick by typing its name).\n",
  },
} satisfies Record<string, Localized>;

function pick(query: string, lang: Lang): TemplateEntry {
  const resolved = resolveTemplate(query);
  if ("found" in resolved) return resolved.found;
  if (!resolved.candidates.length)
    throw new UsageError(localize(text.noMatch, lang, { query: shown(query) }));
  const list = resolved.candidates
    .slice(0, 15)
    .map((entry) => `  ${entry.id}  (${entry.name})`)
    .join("\n");
  throw new UsageError(
    localize(text.ambiguous, lang, { query: shown(query), count: resolved.candidates.length, list }),
  );
}

export function formatTemplateList(entries: readonly TemplateEntry[], lang: Lang): string {
  const idWidth = Math.max(...entries.map((entry) => entry.id.length));
  const lines = [localize(text.listHeader, lang, { count: entries.length })];
  let currentForm = "";
  for (const entry of entries) {
    if (entry.form !== currentForm) {
      currentForm = entry.form;
      const form = findForm(entry.form);
      lines.push(`\n${form?.title ?? entry.form} (form: ${entry.form}, regime: ${entry.regime})\n`);
    }
    const grade = entry.grade && !entry.name.includes(entry.grade) ? `  [${entry.grade}]` : "";
    lines.push(`  ${entry.id.padEnd(idWidth)}  ${entry.name}${grade}\n`);
  }
  lines.push(localize(text.listFooter, lang));
  return lines.join("");
}

function report(io: CliIo, result: Scaffolded, template: TemplateEntry, cwd: string, lang: Lang): void {
  const file = relative(cwd, result.path) || result.path;
  const shown = /\s/.test(file) ? `"${file}"` : file;
  const lines = [localize(text.created, lang, { file: shown, id: template.id, source: template.source })];
  const count = result.blanks.length + result.emptyFields.length;
  if (count) {
    lines.push(localize(text.blanks, lang, { count }));
    result.blanks.forEach((site, index) =>
      lines.push(
        localize(text.blankAt, lang, {
          line: result.blankLines[index],
          path: site.path.join("."),
          what: site.what,
        }),
      ),
    );
    for (const field of result.emptyFields) lines.push(localize(text.empty, lang, { field }));
  }
  if (result.ignored.length)
    lines.push(
      localize(text.ignored, lang, {
        flags: result.ignored.map((key) => (key === "agency" ? "--agency" : "--unit")).join(", "),
      }),
    );
  const errors = result.findings.filter((finding) => finding.severity === "error").length;
  if (errors) lines.push(localize(text.templateErrors, lang, { count: errors }));
  lines.push(localize(text.next, lang, { file: shown }));
  io.stdout(lines.join(""));
}

export function registerNew(program: Command, io: CliIo): void {
  program
    .command("new")
    .description("Tạo bản mô tả mới từ mẫu của thông tư, quyết định (create a description from a template)")
    .option("-t, --template <id>", "mã mẫu, hoặc một phần tên vị trí (có dấu hoặc không)")
    .option("--agency <name>", "tên cơ quan")
    .option("--unit <name>", "tên tổ chức, đơn vị trực thuộc")
    .option("--code <code>", "mã vị trí việc làm")
    .option("--start-date <date>", "ngày bắt đầu thực hiện (YYYY-MM-DD, hoặc cách tính ngày)")
    .option("-y, --yes", "không hỏi: dùng các cờ và để trống phần còn lại")
    .option(
      "-o, --output <file>",
      "tệp sẽ ghi, hoặc thư mục (mặc định: tên vị trí không dấu); - để in ra màn hình",
    )
    .option("--force", "ghi đè nếu tệp đã có")
    .option("--list", "liệt kê các mẫu")
    .option("--json", "với --list: in dạng JSON")
    .option(
      "--schema <where>",
      "dòng $schema trỏ tới: auto (bản sao trong kho, nếu không thì gói đã cài) | package | url",
      "auto",
    )
    .option(...LANG_OPTION)
    .action(async (flags: NewFlags) => {
      const lang = parseLang(flags.lang);
      if (flags.list) {
        const entries = listTemplates();
        io.stdout(flags.json ? `${JSON.stringify(entries, null, 2)}\n` : formatTemplateList(entries, lang));
        return;
      }
      if (!["auto", "package", "url"].includes(flags.schema))
        throw new UsageError(localize(text.badSchema, lang, { value: shown(flags.schema) }));
      if (flags.output === "") throw new UsageError(localize(text.emptyOutput, lang));
      const answers: Answers = {
        agency: flags.agency,
        unit: flags.unit,
        code: flags.code,
        startDate: flags.startDate,
      };
      let template = flags.template !== undefined ? pick(flags.template, lang) : undefined;
      const interactive = !flags.yes && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY);
      if (interactive) {
        const { askInteractively } = await import("../../scaffold/prompt.js");
        const result = await askInteractively(
          { input: process.stdin, output: process.stdout, terminal: true },
          listTemplates(),
          { template, answers },
          lang,
        );
        if (!result) {
          io.stderr(localize(text.cancelled, lang));
          io.setExitCode(EXIT_CANCELLED);
          return;
        }
        template = result.template;
        Object.assign(answers, result.answers);
      }
      if (!template) throw new UsageError(localize(text.needTemplate, lang));
      const cwd = process.cwd();
      const result = scaffoldPosition(template, answers, {
        output: flags.output,
        cwd,
        schema: flags.schema as SchemaRefMode,
      });
      if (flags.output === "-") {
        io.stdout(result.text);
        return;
      }
      const file = relative(cwd, result.path) || result.path;
      try {
        makeDirectory(dirname(result.path));
        writeFileAtomic(result.path, result.text, { overwrite: flags.force === true });
      } catch (error) {
        if (error instanceof FileExistsError)
          throw new UsageError(localize(text.exists, lang, { file: shown(file) }));
        // The path as the user wrote it (-o), never the temporary file beside it.
        const given =
          flags.output !== undefined && resolve(cwd, flags.output) === result.path ? flags.output : file;
        throw new UsageError(DestinationError.from(given, error).describe(lang));
      }
      report(io, result, template, cwd, lang);
    });
}
