/**
 * Transcribes Quyết định 4135-QĐ/BTCTW (29/01/2019), seed file 001_1e3cb0e3f3dd4d5e.txt, into
 *   - examples/qd-4135-btctw/NN-<name>.yaml: the 34 descriptions, as published, defects included;
 *   - data/catalogs/qd-4135-btctw.yaml: the catalogue of 37 positions with its notes.
 *
 *   npx tsx scripts/transcribe/qd-4135.ts [path/to/001_1e3cb0e3f3dd4d5e.txt] [--check]
 *
 * The source defaults to the copy in test/fixtures/sources/, so a clone reproduces the committed files;
 * `--check` writes nothing and exits 1 when a committed file differs from a fresh run.
 * The cell-per-line export is read with src/import/cell-lines.ts; this script then undoes the extraction
 * artefacts (merged cells printed two or three times, NBSP fillers, footnote digits glued to words, a blank
 * line inside a cell, vertically merged rows) and keeps every published defect. What the text cannot
 * say (which catalogue row a description belongs to, the facts an experience text states, transcription
 * notes) is in the explicit tables `DESCRIPTIONS` and `NOTE_ALIASES` below.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, isMap, isSeq, type Node as YamlNode } from "yaml";
import { readCellLines, type Block } from "../../src/import/cell-lines.js";
import type { CompetencyGroup, ExperienceFacts, Level, Position, Task } from "../../src/model/types.js";
import { layoutSpec, type LayoutSpec, type SectionHeadingKey } from "../../src/render/layout-spec.js";
import { slugify } from "../../src/util/similar.js";

type Row = Extract<Block, { kind: "row" }>;
type Paragraph = Extract<Block, { kind: "paragraph" }>;
type TextValue = string | string[];
type AdminLevel = "trung-uong" | "tinh" | "huyen";
type Category = NonNullable<Position["category"]>;
type Headings = NonNullable<Position["headings"]>;
type Requirements = NonNullable<Position["requirements"]>;
type FormId = "qd-4135-btctw-a" | "qd-4135-btctw-b";

export const SOURCE_FILE = "001_1e3cb0e3f3dd4d5e.txt";
const root = fileURLToPath(new URL("../../", import.meta.url));
const INSTRUMENT = "Quyết định số 4135-QĐ/BTCTW ngày 29/01/2019 của Ban Tổ chức Trung ương";
const EXAMPLES_DIR = "examples/qd-4135-btctw";
const CATALOGUE_FILE = "data/catalogs/qd-4135-btctw.yaml";

/**
 * The forms' own wording: their layouts' (templates/layouts/qd-4135-btctw-{a,b}/layout.yaml). A description's
 * template is known only once it is read (mẫu B has no competency table), so its headings are compared with
 * its template's at the end; both templates print the same title and table headers.
 */
const LAYOUTS: Record<FormId, LayoutSpec> = {
  "qd-4135-btctw-a": layoutSpec("qd-4135-btctw-a"),
  "qd-4135-btctw-b": layoutSpec("qd-4135-btctw-b"),
};
const TITLE = LAYOUTS["qd-4135-btctw-a"].title;
const COLUMNS = LAYOUTS["qd-4135-btctw-a"].columns;
type SectionKey = Exclude<SectionHeadingKey, "workingConditions">;
/** The sections in the order of the forms, for the order of `headings`. */
const SECTIONS: SectionKey[] = [
  "objective",
  "tasks",
  "relations",
  "relationsInternal",
  "relationsExternal",
  "authority",
  "requirements",
  "requirementsQualification",
  "competencies",
];

/** One entry per description, in the order of the document: its catalogue row and what the text states. */
interface DescriptionSpec {
  catalogue: string;
  /** Facts the experience text states (ExperienceFacts); the converter checks the years against the text. */
  experience?: ExperienceFacts;
}

