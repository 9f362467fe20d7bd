/**
 * Transcribes the ten descriptions of "PHỤ LỤC III" of Quyết định 302/QĐ-UBND ngày 09/5/2025 của Ủy ban nhân dân
 * tỉnh (viên chức, chức danh nghề nghiệp chuyên ngành; seed 004_933b2910f56df9c1.txt) into
 * examples/qd-302-2025-ubnd/.
 *
 *   npx tsx scripts/transcribe/qd-302-2025.ts [--source <file>] [--check]
 *
 * Read with the row-per-line reader (src/import/row-lines.ts): repeated table headers are dropped, page-break
 * continuation rows joined to the row before (task and requirement tables) or read as new rows of the same
 * group (competency tables). `--check` compares instead of writing.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  dropRepeatedHeaders,
  groupTables,
  mergeContinuationRows,
  readRowLines,
  splitBulletItems,
  stripBullet,
  type Part,
  type Table,
} from "../../src/import/row-lines.js";
import type {
  AuthorityItem,
  CompetencyGroup,
  ExperienceFacts,
  Level,
  Position,
  Task,
} from "../../src/model/types.js";
import { STANDARD_REQUIREMENT_LABELS } from "../../src/model/normalize.js";
import { layoutSpec, type SectionHeadingKey } from "../../src/render/layout-spec.js";
import { fileNameFor, rowFormYaml, runFolderTranscription } from "./common.js";
import { headingsByNumber } from "./tt-02-2023.js";

export const SOURCE_FILE = "004_933b2910f56df9c1.txt";
const FORM = "qd-302-2025-ubnd";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const defaultSourcePath = join(root, "test", "fixtures", "sources", SOURCE_FILE);
export const outputDirectory = join(root, "examples", FORM);

const INSTRUMENT = "Quyết định số 302/QĐ-UBND ngày 09/5/2025 của Ủy ban nhân dân tỉnh";

/**
 * The form's headings as its layout prints them (templates/layouts/qd-302-2025-ubnd/layout.yaml), keyed by their
 * number; a description that prints another goes to `headings`.
 */
const LAYOUT = layoutSpec(FORM);
const HEADINGS_BY_NUMBER = headingsByNumber(FORM);
type SectionKey = SectionHeadingKey;

const QUALITATIVE: ExperienceFacts = { qualitative: true };
const KHCN = "nhiệm vụ khoa học và công nghệ";

const POINTS = "điểm quy đổi từ kết quả hoạt động chuyên môn theo quy định";
const DESIGN = "dự án, công trình (chủ nhiệm, chủ trì thiết kế)";
const ENGINEERING = "dự án, công trình, đồ án thuộc chuyên ngành kỹ thuật";

/**
 * What each description's experience text states, in order of the document. Conditions joined by "hoặc"
 * are alternatives (`anyOf`: one suffices); achievements listed together are all required.
 */
