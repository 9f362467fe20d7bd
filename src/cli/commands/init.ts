import { statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { localize, type Localized } from "../../i18n/index.js";
import { DestinationError, makeDirectory, shown } from "../../util/destination.js";
import { resolveTemplate } from "../../scaffold/catalog.js";
import {
  applyPlan,
  DEFAULT_SAMPLE_TEMPLATE,
  hasPositions,
  planRepository,
  type FilePart,
  type Outcome,
} from "../../scaffold/init.js";
import { UsageError } from "../errors.js";
import { LANG_OPTION, parseLang } from "../options.js";
import type { CliIo } from "../main.js";

interface InitFlags {
  template?: string;
  agency?: string;
  unit?: string;
  positions: string;
  sample: boolean;
  github: boolean;
  gitlab: boolean;
  vscode: boolean;
  force?: boolean;
  lang: string;
}

const text = {
  notDirectory: {
    vi: '"{dir}" đã có và không phải là thư mục. Hãy chọn một thư mục khác cho vtvl init.',
    en: '"{dir}" exists and is not a directory. Choose another folder for vtvl init.',
  },
  emptyDir: {
    vi: 'Đường dẫn thư mục đang trống (""). Hãy ghi tên thư mục, ví dụ `vtvl init kho-vtvl`, hoặc `vtvl init .` cho thư mục hiện tại.',
    en: 'The folder path is empty (""). Name a folder, for example `vtvl init kho-vtvl`, or `vtvl init .` for the current folder.',
  },
  cannotCreate: { vi: "Không tạo được thư mục", en: "Cannot create the folder" },
  badTemplate: {
    vi: 'Không tìm được một mẫu duy nhất cho "{query}". Xem các mẫu bằng `vtvl new --list`.',
    en: 'No single template matches "{query}". See them with `vtvl new --list`.',
  },
  badPositions: {
    vi: '--positions phải là một thư mục con, ví dụ "positions", không phải "{value}".',
    en: '--positions must be a subfolder such as "positions", not "{value}".',
  },
  heading: {
    vi: "Kho bản mô tả vị trí việc làm tại {dir}:\n",
    en: "Repository of position descriptions in {dir}:\n",
  },
  skipped: {
    vi: "{count} tệp đã có và khác với bản vtvl sẽ ghi: giữ nguyên. Dùng --force để ghi đè.\n",
    en: "{count} files exist and differ from what vtvl would write: kept. Use --force to overwrite.\n",
  },
  hasPositions: {
    vi: "{positions}/ đã có bản mô tả: không tạo bản mẫu.\n",
    en: "{positions}/ already holds descriptions: no sample created.\n",
  },
  enter: { vi: "  0. Vào thư mục: cd {dir}\n", en: "  0. Go to the folder: cd {dir}\n" },
  next: {
    vi: "Bước tiếp theo:\n{enter}  1. Tạo bản mô tả: vtvl new\n  2. Kiểm tra: vtvl lint {positions}/\n  3. In: vtvl render {positions}/ --out out/ --format pdf\n  4. Đưa lên git: các tệp .github/workflows/vtvl.yml, .gitlab-ci.yml chạy kiểm tra và in tự động.\n",
    en: "Next steps:\n{enter}  1. Create a description: vtvl new\n  2. Check: vtvl lint {positions}/\n  3. Print: vtvl render {positions}/ --out out/ --format pdf\n  4. Commit: .github/workflows/vtvl.yml and .gitlab-ci.yml check and print on every push.\n",
  },
} satisfies Record<string, Localized>;

const OUTCOME_LABELS: Record<Outcome, Localized> = {
  created: { vi: "tạo mới", en: "created" },
  updated: { vi: "cập nhật", en: "updated" },
  unchanged: { vi: "không đổi", en: "unchanged" },
  overwritten: { vi: "ghi đè", en: "overwritten" },
  "kept-edited": { vi: "giữ nguyên (đã sửa tay)", en: "kept (edited by hand)" },
  "kept-existing": { vi: "giữ nguyên (đã có)", en: "kept (already there)" },
};

/** Whether `path` exists and is not a folder (a path through a file is left to makeDirectory to report). */
function isNonDirectory(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function registerInit(program: Command, io: CliIo): void {
  program
    .command("init")
    .description("Tạo kho bản mô tả cho cơ quan: cấu hình, mẫu, CI, trình soạn thảo (set up a repository)")
    .argument("[dir]", "thư mục của kho (mặc định: thư mục hiện tại)", ".")
    .option("-t, --template <id>", `mẫu của bản mô tả đầu tiên (mặc định: ${DEFAULT_SAMPLE_TEMPLATE})`)
    .option("--agency <name>", "tên cơ quan (ghi vào bản mô tả đầu tiên)")
    .option("--unit <name>", "tên tổ chức, đơn vị trực thuộc")
    .option("--positions <dir>", "thư mục chứa các bản mô tả", "positions")
    .option("--no-sample", "không tạo bản mô tả đầu tiên")
    .option("--no-github", "không tạo .github/workflows/vtvl.yml")
    .option("--no-gitlab", "không tạo .gitlab-ci.yml")
    .option("--no-vscode", "không tạo .vscode/")
    .option("--force", "ghi đè cả các tệp đã sửa tay")
    .option(...LANG_OPTION)
    .action((dir: string, flags: InitFlags) => {
      const lang = parseLang(flags.lang);
      if (dir === "") throw new UsageError(localize(text.emptyDir, lang));
      const root = resolve(dir);
      if (isNonDirectory(root)) throw new UsageError(localize(text.notDirectory, lang, { dir: shown(dir) }));
      const positions = flags.positions.replace(/\\/g, "/").replace(/\/+$/, "");
      if (!positions || positions.startsWith("/") || positions.split("/").includes(".."))
        throw new UsageError(localize(text.badPositions, lang, { value: shown(flags.positions) }));
      if (flags.template !== undefined && !("found" in resolveTemplate(flags.template)))
        throw new UsageError(localize(text.badTemplate, lang, { query: shown(flags.template) }));
      try {
        // One level at a time: fails at once where a file is in the way, or under /proc, where Node's
        // recursive mkdir would loop forever.
        makeDirectory(root);
      } catch (error) {
        throw new UsageError(DestinationError.from(dir, error).describe(lang, text.cannotCreate));
      }
      const sampleSkipped = flags.sample && hasPositions(join(root, positions));
      const parts: Partial<Record<FilePart, boolean>> = {
        sample: flags.sample,
        github: flags.github,
        gitlab: flags.gitlab,
        vscode: flags.vscode,
      };
      const planned = planRepository(root, {
        positionsDir: positions,
        sampleTemplate: flags.template,
        answers: { agency: flags.agency, unit: flags.unit },
        parts,
      });
      let outcomes;
      try {
        outcomes = applyPlan(root, planned, { force: flags.force === true });
      } catch (error) {
        if (error instanceof DestinationError) throw new UsageError(error.describe(lang));
        throw error;
      }
      const shownDir = relative(process.cwd(), root) || ".";
      const width = Math.max(...Object.values(OUTCOME_LABELS).map((label) => localize(label, lang).length));
      const lines = [localize(text.heading, lang, { dir: shownDir })];
      for (const { path, outcome } of outcomes)
        lines.push(`  ${localize(OUTCOME_LABELS[outcome], lang).padEnd(width)}  ${path}\n`);
      const kept = outcomes.filter(
        (entry) => entry.outcome === "kept-edited" || entry.outcome === "kept-existing",
      );
      if (sampleSkipped) lines.push(localize(text.hasPositions, lang, { positions }));
      if (kept.length) lines.push(localize(text.skipped, lang, { count: kept.length }));
      const enter = shownDir === "." ? "" : localize(text.enter, lang, { dir: shownDir });
      lines.push(localize(text.next, lang, { enter, positions }));
      io.stdout(lines.join(""));
    });
}