const DESCRIPTIONS: DescriptionSpec[] = [
  {
    catalogue: "I.a.3",
    experience: { minYears: 1, comparator: "at-least", inPosition: "Phó trưởng ban hoặc tương đương" },
  },
  { catalogue: "I.a.4", experience: { qualitative: true } },
  {
    catalogue: "I.a.5",
    experience: {
      minYears: 1,
      comparator: "at-least",
      inPosition: "Phó Văn phòng Tổng Liên đoàn hoặc tương đương",
    },
  },
  {
    catalogue: "I.a.6",
    experience: { minYears: 1, comparator: "at-least", inPosition: "Trưởng Phòng hoặc tương đương" },
  },
  {
    catalogue: "I.a.7",
    experience: { minYears: 1, comparator: "at-least", inPosition: "phó trưởng phòng hoặc tương đương" },
  },
  { catalogue: "I.a.8", experience: { qualitative: true } },
  {
    catalogue: "I.a.9",
    experience: { minYears: 1, comparator: "at-least", inPosition: "Phó Chủ tịch hoặc tương đương" },
  },
  {
    catalogue: "I.a.10",
    experience: { minYears: 1, comparator: "at-least", inPosition: "Trưởng Ban hoặc tương đương" },
  },
  { catalogue: "I.a.12", experience: { minYears: 3, consecutive: true } },
  {
    catalogue: "I.a.13",
    experience: { minYears: 1, comparator: "at-least", inPosition: "Phó Văn phòng hoặc tương đương" },
  },
  { catalogue: "I.a.14", experience: { minYears: 3, consecutive: true } },
  {
    catalogue: "I.a.15",
    experience: {
      minYears: 1,
      comparator: "at-least",
      inPosition: "Phó Chủ tịch LĐLĐ huyện hoặc tương đương",
    },
  },
  { catalogue: "I.a.16", experience: { minYears: 3, consecutive: true } },
  { catalogue: "I.b.1", experience: { minYears: 5, comparator: "more-than", inField: "ngành" } },
  { catalogue: "II.1", experience: { qualitative: true } },
  {
    catalogue: "II.2",
    experience: { minYears: 3, comparator: "at-least", inField: "công đoàn hoặc lĩnh vực khác có liên quan" },
  },
  { catalogue: "II.3", experience: { minYears: 1, comparator: "at-least" } },
  {
    catalogue: "III.1",
    experience: { minYears: 3, comparator: "at-least", inField: "công đoàn hoặc lĩnh vực khác có liên quan" },
  },
  { catalogue: "III.2", experience: { minYears: 1, comparator: "at-least" } },
  { catalogue: "III.3", experience: { qualitative: true } },
  { catalogue: "III.4", experience: { minYears: 3, comparator: "at-least", inField: "tài chính" } },
  { catalogue: "III.5", experience: { minYears: 1, comparator: "at-least" } },
  {
    catalogue: "III.6",
    experience: { minYears: 3, comparator: "at-least", inField: "tổ chức - cán bộ hoặc phát triển nhân lực" },
  },
  {
    catalogue: "III.7",
    experience: {
      minYears: 1,
      comparator: "at-least",
      inField: "tổ chức xây dựng Đảng hoặc quản lý, phát triển nhân lực",
    },
  },
  {
    catalogue: "III.8",
    experience: { minYears: 3, comparator: "at-least", inField: "công tác đối ngoại và hợp tác quốc tế" },
  },
  {
    catalogue: "III.9",
    experience: { minYears: 1, comparator: "at-least", inField: "đối ngoại và hợp tác quốc tế" },
  },
  {
    catalogue: "III.10",
    experience: { minYears: 1, comparator: "at-least", inField: "công nghệ thông tin" },
  },
  {
    catalogue: "III.11",
    experience: { minYears: 1, comparator: "at-least", inField: "quản trị, hành chính, tiếp tân" },
  },
  { catalogue: "III.12", experience: { minYears: 2, comparator: "at-least", inField: "kế toán" } },
  { catalogue: "III.13", experience: { minYears: 2, comparator: "at-least", inField: "tài chính, kế toán" } },
  { catalogue: "IV.1", experience: { minYears: 1, comparator: "at-least", inField: "quỹ hoặc kế toán" } },
  { catalogue: "IV.2", experience: { minYears: 1, comparator: "at-least", inField: "văn thư hành chính" } },
  // Lễ tân - Phục vụ: the experience cell holds a lone bullet.
  { catalogue: "IV.3" },
  // Lái xe: "ít nhất 1 hoặc 2 năm" is ambiguous; the lower bound is what the text guarantees.
  { catalogue: "IV.4", experience: { minYears: 1, comparator: "at-least" } },
];

/** Names the catalogue's notes and experience texts use for a catalogue row, when they differ from it. */
const NOTE_ALIASES: Array<{ name: string; catalogue: string; line: number; where: "note" | "experience" }> = [
  { name: "Chuyên viên về Tài chính", catalogue: "III.5", line: 231, where: "note" },
  { name: "Chuyên viên về Tài chính", catalogue: "III.5", line: 232, where: "note" },
  { name: "Phó Văn phòng Tổng Liên đoàn", catalogue: "I.a.6", line: 930, where: "experience" },
  { name: "Phó Văn phòng", catalogue: "I.a.14", line: 2680, where: "experience" },
  // Phó Chủ tịch LĐLĐ tỉnh requires a year as "Trưởng Ban", the one catalogue row without a description.
  { name: "Trưởng Ban", catalogue: "I.a.11", line: 2167, where: "experience" },
];

const CATEGORY_BY_GROUP: Record<string, Category> = {
  "I.a": "lanh-dao-quan-ly",
  "I.b": "tro-ly-thu-ky",
  II: "nghiep-vu-chuyen-nganh",
  III: "chuyen-mon-dung-chung",
  IV: "ho-tro-phuc-vu",
};

const GRADE_CODES: Record<string, string> = {
  "Chuyên viên cao cấp": "01.001",
  "Chuyên viên chính": "01.002",
  "Chuyên viên": "01.003",
};

// ---------------------------------------------------------------------------------------------- text

/** The items of a cell, one per printed line: bullet glyphs dropped, numbering ("1.", "1-") kept. */
export function cellItems(text: string): string[] {
  return text
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/^[•+-](?!-)\s*/u, "")
        .trim(),
    )
    .filter((line) => line !== "");
}

/** A cell as a string (one item) or a list (several); undefined when the cell is empty. */
function cellValue(text: string): TextValue | undefined {
  const list = cellItems(text);
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : list;
}

function appendValue(value: TextValue | undefined, more: TextValue | undefined): TextValue | undefined {
  if (more === undefined) return value;
  if (value === undefined) return more;
  return [...(Array.isArray(value) ? value : [value]), ...(Array.isArray(more) ? more : [more])];
}

/** Drops the cells a horizontal merge printed again next to the original. */
function mergedCells(row: Row): string[] {
  const texts = row.cells.map((cell) => cell.text);
  return texts.filter((text, index) => index === 0 || text === "" || text !== texts[index - 1]);
}

class TranscriptionError extends Error {}

function fail(line: number, message: string): never {
  throw new TranscriptionError(`${SOURCE_FILE}:${line}: ${message}`);
}

// ------------------------------------------------------------------------------------------ catalogue

interface CatalogueGroup {
  id: string;
  label: string;
  line: number;
  category?: Category;
  subgroups?: CatalogueGroup[];
}

interface CatalogueLevel {
  id: AdminLevel;
  label: string;
  line: number;
}