const EXPERIENCE_FACTS: ExperienceFacts[] = [
  {
    anyOf: [
      {
        achievements: [
          { min: 1, role: "chu-nhiem", kind: KHCN, levels: ["cấp bộ", "cấp tỉnh"] },
          { min: 1, role: "tham-gia", kind: KHCN, levels: ["cấp bộ", "cấp tỉnh"] },
        ],
      },
      {
        achievements: [
          { min: 3, role: "chu-nhiem", kind: KHCN, levels: ["cơ sở"] },
          { min: 1, role: "tham-gia", kind: KHCN, levels: ["cấp bộ", "cấp tỉnh"] },
        ],
      },
      {
        achievements: [
          { min: 1, kind: "sách chuyên khảo (nhóm tác giả)" },
          { min: 1, kind: "bài báo khoa học trên tạp chí quốc tế có uy tín (tác giả chính)" },
        ],
      },
      { qualitative: true, inField: POINTS },
    ],
  },
  QUALITATIVE,
  QUALITATIVE,
  {
    anyOf: [
      { achievements: [{ min: 1, role: "chu-nhiem", kind: KHCN, levels: ["cấp bộ", "cấp tỉnh"] }] },
      { achievements: [{ min: 2, role: "tham-gia", kind: KHCN, levels: ["cấp bộ", "tỉnh"] }] },
      {
        achievements: [{ min: 1, kind: "giải pháp hữu ích được cấp bằng độc quyền (tác giả)" }],
      },
      {
        achievements: [
          { min: 1, role: ["chu-tri", "chu-nhiem"], kind: ENGINEERING, levels: ["cấp II"] },
          { min: 1, role: ["chu-tri", "chu-nhiem"], kind: ENGINEERING, levels: ["cấp III"] },
        ],
      },
      {
        achievements: [
          { min: 1, role: ["chu-nhiem", "chu-tri"], kind: DESIGN, levels: ["cấp II"] },
          { min: 2, role: ["chu-nhiem", "chu-tri"], kind: DESIGN, levels: ["cấp III"] },
        ],
      },
      { qualitative: true, inField: POINTS },
    ],
  },
  QUALITATIVE,
  QUALITATIVE,
  {
    minYears: 9,
    minMonths: 108,
    comparator: "at-least",
    inGrade: "chức danh nghề nghiệp công nghệ thông tin hạng III hoặc tương đương",
    excludesProbation: true,
    minMonthsInGradeIfEquivalent: 12,
    anyOf: [
      {
        achievements: [
          {
            min: 2,
            role: ["chu-tri", "tham-gia"],
            kind: "đề tài, đề án, dự án, chương trình về lĩnh vực công nghệ thông tin",
            levels: ["cấp cơ sở trở lên"],
          },
        ],
      },
      {
        achievements: [
          { min: 2, role: ["chu-tri", "tham-gia"], kind: "thẩm định dự án công nghệ thông tin" },
        ],
      },
      {
        achievements: [
          {
            min: 2,
            role: ["chu-tri", "tham-gia"],
            kind: "quy chế, quy định, quy trình kỹ thuật về công nghệ thông tin",
          },
        ],
      },
      {
        achievements: [
          {
            min: 1,
            role: "tham-gia",
            kind: "giải pháp công nghệ đạt giải thưởng",
            levels: ["cấp bộ", "cấp tỉnh"],
          },
        ],
      },
    ],
  },
  QUALITATIVE,
  QUALITATIVE,
  QUALITATIVE,
];

const NO_RANK = "Tên chức danh không ghi hạng: professionalTitle không có rank.";
const BULLET_NAMES =
  "Tên năng lực: ký hiệu “-” in trước tên bị bỏ như mọi ký hiệu đầu dòng; dấu “.” hoặc “;” in cuối tên được giữ.";

/** How the transcription read what the export left open, for `source.note`. */
const NOTES: Array<string | undefined> = [
  `${NO_RANK} Số “3” giữa câu “những tiến bộ khoa học và 3 công nghệ” (dòng 59) là số trang in lẫn vào văn bản: giữ như văn bản công bố. Dấu “.” cuối tên năng lực chuyên môn thứ nhất được giữ.`,
  NO_RANK,
  `${NO_RANK} ${BULLET_NAMES}`,
  `${NO_RANK} Nhiệm vụ 2.4 in “Tham dự đầy đủ, chuẩn bị tài liệu theo yêu cầu.” ở cột nhiệm vụ (dòng 258). ${BULLET_NAMES}`,
  `${NO_RANK} ${BULLET_NAMES}`,
  `${NO_RANK} Mã in hậu tố “-KS” (như Kỹ sư) cho Kỹ thuật viên. ${BULLET_NAMES}`,
  "Dấu “.” cuối tên năng lực chuyên môn thứ nhất được giữ.",
  "Tên năng lực “Khả năng thẩm định các đề án , dự án, nhiệm vụ” (dòng 619): “các đề án” gạch chân (định dạng, không chép); dấu cách trước dấu phẩy giữ như in.",
  "Dấu “.” cuối tên năng lực chuyên môn thứ nhất được giữ.",
  `Mã in hậu tố “-ATTT”, không ghi hạng. ${BULLET_NAMES}`,
];

type RequirementKey = "education" | "training" | "experience" | "qualities" | "other";

const REQUIREMENT_KEYS: Record<string, RequirementKey> = {
  "Trình độ đào tạo": "education",
  "Bồi dưỡng, chứng chỉ": "training",
  "Kinh nghiệm (thành tích công tác)": "experience",
  "Phẩm chất cá nhân": "qualities",
  "Chất lượng cá nhân": "qualities",
  "Các yêu cầu khác": "other",
};
const STANDARD_LABELS = new Set(Object.values(STANDARD_REQUIREMENT_LABELS));

