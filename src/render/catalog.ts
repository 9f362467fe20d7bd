/**
 * "Danh mục vị trí việc làm" of a folder, drawn like Thông tư 02/2023/TT-VPCP Phụ lục I: STT, the position's
 * name, its grade (or professional title and rank), and an "x" per administrative level where the files say
 * so. Positions are grouped by their category when the folder mixes several, as the catalogues of QĐ 4135 do.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { localize, type Lang } from "../i18n/index.js";
import { asArray, isRecord, ownEntry, scalar } from "../model/loose.js";
import type { Position } from "../model/types.js";
import { expandInputs } from "../cli/inputs.js";
import { LAYOUTS_DIR } from "./layouts.js";
import { builtinTemplate, type TemplateFn } from "./templates.js";
import { FONT_BASE_URL, type PdfEngine } from "./pdf.js";
import { wrapDocument } from "./html.js";
import { formatFindings, loadForRender } from "./load.js";
import { writeOutput } from "./output.js";

const LEVELS = [
  { id: "trung-uong", label: "Cấp trung ương" },
  { id: "tinh", label: "Cấp tỉnh" },
  { id: "huyen", label: "Cấp huyện" },
  { id: "xa", label: "Cấp xã" },
] as const;

const CATEGORY_TITLES: Record<string, string> = {
  "lanh-dao-quan-ly": "Vị trí việc làm lãnh đạo, quản lý",
  "tro-ly-thu-ky": "Vị trí việc làm trợ lý, thư ký",
  "nghiep-vu-chuyen-nganh": "Vị trí việc làm nghiệp vụ chuyên ngành",
  "chuyen-mon-dung-chung": "Vị trí việc làm nghiệp vụ chuyên môn dùng chung",
  "ho-tro-phuc-vu": "Vị trí việc làm hỗ trợ, phục vụ",
  "quan-ly": "Vị trí việc làm quản lý",
  "chuyen-mon": "Vị trí việc làm chuyên môn, nghiệp vụ",
  "ho-tro": "Vị trí việc làm hỗ trợ",
};
const CATEGORY_ORDER = Object.keys(CATEGORY_TITLES);
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

export interface CatalogRow {
  stt: string;
  name: string;
  grade: string;
  marks: boolean[];
  file: string;
}

export interface CatalogView {
  title: string;
  subtitle?: string;
  levels: string[];
  gradeLabel: string;
  groups: Array<{ label?: string; rows: CatalogRow[] }>;
  columnCount: number;
}

function gradeText(position: Position): string {
  const grades = [position.grade as unknown]
    .flat()
    .map((grade) => (isRecord(grade) ? scalar(grade.name) : scalar(grade)))
    .filter(Boolean);
  if (grades.length) return grades.join(" hoặc ");
  const title = isRecord(position.professionalTitle) ? position.professionalTitle : undefined;
  if (title)
    return [scalar(title.name), scalar(title.rank) && `hạng ${scalar(title.rank)}`].filter(Boolean).join(" ");
  return "";
}

/** The levels, category and agency a file gives, values of another shape read as absent. */
function catalogFacts(position: Position) {
  return {
    levels: asArray<unknown>(position.adminLevels),
    category: scalar(position.category),
    agency: isRecord(position.header) ? scalar(position.header.agency) : "",
  };
}

/** Pure: the catalogue of the given positions (in the order given, grouped by category when mixed). */
export function buildCatalogView(entries: ReadonlyArray<{ file: string; position: Position }>): CatalogView {
  const facts = new Map(entries.map((entry) => [entry, catalogFacts(entry.position)]));
  const factsOf = (entry: (typeof entries)[number]) => facts.get(entry)!;
  const used = LEVELS.filter((level) => entries.some((entry) => factsOf(entry).levels.includes(level.id)));
  const categories = [...new Set(entries.map((entry) => factsOf(entry).category))];
  const grouped = categories.length > 1;
  const order = (category: string) => {
    const index = CATEGORY_ORDER.indexOf(category);
    return index === -1 ? CATEGORY_ORDER.length : index;
  };
  const groups = grouped
    ? [...categories]
        .sort((a, b) => order(a) - order(b))
        .map((category, index) => ({
          label: `${ROMAN[index] ?? index + 1}. ${ownEntry(CATEGORY_TITLES, category) ?? "Vị trí việc làm khác"}`,
          entries: entries.filter((entry) => factsOf(entry).category === category),
        }))
    : [{ label: undefined, entries: [...entries] }];
  const viewGroups = groups.map((group) => ({
    label: group.label,
    rows: group.entries.map((entry, index) => ({
      stt: `${index + 1}.`,
      name: scalar(entry.position.name),
      grade: gradeText(entry.position),
      marks: used.map((level) => factsOf(entry).levels.includes(level.id)),
      file: entry.file,
    })),
  }));
  const agencies = [...new Set(entries.map((entry) => factsOf(entry).agency).filter(Boolean))];
  const vienChuc = entries.every(
    (entry) => !entry.position.grade && isRecord(entry.position.professionalTitle),
  );
  return {
    title: "DANH MỤC VỊ TRÍ VIỆC LÀM",
    subtitle: agencies.length === 1 ? agencies[0] : undefined,
    levels: used.map((level) => level.label),
    gradeLabel: vienChuc ? "Chức danh nghề nghiệp tương ứng" : "Tương ứng ngạch công chức",
    groups: viewGroups,
    columnCount: 3 + used.length,
  };
}

let catalogTemplate: TemplateFn | undefined;

export function renderCatalogBody(view: CatalogView): string {
  catalogTemplate ??= builtinTemplate(`${LAYOUTS_DIR}catalog/catalog.hbs`);
  return catalogTemplate(view);
}

export interface CatalogOptions {
  force: boolean;
  lang: Lang;
  log: (text: string) => void;
  startEngine: () => Promise<PdfEngine>;
}

export async function renderCatalog(
  directory: string,
  outputs: Partial<Record<"pdf" | "html", string>>,
  options: CatalogOptions,
): Promise<{ count: number; failed: number; written: string[] }> {
  const files = expandInputs([directory]);
  const entries: Array<{ file: string; position: Position }> = [];
  let failed = 0;
  for (const file of files) {
    const loaded = loadForRender(file, readFileSync(file), options.lang);
    if (!loaded.ok) {
      failed++;
      options.log(
        `${localize({ vi: "Bỏ qua (không đọc được):", en: "Skipped (unreadable):" }, options.lang)}\n${formatFindings(loaded.errors).join("\n")}`,
      );
      continue;
    }
    entries.push({ file: relative(directory, file), position: loaded.position });
  }
  const view = buildCatalogView(entries);
  const body = renderCatalogBody(view);
  const css = readFileSync(`${LAYOUTS_DIR}print.css`, "utf8");
  const parts = { title: view.title, body, css, layout: "catalog" };
  const written: string[] = [];
  if (outputs.html) {
    writeOutput(outputs.html, wrapDocument(parts, { kind: "inline", text: body }), options.force);
    written.push(outputs.html);
  }
  if (outputs.pdf) {
    const engine = await options.startEngine();
    const result = await engine.render(wrapDocument(parts, { kind: "url", baseUrl: FONT_BASE_URL }));
    writeOutput(outputs.pdf, result.pdf, options.force);
    written.push(outputs.pdf);
  }
  return { count: entries.length, failed, written };
}