interface CatalogueRow {
  id: string;
  group: string;
  subgroup?: string;
  level?: AdminLevel;
  tt: string;
  name: string;
  grade: string | null;
  lines: [number, number];
}

interface CatalogueNote {
  line: number;
  text: string;
  adminLevel?: AdminLevel;
  positions?: string[];
  groups?: string[];
}

interface Catalogue {
  groups: CatalogueGroup[];
  levels: CatalogueLevel[];
  rows: CatalogueRow[];
  notes: CatalogueNote[];
  positionsLine: Paragraph;
  descriptionsLine: Paragraph;
  articleLine: Paragraph;
  heading: Paragraph[];
  footnote: Paragraph;
}

function levelOf(label: string): AdminLevel | undefined {
  if (/^Cấp Tổng Liên đoàn/u.test(label)) return "trung-uong";
  if (/cấp tỉnh/u.test(label)) return "tinh";
  if (/cấp huyện/u.test(label)) return "huyen";
  return undefined;
}

function readCatalogue(blocks: Block[]): Catalogue {
  const start = blocks.findIndex(
    (block) => block.kind === "paragraph" && block.text === "1. Danh mục vị trí việc làm",
  );
  if (start < 0) fail(1, 'catalogue heading "1. Danh mục vị trí việc làm" not found');
  const articleLine =
    blocks.find(
      (block): block is Paragraph =>
        block.kind === "paragraph" && /^\(Danh mục \d+ vị trí việc làm và \d+ bản mô tả/u.test(block.text),
    ) ?? fail(1, "Điều 1 count of positions and descriptions not found");
  const heading = blocks
    .slice(start - 3, start)
    .filter((block): block is Paragraph => block.kind === "paragraph");
  const groups: CatalogueGroup[] = [];
  const levels: CatalogueLevel[] = [];
  const rows: CatalogueRow[] = [];
  let group: CatalogueGroup | undefined;
  let subgroup: CatalogueGroup | undefined;
  let level: AdminLevel | undefined;
  let index = start + 1;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind !== "row") break;
    const texts = block.cells.map((cell) => cell.text);
    if (texts[0] === "TT") continue;
    if (texts.length !== 3) fail(block.line, `catalogue row with ${texts.length} cells`);
    const [first, second, third] = texts as [string, string, string];
    if (first === second) {
      const roman = /^(I|II|III|IV)- /u.exec(first);
      const letter = /^([ab])- /u.exec(first);
      if (roman) {
        group = { id: roman[1]!, label: first, line: block.line };
        if (CATEGORY_BY_GROUP[group.id]) group.category = CATEGORY_BY_GROUP[group.id];
        groups.push(group);
        subgroup = undefined;
        level = undefined;
      } else if (letter && group) {
        subgroup = {
          id: `${group.id}.${letter[1]}`,
          label: first,
          line: block.line,
          category: CATEGORY_BY_GROUP[`${group.id}.${letter[1]}`]!,
        };
        (group.subgroups ??= []).push(subgroup);
        level = undefined;
      } else {
        level = levelOf(first) ?? fail(block.line, `unknown catalogue heading "${first}"`);
        levels.push({ id: level, label: first, line: block.line });
      }
      continue;
    }
    if (!/^\d+$/.test(first) || !group) fail(block.line, `unexpected catalogue row "${first}"`);
    const owner = subgroup ?? group;
    rows.push({
      id: `${owner.id}.${first}`,
      group: group.id,
      ...(subgroup ? { subgroup: subgroup.id } : {}),
      ...(level ? { level } : {}),
      tt: first,
      name: second,
      grade: third === "" ? null : third,
      lines: [block.line, block.endLine],
    });
  }
  const paragraphs = blocks.slice(index).filter((block): block is Paragraph => block.kind === "paragraph");
  const find = (pattern: RegExp) =>
    paragraphs.find((paragraph) => pattern.test(paragraph.text)) ??
    fail(1, `catalogue line ${pattern} not found`);
  const positionsLine = find(/^Số vị trí việc làm: /u);
  const descriptionsLine = find(/^2\. Các bản mô tả vị trí việc làm/u);
  const footnote = find(/^\[1\] /u);
  const noteStart = paragraphs.findIndex((paragraph) => paragraph.text === "Ghi chú:");
  const notes: CatalogueNote[] = [];
  for (const paragraph of paragraphs.slice(noteStart + 1, noteStart + 4)) {
    const text = paragraph.text.replace(/^- /u, "");
    const note: CatalogueNote = { line: paragraph.line, text };
    const listed = /nhóm nghiệp vụ chuyên ngành thuộc (cấp tỉnh|cấp huyện) và tương đương gồm: (.*)$/u.exec(
      text,
    );
    if (listed) {
      note.adminLevel = levelOf(listed[1]!)!;
      note.positions = listed[2]!
        .split(/\s*\d+\.\s+/u)
        .map((name) => name.replace(/[;.\s]+$/u, ""))
        .filter((name) => name !== "")
        .map((name) => {
          const alias = NOTE_ALIASES.find((entry) => entry.name === name && entry.line === paragraph.line);
          const row = alias
            ? rows.find((entry) => entry.id === alias.catalogue)
            : rows.find((entry) => entry.name.toLowerCase() === name.toLowerCase());
          return row?.id ?? fail(paragraph.line, `note names "${name}", which is not in the catalogue`);
        });
    } else if (/nhóm nghiệp vụ chuyên môn và nhóm hỗ trợ, phục vụ/u.test(text)) {
      note.groups = ["III", "IV"];
    }
    notes.push(note);
  }
  return { groups, levels, rows, notes, positionsLine, descriptionsLine, articleLine, heading, footnote };
}

