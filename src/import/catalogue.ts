/**
 * The catalogue of positions ("Danh mục vị trí việc làm") a decision may print before its descriptions: a
 * table "STT | Tên vị trí việc làm | Tương ứng ngạch công chức [| Cấp trung ương | Cấp tỉnh | Cấp huyện]",
 * with group rows ("I- …", "a- …", "Cấp tỉnh …") in QĐ 4135. Read so that each description can take its
 * grade, group and levels from it, and written out as a file of its own.
 */
import type { Position } from "../model/types.js";
import { cellText, isEmptyCell, type ImportBlock, type ImportTable, type Origin } from "./document.js";
import { APPENDIX_LABEL, ISSUED_WITH, kindOf } from "./split.js";
import { lower } from "./vocabulary.js";

type Category = NonNullable<Position["category"]>;
type AdminLevel = NonNullable<Position["adminLevels"]>[number];

export interface CatalogueEntry {
  stt: string;
  name: string;
  grade: string | null;
  category?: Category;
  adminLevels?: AdminLevel[];
  origin: Origin;
}

export interface Catalogue {
  heading: string[];
  columns: string[];
  entries: CatalogueEntry[];
  origin: Origin;
}

export function categoryOf(text: string): Category | undefined {
  const value = lower(text);
  if (/trợ lý, thư ký/u.test(value) && !/lãnh đạo/u.test(value)) return "tro-ly-thu-ky";
  if (/lãnh đạo, quản lý/u.test(value) && !/trợ lý/u.test(value)) return "lanh-dao-quan-ly";
  if (/(nghiệp vụ|nghề nghiệp) chuyên ngành/u.test(value)) return "nghiep-vu-chuyen-nganh";
  if (/nghiệp vụ chuyên môn|chuyên môn dùng chung/u.test(value)) return "chuyen-mon-dung-chung";
  if (/hỗ trợ, phục vụ/u.test(value)) return "ho-tro-phuc-vu";
  return undefined;
}

function levelOf(text: string): AdminLevel | undefined {
  const value = lower(text);
  if (/^cấp (tổng liên đoàn|trung ương)|^trung ương/u.test(value)) return "trung-uong";
  if (/cấp tỉnh/u.test(value)) return "tinh";
  if (/cấp huyện/u.test(value)) return "huyen";
  if (/cấp xã/u.test(value)) return "xa";
  return undefined;
}

export function readCatalogue(leading: ImportBlock[]): Catalogue | undefined {
  const index = leading.findIndex((block) => kindOf(block) === "catalogue");
  if (index < 0) return undefined;
  const table = leading[index] as ImportTable;
  const heading: string[] = [];
  for (let back = index - 1; back >= 0 && heading.length < 4; back -= 1) {
    const block = leading[back]!;
    if (block.kind !== "paragraph") break;
    heading.unshift(block.text);
    if (APPENDIX_LABEL.test(block.text) || /^DANH MỤC$/u.test(block.text)) break;
  }
  const [header, ...rows] = table.rows;
  const columns = header!.cells.map(cellText);
  const role = (pattern: RegExp) => columns.findIndex((text) => pattern.test(text));
  const nameColumn = role(/^Tên vị trí việc làm$/iu);
  const gradeColumn = role(/ngạch/iu);
  const levelColumns = columns.flatMap((text, column) => {
    const level = /^Cấp /u.test(text) ? levelOf(text) : undefined;
    return level ? [{ column, level }] : [];
  });
  const base = categoryOf(heading.join(" "));
  let category = base;
  let level: AdminLevel | undefined;
  const entries: CatalogueEntry[] = [];
  for (const row of rows) {
    const texts = row.cells.map(cellText);
    const stt = texts[0] ?? "";
    if (!/^\d+\.?$/u.test(stt)) {
      const label = texts.find((text) => text !== "") ?? "";
      if (/^([IVX]+|[a-zđ])[-.)]/u.test(label)) level = undefined;
      category = categoryOf(label) ?? category;
      level = levelOf(label) ?? level;
      continue;
    }
    const name = texts[nameColumn] ?? "";
    if (name === "") continue;
    const marked = levelColumns
      .filter(({ column }) => /^x$/iu.test(texts[column] ?? ""))
      .map((entry) => entry.level);
    const grade = gradeColumn >= 0 && !isEmptyCell(row.cells[gradeColumn]) ? texts[gradeColumn]! : null;
    entries.push({
      stt: stt.replace(/\.$/u, ""),
      name,
      grade,
      ...(category ? { category } : {}),
      ...(marked.length ? { adminLevels: marked } : level ? { adminLevels: [level] } : {}),
      origin: row.origin,
    });
  }
  return { heading, columns, entries, origin: table.origin };
}

const words = (text: string) =>
  new Set(
    lower(text)
      .replace(/[.;:,()]/gu, " ")
      .split(/\s+/u)
      .filter((word) => word !== ""),
  );

/** Dice coefficient of the two names' words: 1 for the same words, 0 for none in common. */
function similarity(left: string, right: string): number {
  const a = words(left);
  const b = words(right);
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / Math.max(1, a.size + b.size);
}

/**
 * The catalogue row of each description. Descriptions follow the catalogue's order, skipping rows that have
 * none (QĐ 4135 has 37 rows and 34 descriptions), and their titles differ from the rows' names ("Trưởng Ban
 * và tương đương thuộc Tổng LĐLĐVN" for "Trưởng ban Tổng Liên đoàn"): each takes the most similar of the next
 * few rows. A description without a name takes the row at its place when there is one row per description.
 */
export function matchCatalogue(
  catalogue: Catalogue,
  names: Array<string | undefined>,
): Array<CatalogueEntry | undefined> {
  const window = Math.max(1, catalogue.entries.length - names.length + 1);
  let from = 0;
  return names.map((name, order) => {
    if (name === undefined) {
      const entry = catalogue.entries.length === names.length ? catalogue.entries[order] : undefined;
      if (entry) from = order + 1;
      return entry;
    }
    let best = -1;
    let bestScore = 0.34;
    for (let at = from; at < Math.min(catalogue.entries.length, from + window + 1); at += 1) {
      const score = similarity(name, catalogue.entries[at]!.name);
      if (score > bestScore) {
        best = at;
        bestScore = score;
      }
    }
    if (best < 0) return undefined;
    from = best + 1;
    return catalogue.entries[best];
  });
}

export { ISSUED_WITH };

/** The catalogue as a data file: its heading lines, columns and rows, each with its source lines. */
export function catalogueData(
  catalogue: Catalogue,
  file: string,
  withLines: boolean,
): Record<string, unknown> {
  return {
    heading: catalogue.heading,
    columns: catalogue.columns,
    source: { file, ...(withLines ? { lines: [catalogue.origin.line, catalogue.origin.endLine] } : {}) },
    positions: catalogue.entries.map((entry) => ({
      stt: entry.stt,
      name: entry.name,
      grade: entry.grade,
      ...(entry.category ? { category: entry.category } : {}),
      ...(entry.adminLevels ? { adminLevels: entry.adminLevels } : {}),
      ...(withLines ? { lines: [entry.origin.line, entry.origin.endLine] } : {}),
    })),
  };
}