const GROUPS: Record<string, CompetencyGroup["group"]> = {
  "Nhóm năng lực chung": "chung",
  "Nhóm năng lực chuyên môn": "chuyen-mon",
  "Nhóm năng lực quản lý": "quan-ly",
};

interface Description {
  index: number;
  title: string | undefined;
  parts: Part[];
  firstLine: number;
  lastLine: number;
}

export interface TranscribedFile {
  fileName: string;
  text: string;
}

function fail(message: string): never {
  throw new Error(`${SOURCE_FILE}: ${message}`);
}

function isIdentificationTable(part: Part | undefined): part is { kind: "table" } & Table {
  return part?.kind === "table" && part.rows[0]!.cells[0]!.text.startsWith("Tên vị trí việc làm:");
}

function splitDescriptions(parts: Part[]): { preamble: Part[]; descriptions: Description[] } {
  const starts = parts.flatMap((part, index) => (isIdentificationTable(part) ? [index] : []));
  const titleBefore = (start: number): string | undefined => {
    const before = parts[start - 1];
    return before?.kind === "paragraph" && before.text === LAYOUT.title ? before.text : undefined;
  };
  const descriptions = starts.map((start, index) => {
    const next = starts[index + 1];
    const end = next === undefined ? parts.length : next - (titleBefore(next) ? 1 : 0);
    const own = parts.slice(start, end);
    const title = titleBefore(start);
    const last = own[own.length - 1]!;
    return {
      index: index + 1,
      title,
      parts: own,
      firstLine: title ? parts[start - 1]!.line : parts[start]!.line,
      lastLine: last.kind === "table" ? last.endLine : last.line,
    };
  });
  return { preamble: parts.slice(0, starts[0]! - (titleBefore(starts[0]!) ? 1 : 0)), descriptions };
}

interface Sections {
  headings: Partial<Record<SectionKey, string>>;
  paragraphs: Partial<Record<SectionKey, string[]>>;
  tables: Partial<Record<SectionKey, Table[]>>;
}

/**
 * Sections by their numbered headings. The objective may follow its heading on the same line after a colon
 * ("1. Mục tiêu, vị trí việc làm: Nghiên cứu, …"): the heading is the part before the colon.
 */
function readSections(parts: Part[]): Sections {
  const sections: Sections = { headings: {}, paragraphs: {}, tables: {} };
  let current: SectionKey | undefined;
  for (const part of parts.slice(1)) {
    const match = part.kind === "paragraph" ? /^(\d(?:\.\d)?)\.?\s/u.exec(part.text) : null;
    const key = match ? HEADINGS_BY_NUMBER[match[1]!]?.key : undefined;
    if (part.kind === "paragraph" && key) {
      current = key;
      const colon = key === "objective" ? part.text.indexOf(": ") : -1;
      sections.headings[key] = colon >= 0 ? part.text.slice(0, colon) : part.text;
      if (colon >= 0) (sections.paragraphs[key] ??= []).push(part.text.slice(colon + 2));
    } else if (!current) fail(`line ${part.line}: content before the first heading`);
    else if (part.kind === "paragraph") (sections.paragraphs[current] ??= []).push(part.text);
    else (sections.tables[current] ??= []).push(part);
  }
  return sections;
}

function onlyTable(sections: Sections, key: SectionKey): Table {
  const tables = sections.tables[key] ?? [];
  if (tables.length !== 1) fail(`section ${key}: expected one table, found ${tables.length}`);
  return tables[0]!;
}

/** A cell's items: the bulleted lists the export flattened ("- A; - B", "A;- B") split, bullets removed. */
function items(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap(splitBulletItems).filter((item) => item !== "");
}

function textValue(list: readonly string[]): string | string[] | undefined {
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0]! : [...list];
}

function parseLevel(text: string): Level {
  if (text === "") return null;
  if (/^[1-5]$/u.test(text)) return Number(text);
  if (/^[1-5]-[1-5]$/u.test(text)) return text;
  return { text };
}