/** The grade as the catalogue prints it ("------------" included), with its code when GUIDE §d.4 knows it. */
function gradeOf(row: CatalogueRow): { name: string; code?: string } | null {
  if (row.grade === null) return null;
  const code = GRADE_CODES[row.grade];
  return code ? { name: row.grade, code } : { name: row.grade };
}

/** Where the catalogue says a position is used: its level row, and the Ghi chú for tỉnh / huyện. */
function adminLevelsOf(row: CatalogueRow, catalogue: Catalogue): AdminLevel[] {
  if (row.level) return [row.level];
  const levels: AdminLevel[] = ["trung-uong"];
  for (const note of catalogue.notes) {
    if (note.adminLevel && note.positions?.includes(row.id)) levels.push(note.adminLevel);
  }
  return levels;
}

// ---------------------------------------------------------------------------------------- description

interface Described {
  index: number;
  spec: DescriptionSpec;
  row: CatalogueRow;
  form: FormId;
  position: Position;
  lines: [number, number];
  /** Line of the "Tên VTVL" field. */
  nameLine: number;
}

const HEADING_PATTERNS: Array<[SectionKey | "relationsPart", RegExp]> = [
  ["objective", /^1\s*[-.]\s*Mục tiêu vị trí việc làm/u],
  ["tasks", /^2\s*[-.]\s*(?:Các )?công việc và tiêu chí đánh giá$/iu],
  ["relations", /^3\s*[-.]\s*Các mối quan hệ/u],
  ["relationsPart", /^3\.[12]\s*[-.]\s*Bên (?:trong|ngoài)$/u],
  ["authority", /^4\s*[-.]\s*Phạm vi quyền hạn$/u],
  ["requirementsQualification", /^5\.1\s*[-.]\s*Yêu cầu về trình độ$/u],
  ["competencies", /^5\.2\s*[-.]\s*Các năng lực$/u],
  ["requirements", /^5\s*[-.]\s*Các yêu cầu/u],
];

function headingOf(paragraph: Paragraph): (typeof HEADING_PATTERNS)[number][0] | undefined {
  return HEADING_PATTERNS.find(([, pattern]) => pattern.test(paragraph.text))?.[0];
}

const REQUIREMENT_ROWS: Record<string, { key: Exclude<keyof Requirements, "preamble">; standard: boolean }> =
  {
    "Trình độ đào tạo": { key: "education", standard: true },
    "Trình độ chuyên môn": { key: "education", standard: false },
    "Bồi dưỡng, chứng chỉ": { key: "training", standard: true },
    "Bồi dưỡng chứng chỉ": { key: "training", standard: false },
    "Kiến thức, hiểu biết": { key: "knowledge", standard: true },
    "Kiến thức bổ trợ": { key: "knowledge", standard: false },
    "Kỹ năng": { key: "skills", standard: true },
    "Kinh nghiệm (thành tích công tác)": { key: "experience", standard: true },
    "Kinh nghiệm": { key: "experience", standard: false },
    "Phẩm chất cá nhân": { key: "qualities", standard: true },
    "Các yêu cầu khác": { key: "other", standard: true },
  };

const COMPETENCY_GROUPS: Array<[RegExp, CompetencyGroup["group"]]> = [
  [/^Nhóm năng lực chung$/u, "chung"],
  [/^Nhóm năng lực chuyên môn$/u, "chuyen-mon"],
  [/^Nhóm năng lực quản lý$/u, "quan-ly"],
];

const LEADER_REFERENCE = /^Theo yêu cầu năng lực của VTVL chuyên môn/u;

function levelOfCell(text: string, line: number): Level {
  if (text === "") return null;
  if (/^[1-5]$/.test(text)) return Number(text);
  if (LEADER_REFERENCE.test(text)) return { ref: text };
  return fail(line, `unexpected competency level "${text}"`);
}

/**
 * A footnote mark glued to the last word of a phrase ("công tác Công đoàn1;"): the text without it, and the
 * words it followed (undefined when there is none). Digits elsewhere ("bậc 2", "01 năm") are not marks.
 */
function withoutGluedFootnote(text: string): { text: string; after?: string } {
  const match = /((?:\S+ )?\S*\p{L})1(?=[;,.\s]|$)/u.exec(text);
  if (!match) return { text };
  return { text: text.replace(match[0], match[1]!), after: match[1]! };
}

interface RequirementRow {
  label: string;
  text: string;
  line: number;
}

function readDescription(
  blocks: Block[],
  index: number,
  spec: DescriptionSpec,
  row: CatalogueRow,
  catalogue: Catalogue,
  footnotes: Paragraph[],
): Described {
  const label = blocks[0];
  const header = blocks[1];
  const title = blocks[2];
  if (label?.kind !== "paragraph" || header?.kind !== "row" || title?.kind !== "paragraph") {
    fail(blocks[0]?.line ?? 1, "a description starts with its label, its header table and its title");
  }
  const [agencyCell, mottoCell] = header.cells;
  // The Party header is always printed the same way: the motto and its rule, nothing the model must keep.
  if (!agencyCell || mottoCell?.text !== "ĐẢNG CỘNG SẢN VIỆT NAM\n---------------") {
    fail(header.line, "unexpected header table");
  }
  const notes: string[] = [];
  // Each heading as printed; those that differ from the template's go to `headings` once the template is known.
  const printedHeadings: Headings = {};
  const printed = (key: SectionKey, text: string) => {
    printedHeadings[key] = text;
  };

  // Identification table: "Tên VTVL", "Mã vị trí việc làm", "Ngày bắt đầu thực hiện", "Địa điểm làm việc",
  // "Quy trình công việc liên quan", each as "label: value" or as a label cell followed by a value cell.
  const fields = new Map<string, string>();
  let nameLine = title.line;
  let cursor = 3;
  for (; cursor < blocks.length; cursor++) {
    const block = blocks[cursor]!;
    if (block.kind !== "row") break;
    const texts = mergedCells(block);
    texts.forEach((text, position) => {
      const field =
        /^(Tên VTVL|Mã vị trí việc làm|Ngày bắt đầu thực hiện|Địa điểm làm việc|Quy trình công việc liên quan)\s*:?\s*(.*)$/su.exec(
          text,
        );
      if (!field) return;
      const next = texts[position + 1];
      const value = field[2] !== "" ? field[2]! : next !== undefined && !/^[^:]*:/u.test(next) ? next : "";
      fields.set(field[1]!, value);
      if (field[1] === "Tên VTVL") nameLine = block.line;
    });
  }
  const name = fields.get("Tên VTVL") ?? fail(title.line, 'no "Tên VTVL" field');
  const nullable = (key: string) => {
    const value = fields.get(key);
    return value === undefined || value === "" ? null : value;
  };

  let section: SectionKey | "end" | undefined;
  let relationsTable: "internal" | "external" | undefined;
  let pendingRelationsHeading: Paragraph | undefined;
  const objective: string[] = [];
  const tasks: Task[] = [];
  const internal: NonNullable<NonNullable<Position["relations"]>["internal"]> = {};
  const external: NonNullable<NonNullable<Position["relations"]>["external"]> = [];
  const authority: NonNullable<Position["authority"]> = [];
  const requirementRows: RequirementRow[] = [];
  const groups: CompetencyGroup[] = [];
  let approval: string | undefined;
  let lastLine = title.line;
  let footnoteAfter: string | undefined;
  let previousRow: Row | undefined;

  for (const block of blocks.slice(cursor)) {
    if (block.kind === "paragraph") {
      const key = headingOf(block);
      if (key === undefined) {
        if (section === "objective") {
          const { text, after } = withoutGluedFootnote(block.text);
          footnoteAfter ??= after;
          objective.push(text);
        } else if (previousRow && section !== undefined && section !== "end") {
          // A blank line inside a cell ends the row in the export: the next line still belongs to the cell.
          const cell = previousRow.cells[previousRow.cells.length - 1]!;
          cell.text = `${cell.text}\n${block.text}`;
          notes.push(`Dòng ${block.line} thuộc ô bắt đầu ở dòng ${cell.line} (ô có dòng trống ở giữa).`);
          reapply(previousRow);
        } else {
          fail(block.line, `unexpected paragraph "${block.text}"`);
        }
        continue;
      }
      previousRow = undefined;
      if (key === "relationsPart") {
        pendingRelationsHeading = block;
        continue;
      }
      section = key;
      if (key === "objective") {
        const inline = /^(.*?Mục tiêu vị trí việc làm)\s*:\s*(.+)$/u.exec(block.text);
        if (inline && !/^\(Tóm tắt tổng quan về vị trí việc làm\)$/u.test(inline[2]!)) {
          printed("objective", inline[1]!);
          const { text, after } = withoutGluedFootnote(inline[2]!);
          footnoteAfter ??= after;
          objective.push(text);
        } else {
          printed("objective", block.text);
        }
      } else {
        printed(key, block.text);
      }
      continue;
    }

    // Table rows.
    const lastCell = block.cells[block.cells.length - 1]!;
    const caption = cellItems(lastCell.text)[0] ?? "";
    if (/^Phê duyệt của/u.test(caption)) {
      approval = caption;
      lastLine = lastCell.line;
      section = "end";
      continue;
    }
    const texts = block.cells.map((cell) => cell.text);
    if (section === undefined || section === "end" || section === "objective") {
      fail(block.line, `table row outside a section: "${texts.join(" | ")}"`);
    }
    previousRow = block;
    lastLine = block.endLine;
    consume(block);
  }

  /** Re-reads a row whose last cell gained a line (a blank line inside a cell). */
  function reapply(rowBlock: Row): void {
    if (section === "relations" && relationsTable === "external") {
      external.pop();
      consume(rowBlock);
      return;
    }
    fail(rowBlock.line, "a cell continued after a blank line outside the external-relations table");
  }

  function consume(rowBlock: Row): void {
    const texts = rowBlock.cells.map((cell) => cell.text);
    switch (section) {
      case "tasks": {
        if (texts[0] === COLUMNS.tasks!.code || texts[1] === COLUMNS.tasks!.area) return;
        if (texts.length !== 4) fail(rowBlock.line, `task row with ${texts.length} cells`);
        const [code, area, work, criteria] = texts as [string, string, string, string];
        if (code === "" && area === "") {
          // A row whose TT and area cells are merged with the row above: more work items of the same task.
          const previous = tasks[tasks.length - 1] ?? fail(rowBlock.line, "continuation row without a task");
          previous.work = appendValue(previous.work, cellValue(work));
          previous.criteria = appendValue(previous.criteria, cellValue(criteria));
          notes.push(
            `Dòng ${rowBlock.line}–${rowBlock.endLine}: hàng không có TT và mảng công việc (ô gộp dọc), ghép vào nhiệm vụ ${previous.code ?? ""}.`,
          );
          return;
        }
        const task: Task = {};
        if (code !== "") task.code = code;
        task.area = cellValue(area)!;
        // The area cell is merged across the work column (and sometimes the criterion column too).
        const areaSpansWork = work === area;
        const areaSpansCriteria = areaSpansWork && criteria === area;
        if (!areaSpansWork && cellValue(work) !== undefined) task.work = cellValue(work)!;
        if (!areaSpansCriteria && cellValue(criteria) !== undefined) task.criteria = cellValue(criteria)!;
        if (!areaSpansWork && work !== "" && work === criteria) {
          fail(rowBlock.line, "work equals criterion: a merge not handled");
        }
        tasks.push(task);
        return;
      }
      case "relations": {
        if (texts[0]?.startsWith("Được quản lý trực tiếp")) {
          relationsTable = "internal";
          if (pendingRelationsHeading) printed("relationsInternal", pendingRelationsHeading.text);
          return;
        }
        if (texts[1] === COLUMNS.relationsExternal!.nature) {
          relationsTable = "external";
          if (pendingRelationsHeading) printed("relationsExternal", pendingRelationsHeading.text);
          return;
        }
        if (relationsTable === "internal") {
          if (texts.length !== 3) fail(rowBlock.line, `internal-relations row with ${texts.length} cells`);
          const [managedBy, manages, partners] = texts.map(cellValue);
          if (managedBy) internal.managedBy = managedBy;
          if (manages) internal.manages = manages;
          if (partners) internal.mainPartners = partners;
          return;
        }
        if (relationsTable === "external") {
          if (texts.length !== 2) fail(rowBlock.line, `external-relations row with ${texts.length} cells`);
          const [organisations, nature] = texts.map(cellValue);
          external.push({
            ...(organisations ? { organisations } : {}),
            ...(nature ? { nature } : {}),
          });
          return;
        }
        return fail(rowBlock.line, "relations row before the table header");
      }
      case "authority": {
        if (texts[0] === COLUMNS.authority!.code) return;
        if (texts.length !== 2) fail(rowBlock.line, `authority row with ${texts.length} cells`);
        const text = cellValue(texts[1]!) ?? fail(rowBlock.line, "empty authority");
        authority.push({ ...(texts[0] !== "" ? { code: texts[0]! } : {}), text });
        return;
      }
      case "requirements":
      case "requirementsQualification": {
        if (texts[0] === COLUMNS.requirements!.group) return;
        if (texts.length !== 2) fail(rowBlock.line, `requirement row with ${texts.length} cells`);
        const [rowLabel, text] = texts as [string, string];
        if (rowLabel === "") {
          // The group cell is merged with the row above.
          const previous =
            requirementRows[requirementRows.length - 1] ?? fail(rowBlock.line, "no requirement row");
          previous.text = `${previous.text}\n${text}`;
          return;
        }
        requirementRows.push({ label: rowLabel, text, line: rowBlock.line });
        return;
      }
      case "competencies": {
        if (texts[0] === "Nhóm năng lực") return;
        if (texts.length !== 3) fail(rowBlock.line, `competency row with ${texts.length} cells`);
        const [groupLabel, itemName, levelText] = texts as [string, string, string];
        if (groupLabel !== "") {
          const id =
            COMPETENCY_GROUPS.find(([pattern]) => pattern.test(groupLabel))?.[1] ??
            fail(rowBlock.line, `unknown competency group "${groupLabel}"`);
          groups.push({ group: id, label: groupLabel, items: [] });
        }
        const group = groups[groups.length - 1] ?? fail(rowBlock.line, "competency before its group");
        const nameItems = cellItems(itemName);
        if (nameItems.length !== 1) fail(rowBlock.line, `competency name "${itemName}"`);
        group.items.push({ name: nameItems[0]!, level: levelOfCell(levelText, rowBlock.line) });
        return;
      }
      default:
        fail(rowBlock.line, `table row in section ${String(section)}`);
    }
  }

  const form: FormId = groups.length > 0 ? "qd-4135-btctw-a" : "qd-4135-btctw-b";
  const headings: Headings = {};
  for (const key of SECTIONS) {
    const text = printedHeadings[key];
    if (text !== undefined && text !== LAYOUTS[form].headings[key]) headings[key] = text;
  }
  const requirements: Requirements = {};
  for (const requirement of requirementRows) {
    const rowSpec =
      REQUIREMENT_ROWS[requirement.label] ??
      fail(requirement.line, `unknown requirement row "${requirement.label}"`);
    if (requirements[rowSpec.key] !== undefined) fail(requirement.line, `second "${requirement.label}" row`);
    const text = cellValue(requirement.text) ?? "";
    const labelled = rowSpec.standard ? {} : { label: requirement.label };
    if (rowSpec.key === "experience") {
      const facts = spec.experience;
      if (facts?.minYears !== undefined) {
        const years = new RegExp(`(?:^|\\D)0?${facts.minYears}(?: hoặc \\d+)? năm`, "u");
        if (!years.test(requirement.text))
          fail(requirement.line, `experience text does not state ${facts.minYears} năm`);
      }
      requirements.experience =
        facts || !rowSpec.standard ? { ...labelled, text, ...(facts ? { facts } : {}) } : text;
    } else {
      requirements[rowSpec.key] = rowSpec.standard ? text : { ...labelled, text };
    }
  }

  const objectiveValue = objective.length === 1 ? objective[0]! : objective;
  const footnoteList: NonNullable<Position["footnotes"]> = [];
  if (footnoteAfter !== undefined) {
    const body = footnotes.shift() ?? fail(title.line, "no footnote body left for a glued footnote mark");
    const match = /^(\d+)\u00a0(.+)$/u.exec(body.text) ?? fail(body.line, "unexpected footnote body");
    footnoteList.push({ mark: match[1]!, text: match[2]! });
    notes.push(
      `Mục tiêu: số chú thích "${match[1]}" in dính sau “${footnoteAfter}” được tách vào footnotes; nội dung chú thích ở dòng ${body.line}.`,
    );
  }

  const adminLevels = adminLevelsOf(row, catalogue);
  const subgroupOrGroup = row.subgroup ?? row.group;
  const position: Position = {
    form,
    regime: "dang-qd4135",
    effectiveDate: "2019-01-29",
    legalBasis: [INSTRUMENT],
    formLabel: label.text,
    decision: {
      kind: "Quyết định",
      number: "4135-QĐ/BTCTW",
      date: "2019-01-29",
      issuer: "Ban Tổ chức Trung ương",
    },
    header: {
      agency: agencyCell.lines[0]!,
      ...(agencyCell.lines[1] ? { unit: agencyCell.lines[1] } : {}),
      motto: "dang",
    },
    title: title.text,
    name,
    code: nullable("Mã vị trí việc làm"),
    startDate: nullable("Ngày bắt đầu thực hiện"),
    workplace: nullable("Địa điểm làm việc"),
    relatedProcedures: nullable("Quy trình công việc liên quan"),
    grade: gradeOf(row),
    category: CATEGORY_BY_GROUP[subgroupOrGroup]!,
    adminLevels,
    ...(Object.keys(headings).length > 0 ? { headings } : {}),
    objective: objectiveValue,
    tasks,
    relations: {
      internal,
      external,
    },
    authority,
    requirements,
    ...(groups.length > 0 ? { competencies: { groups } } : {}),
    ...(approval ? { approval: { caption: approval } } : {}),
    ...(footnoteList.length > 0 ? { footnotes: footnoteList } : {}),
    source: {
      instrument: INSTRUMENT,
      item: `bản mô tả ${index}, danh mục ${row.id}`,
      file: SOURCE_FILE,
      lines: [label.line, lastLine],
      ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
    },
  };
  return { index, spec, row, form, position, lines: [label.line, lastLine], nameLine };
}