function readIdentification(table: Table): Record<string, string> {
  const labels = [
    "Tên vị trí việc làm",
    "Mã vị trí việc làm",
    "Ngày bắt đầu thực hiện",
    "Quy trình công việc liên quan",
  ];
  const fields: Record<string, string> = {};
  for (const row of table.rows) {
    row.cells.forEach((cell, index) => {
      const label = labels.find(
        (candidate) => cell.text === candidate || cell.text.startsWith(`${candidate}:`),
      );
      if (!label) return;
      const inline = cell.text.slice(label.length).replace(/^:/u, "").trim();
      fields[label] = inline || row.cells.slice(index + 1).find((next) => next.text !== "")?.text || "";
    });
  }
  for (const label of labels) if (!(label in fields)) fail(`line ${table.line}: no "${label}"`);
  return fields;
}

function relatedProcedures(table: Table): string | string[] | undefined {
  for (const row of table.rows) {
    const index = row.cells.findIndex((cell) => cell.text.startsWith("Quy trình công việc liên quan"));
    if (index >= 0) return textValue(items(row.cells.slice(index + 1).flatMap((cell) => cell.paragraphs)));
  }
  return undefined;
}

/** "Công nghệ thông tin hạng II" → name and rank; titles that state no hạng keep only their name. */
function professionalTitle(name: string): NonNullable<Position["professionalTitle"]> {
  const match = /^(.*) hạng (I|II|III|IV)$/u.exec(name);
  return match ? { name: match[1]!, rank: match[2] as "I" | "II" | "III" | "IV" } : { name };
}

function readTasks(table: Table): Task[] {
  const rows = dropRepeatedHeaders(table.rows, 2);
  const [header, subHeader, ...body] = rows;
  if (header?.cells[0]?.text !== "TT" || subHeader?.cells[0]?.text !== "")
    fail(`line ${table.line}: not the two-row task header`);
  return mergeContinuationRows(body).map((row) => {
    if (row.columns.length !== 4) fail(`line ${row.line}: a task row of ${row.columns.length} cells`);
    const [code, area, work, criteria] = row.columns.map((column, index) =>
      index === 0 ? column : items(column),
    );
    const task: Task = { code: code!.join(" ") };
    const areaText = textValue(area!);
    if (areaText !== undefined) task.area = areaText;
    const workText = textValue(work!);
    if (workText !== undefined) task.work = workText;
    const criteriaText = textValue(criteria!);
    if (criteriaText !== undefined) task.criteria = criteriaText;
    return task;
  });
}

function readRelations(sections: Sections): NonNullable<Position["relations"]> {
  const internal = onlyTable(sections, "relationsInternal");
  const [, row, ...extra] = internal.rows;
  if (!row || extra.length > 0) fail(`line ${internal.line}: expected one row under the 3.1 header`);
  const [managedBy, manages, mainPartners] = [0, 1, 2].map((index) =>
    textValue(items(row.cells[index]?.paragraphs ?? [])),
  );
  const external = onlyTable(sections, "relationsExternal");
  return {
    internal: {
      ...(managedBy !== undefined && { managedBy }),
      ...(manages !== undefined && { manages }),
      ...(mainPartners !== undefined && { mainPartners }),
    },
    external: mergeContinuationRows(external.rows.slice(1)).map((entry) => {
      const organisations = textValue(items(entry.columns[0] ?? []));
      const nature = textValue(items(entry.columns[1] ?? []));
      return {
        ...(organisations !== undefined && { organisations }),
        ...(nature !== undefined && { nature }),
      };
    }),
  };
}

function readAuthority(table: Table): AuthorityItem[] {
  return mergeContinuationRows(table.rows.slice(1)).map((row) => ({
    code: row.columns[0]!.join(" "),
    text: row.columns[1]!.join(" "),
  }));
}

function readRequirements(table: Table, facts: ExperienceFacts): NonNullable<Position["requirements"]> {
  const requirements: NonNullable<Position["requirements"]> = {};
  const rows = dropRepeatedHeaders(table.rows, 1).slice(1);
  for (const row of mergeContinuationRows(rows)) {
    const label = row.columns[0]!.join(" ");
    const key = REQUIREMENT_KEYS[label] ?? fail(`line ${row.line}: unknown requirement row "${label}"`);
    const text = textValue(items(row.columns[1] ?? []));
    if (key === "experience") requirements.experience = { ...(text !== undefined && { text }), facts };
    else if (!STANDARD_LABELS.has(label)) requirements[key] = { label, ...(text !== undefined && { text }) };
    else if (text !== undefined) requirements[key] = text;
  }
  return requirements;
}