// ----------------------------------------------------------------------------------------------- whole

export interface Transcription {
  catalogue: Catalogue;
  descriptions: Described[];
}

export function transcribe(text: string): Transcription {
  const blocks = readCellLines(text);
  const catalogue = readCatalogue(blocks);
  const titles = blocks.flatMap((block, index) =>
    block.kind === "paragraph" && block.text === TITLE ? [index] : [],
  );
  if (titles.length !== DESCRIPTIONS.length) {
    fail(1, `${titles.length} titles "${TITLE}", expected ${DESCRIPTIONS.length}`);
  }
  const footnoteStart = blocks.indexOf(catalogue.footnote);
  const footnotes = blocks
    .slice(footnoteStart + 1)
    .filter((block): block is Paragraph => block.kind === "paragraph" && /^\d+\u00a0/u.test(block.text));
  const descriptions = titles.map((titleIndex, position) => {
    const start = titleIndex - 2;
    const end = position + 1 < titles.length ? titles[position + 1]! - 2 : footnoteStart;
    const spec = DESCRIPTIONS[position]!;
    const row =
      catalogue.rows.find((entry) => entry.id === spec.catalogue) ??
      fail(1, `no catalogue row ${spec.catalogue}`);
    return readDescription(blocks.slice(start, end), position + 1, spec, row, catalogue, footnotes);
  });
  if (footnotes.length > 0) fail(footnotes[0]!.line, "footnote body without a mark in the descriptions");
  return { catalogue, descriptions };
}