/**
 * Competency rows. A row after a repeated header with an empty first cell is a new row of the same group.
 * Names: the bullet glyph some tables print before them ("- Đạo đức và bản lĩnh;", "-Khả năng …") is dropped
 * like every bullet; the printed trailing ";" or "." is kept.
 */
function readCompetencies(table: Table): NonNullable<Position["competencies"]> {
  const groups: CompetencyGroup[] = [];
  for (const row of dropRepeatedHeaders(table.rows, 1).slice(1)) {
    const [label, name, level] = row.cells.map((cell) => cell.text);
    if (label) {
      const group = GROUPS[label] ?? fail(`line ${row.line}: unknown competency group "${label}"`);
      groups.push({ group, label, items: [] });
    }
    const current = groups[groups.length - 1] ?? fail(`line ${row.line}: competency before any group`);
    current.items.push({ name: stripBullet(name ?? ""), level: parseLevel(level ?? "") });
  }
  return { groups };
}

function transcribeDescription(
  description: Description,
  appendix: NonNullable<Position["appendix"]>,
): Position {
  const identificationTable = description.parts[0] as Table;
  const identification = readIdentification(identificationTable);
  const sections = readSections(description.parts);
  const headings: NonNullable<Position["headings"]> = {};
  for (const [key, text] of Object.entries(sections.headings) as Array<[SectionKey, string]>)
    if (text !== LAYOUT.headings[key]) headings[key] = text;
  const facts =
    EXPERIENCE_FACTS[description.index - 1] ?? fail(`no experience facts for ${description.index}`);
  const name = identification["Tên vị trí việc làm"]!;
  const procedures = relatedProcedures(identificationTable);
  const objective = textValue(items(sections.paragraphs.objective ?? fail("no objective")));

  return {
    form: FORM,
    regime: "vc-nd106",
    effectiveDate: "2025-05-09",
    legalBasis: [INSTRUMENT],
    appendix,
    decision: {
      kind: "Quyết định",
      number: "302/QĐ-UBND",
      date: "2025-05-09",
      issuer: "Ủy ban nhân dân tỉnh",
    },
    ...(description.title !== undefined && { title: description.title }),
    name,
    code: identification["Mã vị trí việc làm"]!,
    startDate: identification["Ngày bắt đầu thực hiện"]!,
    ...(procedures !== undefined && { relatedProcedures: procedures }),
    professionalTitle: professionalTitle(name),
    category: "nghiep-vu-chuyen-nganh",
    ...(Object.keys(headings).length > 0 && { headings }),
    ...(objective !== undefined && { objective }),
    tasks: readTasks(onlyTable(sections, "tasks")),
    relations: readRelations(sections),
    authority: readAuthority(onlyTable(sections, "authority")),
    requirements: readRequirements(onlyTable(sections, "requirementsQualification"), facts),
    competencies: readCompetencies(onlyTable(sections, "competencies")),
    source: {
      instrument: INSTRUMENT,
      appendix: "Phụ lục III",
      item: `bản mô tả thứ ${description.index}`,
      file: SOURCE_FILE,
      lines: [description.firstLine, description.lastLine],
      ...(NOTES[description.index - 1] !== undefined && { note: NOTES[description.index - 1] }),
    },
  };
}

function readAppendix(preamble: Part[]): NonNullable<Position["appendix"]> {
  const texts = preamble.flatMap((part) => (part.kind === "paragraph" ? [part.text] : []));
  const [label, title, ...issuedWith] = texts;
  if (label !== "PHỤ LỤC III" || !title || !issuedWith[0]?.startsWith("(Kèm theo"))
    fail("the appendix header is not the expected lines");
  return { label, title, issuedWith: issuedWith.join(" ") };
}

export function transcribe(sourceText: string): TranscribedFile[] {
  const parts = groupTables(readRowLines(sourceText));
  const { preamble, descriptions } = splitDescriptions(parts);
  if (descriptions.length !== 10) fail(`expected 10 descriptions, found ${descriptions.length}`);
  const appendix = readAppendix(preamble);
  return descriptions.map((description) => {
    const position = transcribeDescription(description, appendix);
    return { fileName: fileNameFor(description.index, position.name), text: rowFormYaml(position, FORM) };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  runFolderTranscription("examples/qd-302-2025-ubnd/", defaultSourcePath, transcribe);