export function fileNameOf(described: Described): string {
  return `${String(described.index).padStart(2, "0")}-${slugify(described.position.name)}.yaml`;
}

// ------------------------------------------------------------------------------------------------ YAML

function flowAt(node: unknown, path: Array<string | number>): void {
  if (path.length === 0) {
    if (isMap(node) || isSeq(node)) node.flow = true;
    return;
  }
  const [head, ...rest] = path;
  if (!isMap(node) && !isSeq(node)) return;
  if (head === "*") {
    for (const item of node.items) flowAt(isMap(node) ? (item as { value: unknown }).value : item, rest);
    return;
  }
  flowAt(node.get(head, true), rest);
}

function toYaml(value: unknown, comments: string[], flowPaths: Array<Array<string | number>>): string {
  const doc = new Document(value);
  for (const path of flowPaths) flowAt(doc.contents as YamlNode, path);
  doc.commentBefore = comments.map((comment) => ` ${comment}`).join("\n");
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

export function descriptionYaml(described: Described): string {
  const [first, last] = described.lines;
  return toYaml(
    described.position,
    [
      `yaml-language-server: $schema=../../schemas/${described.form}.schema.json`,
      `Chép nguyên văn từ QĐ 4135-QĐ/BTCTW (${SOURCE_FILE}, dòng ${first}–${last}) bằng scripts/transcribe/qd-4135.ts;`,
      "giữ nguyên các lỗi của văn bản gốc để bộ kiểm tra phát hiện.",
    ],
    [
      ["grade"],
      ["adminLevels"],
      ["competencies", "groups", "*", "items", "*"],
      ["requirements", "experience", "facts"],
      ["source", "lines"],
    ],
  );
}

export function catalogueYaml(transcription: Transcription): string {
  const { catalogue, descriptions } = transcription;
  const describedBy = new Map(descriptions.map((described) => [described.row.id, described]));
  const footnote =
    /^\[(\d+)\] (.+)$/u.exec(catalogue.footnote.text) ?? fail(catalogue.footnote.line, "footnote");
  const value = {
    id: "qd-4135-btctw",
    instrument: INSTRUMENT,
    title: catalogue.heading
      .slice(0, -1)
      .map((paragraph) => paragraph.text)
      .join(" "),
    issuedWith: catalogue.heading[catalogue.heading.length - 1]!.text,
    source: {
      file: SOURCE_FILE,
      lines: [catalogue.heading[0]!.line, catalogue.notes[catalogue.notes.length - 1]!.line],
    },
    forms: ["qd-4135-btctw-a", "qd-4135-btctw-b"],
    columns: ["TT", "Tên vị trí việc làm", "Tương ứng ngạch công chức"],
    announced: {
      article1: { text: catalogue.articleLine.text, line: catalogue.articleLine.line },
      positions: {
        count: Number(/\d+/u.exec(catalogue.positionsLine.text)![0]),
        text: catalogue.positionsLine.text,
        line: catalogue.positionsLine.line,
      },
      descriptions: {
        count: Number(/(\d+) bản mô tả/u.exec(catalogue.descriptionsLine.text)![1]),
        text: catalogue.descriptionsLine.text.replace(/\[1\]$/u, ""),
        line: catalogue.descriptionsLine.line,
        footnote: { mark: footnote[1], text: footnote[2], line: catalogue.footnote.line },
      },
      transcribed: descriptions.length,
    },
    levels: catalogue.levels.map((level) => ({ id: level.id, label: level.label, line: level.line })),
    groups: catalogue.groups,
    notes: catalogue.notes,
    positions: catalogue.rows.map((row) => {
      const described = describedBy.get(row.id);
      const aliases = [
        ...(described && described.position.name !== row.name
          ? [{ name: described.position.name, where: "title", line: described.nameLine }]
          : []),
        ...NOTE_ALIASES.filter((alias) => alias.catalogue === row.id).map((alias) => ({
          name: alias.name,
          where: alias.where,
          line: alias.line,
        })),
      ];
      const noted = catalogue.notes
        .filter((note) => note.positions?.includes(row.id))
        .map((note) => note.line);
      return {
        id: row.id,
        group: row.subgroup ?? row.group,
        ...(row.level ? { level: row.level } : {}),
        tt: Number(row.tt),
        name: row.name,
        grade: gradeOf(row),
        category: CATEGORY_BY_GROUP[row.subgroup ?? row.group],
        adminLevels: adminLevelsOf(row, catalogue),
        ...(noted.length > 0 ? { notedAt: noted } : {}),
        lines: row.lines,
        description: described
          ? {
              item: described.index,
              file: `${EXAMPLES_DIR}/${fileNameOf(described)}`,
              form: described.form,
              title: described.position.name,
              lines: described.lines,
            }
          : null,
        ...(described ? {} : { missing: missingReason(row, catalogue) }),
        ...(aliases.length > 0 ? { aliases } : {}),
      };
    }),
  };
  return toYaml(
    value,
    [
      "Danh mục vị trí việc làm công chức Liên đoàn Lao động Việt Nam, kèm theo QĐ 4135-QĐ/BTCTW ngày 29/01/2019,",
      `chép từ ${SOURCE_FILE} bằng scripts/transcribe/qd-4135.ts. Mỗi dòng trích dẫn số dòng của tệp nguồn.`,
      "id: nhóm.phân nhóm.TT (TT đánh lại từ 1 trong mỗi nhóm); grade: ngạch như văn bản in (null: ô trống);",
      "adminLevels: cấp áp dụng. Nhóm I.a theo dòng cấp của danh mục; các vị trí khác thuộc danh mục của Tổng",
      "Liên đoàn (trung-uong), thêm cấp tỉnh, huyện khi Ghi chú (dòng 231–232) nêu tên; Ghi chú dòng 233 để lãnh",
      "đạo cơ quan bố trí (hoặc kiêm nhiệm) các vị trí nhóm III, IV.",
    ],
    [
      ["positions", "*", "grade"],
      ["positions", "*", "adminLevels"],
      ["positions", "*", "lines"],
      ["positions", "*", "notedAt"],
      ["positions", "*", "description", "lines"],
      ["positions", "*", "aliases", "*"],
      ["source", "lines"],
    ],
  );
}

function missingReason(row: CatalogueRow, catalogue: Catalogue): string {
  if (row.level === "trung-uong" && (row.tt === "1" || row.tt === "2")) {
    return `Không có bản mô tả theo chú thích [1] (dòng ${catalogue.footnote.line}).`;
  }
  return `Văn bản công bố 35 bản mô tả (dòng ${catalogue.articleLine.line}, ${catalogue.descriptionsLine.line}) nhưng chỉ có 34: vị trí này không có bản mô tả.`;
}

// ------------------------------------------------------------------------------------------------- main

function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

function main(): void {
  const check = process.argv.includes("--check");
  const sourcePath =
    process.argv.slice(2).find((argument) => !argument.startsWith("--")) ??
    join(root, "test/fixtures/sources", SOURCE_FILE);
  const transcription = transcribe(readFileSync(sourcePath, "utf8"));
  const directory = join(root, EXAMPLES_DIR);
  const outputs = new Map<string, string>();
  for (const described of transcription.descriptions)
    outputs.set(join(directory, fileNameOf(described)), descriptionYaml(described));
  outputs.set(join(root, CATALOGUE_FILE), catalogueYaml(transcription));
  const stale = existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith(".yaml"))
        .map((name) => join(directory, name))
        .filter((path) => !outputs.has(path))
    : [];
  const changed = [...outputs].filter(
    ([path, content]) => !existsSync(path) || readFileSync(path, "utf8") !== content,
  );
  if (check) {
    for (const [path] of changed) console.log(`would write ${path.slice(root.length)}`);
    for (const path of stale) console.log(`would remove ${path.slice(root.length)}`);
    if (!changed.length && !stale.length) console.log(`${outputs.size} files up to date`);
    process.exitCode = changed.length || stale.length ? 1 : 0;
    return;
  }
  for (const [path, content] of changed) writeAtomically(path, content);
  for (const path of stale) rmSync(path);
  console.log(
    `${transcription.descriptions.length} descriptions in ${EXAMPLES_DIR}/, catalogue in ${CATALOGUE_FILE} ` +
      `(${changed.length} written, ${stale.length} removed)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    if (error instanceof TranscriptionError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
