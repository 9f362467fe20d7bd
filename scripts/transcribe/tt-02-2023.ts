/**
 * Transcribes Thông tư 02/2023/TT-VPCP from its cell-per-line text export
 * (test/fixtures/sources/000_a7696d64b2f94493.txt, a copy of the seed) into
 *   examples/tt-02-2023-vpcp/NN-<name>.yaml   the 12 descriptions of Phụ lục II, defects included;
 *   data/catalogs/tt-02-2023-vpcp.yaml          the catalogue of Phụ lục I.
 *
 *   npx tsx scripts/transcribe/tt-02-2023.ts           write the files
 *   npx tsx scripts/transcribe/tt-02-2023.ts --check   exit 1 if the committed files differ from a fresh run
 *
 * Everything is derived from the text; what cannot be (grade codes, which the circular does not print) is
 * explicit below with its reason.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readCellLines, type Block, type Cell } from "../../src/import/cell-lines.js";
import { toYaml as emitYaml } from "../../src/import/emit.js";
import { slugify } from "../../src/util/similar.js";
import { runTranscription } from "./common.js";
export { runTranscription } from "./common.js";
import type {
  AuthorityItem,
  CompetencyGroup,
  ExperienceFacts,
  FormId,
  Level,
  Position,
  Task,
} from "../../src/model/types.js";
import {
  headingNumber,
  layoutSpec,
  standardHeadings,
  type SectionHeadingKey,
} from "../../src/render/layout-spec.js";

export const SOURCE_FILE = "000_a7696d64b2f94493.txt";
const FORM = "tt-02-2023-vpcp";
const INSTRUMENT = "Thông tư số 02/2023/TT-VPCP";

/**
 * Grade codes are not printed in the circular (GUIDE §d.4): they are the codes of the administrative grades
 * (Thông tư 2/2021/TT-BNV, Điều 3), recorded here so the catalogue and the descriptions can carry them.
 */
const GRADE_CODES: Record<string, string> = {
  "Chuyên viên cao cấp": "01.001",
  "Chuyên viên chính": "01.002",
  "Chuyên viên": "01.003",
};

const ADMIN_LEVEL_COLUMNS = [
  ["Cấp trung ương", "trung-uong"],
  ["Cấp tỉnh", "tinh"],
  ["Cấp huyện", "huyen"],
] as const;
type AdminLevel = (typeof ADMIN_LEVEL_COLUMNS)[number][1];

/** The form's own wording: its layout's (templates/layouts/tt-02-2023-vpcp/layout.yaml, GUIDE §c.1). */
const LAYOUT = layoutSpec(FORM);
/** Headings keyed by their number ("3.1"); a printed heading that differs goes to `headings`. */
const STANDARD_HEADINGS = headingsByNumber(FORM);

type RequirementKey = "education" | "training" | "experience" | "qualities" | "other";
const REQUIREMENT_LABELS: Array<[RequirementKey, string]> = [
  ["education", "Trình độ đào tạo"],
  ["training", "Bồi dưỡng, chứng chỉ"],
  ["experience", "Kinh nghiệm (thành tích công tác)"],
  ["qualities", "Phẩm chất cá nhân"],
  ["other", "Các yêu cầu khác"],
];

const TITLE = LAYOUT.title;
const APPROVAL = LAYOUT.approval!.caption;
const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";
const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

export interface CatalogEntry {
  stt: number;
  name: string;
  grade: { name: string; code: string };
  adminLevels: AdminLevel[];
  lines: [number, number];
}

export type Row = Extract<Block, { kind: "row" }>;
export type Paragraph = Extract<Block, { kind: "paragraph" }>;
export type Table = { kind: "table"; rows: Row[]; line: number; endLine: number };
/** A paragraph, or a table: consecutive rows with no more than one blank line between them. */
export type Item = Paragraph | Table;

function fail(line: number, message: string): never {
  throw new Error(`${SOURCE_FILE}:${line}: ${message}`);
}

export function cellText(cell: Cell | undefined): string {
  return bodyLines(cell).join(" ");
}

/** Parses lines [first, last] (1-based) of the source, keeping source line numbers. */
function blocksOf(lines: string[], first: number, last: number): Block[] {
  const offset = first - 1;
  return readCellLines(lines.slice(first - 1, last).join("\n")).map((block) =>
    block.kind === "paragraph"
      ? { ...block, line: block.line + offset }
      : {
          ...block,
          line: block.line + offset,
          endLine: block.endLine + offset,
          cells: block.cells.map((cell) => ({ ...cell, line: cell.line + offset })),
        },
  );
}

/** Tables end at a double blank line (GUIDE §g): P6–P11's approval row must not become an 18th competency. */
export function groupTables(blocks: Block[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    const previous = items[items.length - 1];
    if (block.kind === "paragraph") items.push(block);
    else if (previous?.kind === "table" && block.line - previous.endLine <= 2) {
      previous.rows.push(block);
      previous.endLine = block.endLine;
    } else items.push({ kind: "table", rows: [block], line: block.line, endLine: block.endLine });
  }
  return items;
}

const isBlankLine = (line: string) => /^[\s\u00a0]*$/.test(line);

// ---------------------------------------------------------------------------------------------------------
// Phụ lục I: the catalogue

interface Catalog {
  label: string;
  title: string;
  issuedWith: string;
  columns: string[];
  lines: [number, number];
  entries: CatalogEntry[];
}

function readCatalog(lines: string[]): Catalog {
  const start = lines.findIndex((line) => line.trim() === "PHỤ LỤC I") + 1;
  const end = lines.findIndex((line) => line.trim() === "PHỤ LỤC II");
  if (start === 0 || end < 0) fail(1, "PHỤ LỤC I / PHỤ LỤC II not found");
  const blocks = blocksOf(lines, start, end);
  const paragraphs = blocks.filter((block): block is Paragraph => block.kind === "paragraph");
  const rows = blocks.filter((block): block is Row => block.kind === "row");
  const [header, ...body] = rows;
  if (!header || paragraphs.length < 3) fail(start, "catalogue header not found");
  const columns = header.cells.map(cellText);
  const entries = body.map((row): CatalogEntry => {
    const [stt, name, grade, ...marks] = row.cells.map(cellText);
    if (!stt || !name || !grade || !/^\d+\.$/.test(stt)) fail(row.line, "unexpected catalogue row");
    const code = GRADE_CODES[grade] ?? fail(row.line, `no code known for the grade "${grade}"`);
    const adminLevels = ADMIN_LEVEL_COLUMNS.filter((_, index) => marks[index] === "x").map(([, id]) => id);
    return {
      stt: Number.parseInt(stt, 10),
      name,
      grade: { name: grade, code },
      adminLevels,
      lines: [row.line, row.endLine],
    };
  });
  const last = rows[rows.length - 1]!;
  return {
    label: paragraphs[0]!.text,
    title: paragraphs[1]!.text,
    issuedWith: paragraphs[2]!.text,
    columns,
    lines: [start, last.endLine],
    entries,
  };
}

function catalogYaml(catalog: Catalog): string {
  const [first, last] = catalog.lines;
  const comment = [
    "Danh mục vị trí việc làm công chức nghiệp vụ chuyên ngành lĩnh vực văn phòng.",
    `Source: ${INSTRUMENT} ngày 11/9/2023 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ, ${catalog.label}`,
    `(${SOURCE_FILE} L${first}–${last}); generated by scripts/transcribe/tt-02-2023.ts, do not edit by hand.`,
    "Columns as printed: " +
      catalog.columns.map((column) => `"${column}"`).join(" | ") +
      '; "x" marks a level.',
    'STT is printed with a trailing dot ("1."). Grade codes are not printed in the circular: they are the codes',
    "of the administrative grades (Thông tư 2/2021/TT-BNV, Điều 3; GUIDE §d.4).",
    "All 12 positions are công chức nghiệp vụ chuyên ngành (Hướng dẫn, Điều 1).",
  ];
  return toYaml(
    {
      instrument: `${INSTRUMENT} ngày 11/9/2023 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`,
      appendix: { label: catalog.label, title: catalog.title, issuedWith: catalog.issuedWith },
      form: FORM,
      category: "nghiep-vu-chuyen-nganh",
      source: { file: SOURCE_FILE, lines: catalog.lines },
      positions: catalog.entries.map((entry) => ({
        stt: entry.stt,
        name: entry.name,
        grade: entry.grade,
        adminLevels: entry.adminLevels,
        lines: entry.lines,
      })),
    },
    { comment },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Phụ lục II: where each description starts

function descriptionStarts(lines: string[]): number[] {
  const codeRows = lines.flatMap((line, index) => (/^ *\tMã vị trí việc làm:/.test(line) ? [index + 1] : []));
  return codeRows.map((codeRow) => {
    let start = codeRow;
    const nameRow = [codeRow - 1, codeRow - 2].find((line) =>
      /^\tTên Vị trí việc làm:/.test(lines[line - 1] ?? ""),
    );
    if (nameRow) start = nameRow;
    if ((lines[start - 2] ?? "").trim() === TITLE) start -= 1;
    // A header block printed before the title belongs to this description.
    let line = start - 1;
    while (line > 0 && isBlankLine(lines[line - 1]!)) line -= 1;
    for (let headerLine = line; headerLine > 0 && !isBlankLine(lines[headerLine - 1]!); headerLine -= 1)
      if (/^\tTÊN CƠ QUAN:/.test(lines[headerLine - 1]!)) return headerLine;
    return start;
  });
}

// ---------------------------------------------------------------------------------------------------------
// One description

interface Context {
  number: number;
  catalog: CatalogEntry;
  appendix: { label: string; title: string; issuedWith: string };
  decision: NonNullable<Position["decision"]>;
  first: number;
  last: number;
}

function parseHeader(row: Row): NonNullable<Position["header"]> {
  const [left, right] = row.cells.map((cell) => bodyLines(cell).filter((line) => !/^-+$/.test(line)));
  const [agency, unit] = left ?? [];
  const motto = right ?? [];
  if (motto[0] !== QUOC_HIEU) fail(row.line, "header without the Quốc hiệu");
  const header: NonNullable<Position["header"]> = { agency, unit, motto: "quoc-hieu" };
  if (motto.length !== 2 || motto[1] !== TIEU_NGU) header.mottoLines = motto;
  return header;
}

/** "Label: value" in one cell, or the label alone with its value in the next cell of the row. */
export function labelledValue(rows: Row[], label: string): { found: boolean; value: string[] } {
  for (const row of rows) {
    const index = row.cells.findIndex((cell) => cellText(cell).startsWith(label));
    if (index < 0) continue;
    const [firstLine = "", ...rest] = bodyLines(row.cells[index]);
    const inline = [firstLine.slice(label.length).trim(), ...rest].filter((line) => line !== "");
    if (inline.length) return { found: true, value: inline };
    const next = row.cells[index + 1];
    const nextText = cellText(next);
    const nextIsLabel = /^[^:]{3,40}:$/.test(nextText);
    return { found: true, value: next && !nextIsLabel ? bodyLines(next) : [] };
  }
  return { found: false, value: [] };
}

function parseTasks(table: Table): Task[] {
  const tasks: Task[] = [];
  for (const row of table.rows) {
    const cells = row.cells.map(bodyLines);
    if (cells.every((cell) => cell.length === 0)) continue; // filler row (P6, L1432–1436)
    const first = cells[0]!.join(" ");
    if (
      first === LAYOUT.columns.tasks!.code ||
      cells.some((cell) => cell.join(" ") === LAYOUT.columns.tasks!.area)
    )
      continue;
    const [, area = [], ...rest] = cells;
    // 4 cells: TT | area | work | criteria; 3: area spans area + work (2.8); 2: no work, no criteria (2.9).
    const work = cells.length >= 4 ? rest[0]! : [];
    const criteria = cells.length >= 3 ? rest[rest.length - 1]! : [];
    if (first === "") {
      // Continuation of a task split over several rows with merged TT and area cells (2.2 in P2, P3).
      const task = tasks[tasks.length - 1] ?? fail(row.line, "continuation row without a task");
      if (area.length) fail(row.line, "continuation row with its own area");
      task.work = [...toList(task.work), ...work.map(stripBullet)];
      task.criteria = [...toList(task.criteria), ...criteria.map(stripBullet)];
      continue;
    }
    if (!/^\d/.test(first)) fail(row.line, `unexpected task code "${first}"`);
    tasks.push(
      dropEmpty({
        code: first,
        area: textValue(area),
        work: textValue(work),
        criteria: textValue(criteria),
      }),
    );
  }
  return tasks;
}

function toList(text: string | string[] | undefined): string[] {
  if (text === undefined) return [];
  return Array.isArray(text) ? text : [text];
}

/** A cell's own text and its "(Lưu ý: …)" drafting notes, kept apart. */
export function splitNotes(lines: string[]): { text: string[]; notes: string[] } {
  const isNote = (line: string) => line.startsWith("(Lưu ý");
  return { text: lines.filter((line) => !isNote(line)), notes: lines.filter(isNote) };
}

function parseRelations(internal: Item | undefined, external: Item | undefined): Position["relations"] {
  if (internal?.kind !== "table" || external?.kind !== "table") return undefined;
  const [, data] = internal.rows;
  if (!data || data.cells.length !== 3) fail(internal.line, "3.1 table without its data row");
  const [managedBy, coordinatesWith, partners] = data.cells.map(bodyLines);
  const partnerCell = splitNotes(partners!);
  return {
    internal: dropEmpty({
      managedBy: textValue(managedBy!),
      coordinatesWith: textValue(coordinatesWith!),
      mainPartners: textValue(partnerCell.text),
      notes: textValue(partnerCell.notes),
    }),
    external: external.rows.slice(1).map((row) => {
      const [organisations, nature] = row.cells.map(bodyLines);
      const organisationCell = splitNotes(organisations ?? []);
      return dropEmpty({
        organisations: textValue(organisationCell.text),
        nature: textValue(nature ?? []),
        notes: textValue(organisationCell.notes),
      });
    }),
  };
}

function parseAuthority(table: Item | undefined): AuthorityItem[] | undefined {
  if (table?.kind !== "table") return undefined;
  return table.rows.slice(1).map((row) => {
    const [code, text] = row.cells.map(bodyLines);
    return dropEmpty({ code: (code ?? []).join(" "), text: textValue(text ?? []) });
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The checkable facts the experience text states (years, grade, probation, 12 months, achievements). */
export function experienceFacts(lines: string[]): ExperienceFacts | undefined {
  const text = lines.join(" ");
  if (/^Không yêu cầu\.?$/.test(text)) return { notRequired: true };
  const facts: ExperienceFacts = {};
  const years = /giữ ngạch (.+?) và tương đương từ đủ (\d+) năm trở lên/.exec(text);
  if (years) {
    facts.minYears = Number(years[2]);
    facts.comparator = "at-least";
    facts.inGrade = capitalise(years[1]!);
  }
  if (/không kể thời gian tập sự, thử việc/.test(text)) facts.excludesProbation = true;
  const equivalent = /Trường hợp có thời gian tương đương .+? tối thiểu \d+ năm \(đủ (\d+) tháng\)/.exec(
    text,
  );
  if (equivalent) facts.minMonthsInGradeIfEquivalent = Number(equivalent[1]);
  const achievement = /đã (chủ trì|tham gia) [^.]*?ít nhất (\d+) (.+?) (cấp [^.]+?) mà /.exec(text);
  if (achievement) {
    facts.achievements = [
      {
        min: Number(achievement[2]),
        role: achievement[1] === "chủ trì" ? "chu-tri" : "tham-gia",
        kind: achievement[3]!,
        levels: achievement[4]!.split(", "),
      },
    ];
  }
  return Object.keys(facts).length ? facts : undefined;
}

function parseRequirements(table: Item | undefined): Position["requirements"] {
  if (table?.kind !== "table") return undefined;
  const requirements: NonNullable<Position["requirements"]> = {};
  for (const row of table.rows.slice(1)) {
    const [labelLines, textLines] = row.cells.map(bodyLines);
    const label = (labelLines ?? []).join(" ");
    const items = (textLines ?? []).map(stripBullet);
    const standard = REQUIREMENT_LABELS.find(([, text]) => text === label);
    const key = standard?.[0] ?? fail(row.line, `unknown requirement row "${label}"`);
    if (key === "experience") {
      const facts = experienceFacts(items);
      requirements.experience = facts ? { text: textValue(items), facts } : textValue(items);
    } else requirements[key] = textValue(items);
  }
  return requirements;
}

export function parseLevel(text: string): Level {
  if (text === "") return null;
  if (/^[1-5]$/.test(text)) return Number(text);
  if (/^[1-5]-[1-5]$/.test(text)) return text;
  return { text };
}

const GROUPS: Array<[RegExp, CompetencyGroup["group"]]> = [
  [/chung/, "chung"],
  [/chuyên môn/, "chuyen-mon"],
  [/quản lý/, "quan-ly"],
];

function parseCompetencies(table: Item | undefined): Position["competencies"] {
  if (table?.kind !== "table") return undefined;
  const groups: CompetencyGroup[] = [];
  for (const row of table.rows.slice(1)) {
    const [label, name, level] = row.cells.map(cellText);
    if (row.cells.length !== 3 || !name) fail(row.line, "competency row without 3 cells");
    if (label) {
      const group =
        GROUPS.find(([pattern]) => pattern.test(label))?.[1] ?? fail(row.line, `group "${label}"`);
      groups.push({ group, label, items: [] });
    }
    const current = groups[groups.length - 1] ?? fail(row.line, "competency before its group");
    current.items.push({ name: stripBullet(name), level: parseLevel(level ?? "") });
  }
  return { groups };
}

function isApproval(item: Item): boolean {
  if (item.kind === "paragraph") return item.text === APPROVAL;
  return item.rows.length === 1 && item.rows[0]!.cells.some((cell) => cellText(cell) === APPROVAL);
}

function transcribeDescription(lines: string[], context: Context): { file: string; yaml: string } {
  const items = groupTables(blocksOf(lines, context.first, context.last));
  let index = 0;
  const position: Partial<Position> & Record<string, unknown> = {};

  const first = items[index];
  let header: Position["header"];
  if (first?.kind === "table" && cellText(first.rows[0]!.cells[0]).startsWith("TÊN CƠ QUAN:")) {
    header = parseHeader(first.rows[0]!);
    index += 1;
  }
  let title: string | undefined;
  const titleItem = items[index];
  if (titleItem?.kind === "paragraph" && titleItem.text === TITLE) {
    title = titleItem.text;
    index += 1;
  }
  const metadata = items[index];
  if (metadata?.kind !== "table") fail(context.first, "identification table not found");
  index += 1;
  const name = labelledValue(metadata.rows, "Tên Vị trí việc làm:");
  const code = labelledValue(metadata.rows, "Mã vị trí việc làm:");
  const startDate = labelledValue(metadata.rows, "Ngày bắt đầu thực hiện:");
  const workplace = labelledValue(metadata.rows, "Địa điểm làm việc:");
  const procedures = labelledValue(metadata.rows, "Quy trình công việc liên quan:");

  // Sections: a heading paragraph "N-" / "N.M-" followed by its paragraphs or tables.
  const sections = new Map<string, Item[]>();
  const headings: NonNullable<Position["headings"]> = {};
  let approval: Position["approval"];
  let current: Item[] | undefined;
  for (; index < items.length; index += 1) {
    const item = items[index]!;
    if (isApproval(item)) {
      approval = { caption: APPROVAL };
      current = undefined;
      continue;
    }
    const heading = item.kind === "paragraph" ? /^(\d(?:\.\d)?)- ?(.*)$/.exec(item.text) : null;
    if (item.kind === "paragraph" && heading) {
      const standard = STANDARD_HEADINGS[heading[1]!] ?? fail(item.line, `unknown heading "${item.text}"`);
      if (item.text !== standard.text) headings[standard.key] = item.text;
      current = [];
      sections.set(heading[1]!, current);
      continue;
    }
    if (!current) fail(item.line, "content outside a section");
    current.push(item);
  }
  const section = (number: string) => sections.get(number) ?? [];
  const onlyTable = (number: string) => section(number).find((item): item is Table => item.kind === "table");

  const objective = section("1").filter((item): item is Paragraph => item.kind === "paragraph");
  const tasksTable = onlyTable("2");
  const catalog = context.catalog;
  const nameText = name.value.join(" ");
  if (name.found && nameText !== catalog.name)
    console.warn(`${SOURCE_FILE}: description ${context.number} "${nameText}" ≠ catalogue "${catalog.name}"`);

  Object.assign(position, {
    form: FORM,
    regime: "cc-nd62",
    effectiveDate: "2023-10-25",
    legalBasis: [
      `${INSTRUMENT} ngày 11/9/2023 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`,
      "Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 của Chính phủ về vị trí việc làm và biên chế công chức",
    ],
    appendix: context.appendix,
    decision: context.decision,
    header,
    title,
    name: name.found ? nameText : undefined,
    code: code.found ? (textValue(code.value) ?? null) : undefined,
    startDate: startDate.found ? (textValue(startDate.value) ?? null) : undefined,
    workplace: workplace.found ? (textValue(workplace.value) ?? null) : undefined,
    relatedProcedures: procedures.found ? (textValue(procedures.value) ?? null) : undefined,
    grade: catalog.grade,
    category: "nghiep-vu-chuyen-nganh",
    adminLevels: catalog.adminLevels,
    headings: Object.keys(headings).length ? headings : undefined,
    objective: textValue(objective.map((paragraph) => paragraph.text)),
    tasks: tasksTable ? parseTasks(tasksTable) : undefined,
    relations: parseRelations(onlyTable("3.1"), onlyTable("3.2")),
    authority: parseAuthority(onlyTable("4")),
    requirements: parseRequirements(onlyTable("5.1")),
    competencies: parseCompetencies(onlyTable("5.2")),
    approval,
    source: dropEmpty({
      instrument: INSTRUMENT,
      appendix: "Phụ lục II",
      item: `mục ${context.number}`,
      file: SOURCE_FILE,
      lines: [context.first, context.last] as [number, number],
      note: NOTES[context.number],
    }),
  });

  const expected: string[] = [];
  const comment: string[] = [];
  if (!title) {
    expected.push("/title");
    comment.push("Published without the title line.");
  }
  if (!name.found) {
    expected.push("/name");
    comment.push('Published without the "Tên Vị trí việc làm" row: the name is missing.');
  }
  const fileName = `${String(context.number).padStart(2, "0")}-${slugify(name.found ? nameText : catalog.name)}.yaml`;
  return {
    file: `examples/${FORM}/${fileName}`,
    yaml: toYaml(dropEmpty(position), {
      schema: `../../schemas/${FORM}.schema.json`,
      comment: [...comment, ...expected.map((pointer) => `expect: schema ${pointer}`)],
    }),
  };
}

/** What the transcription had to decide, in Vietnamese, per description number. */
const NOTES: Record<number, string> = {
  2: "Nhiệm vụ 2.2 in thành 3 dòng bảng (ô TT và nhiệm vụ gộp dọc): chép thành một nhiệm vụ, công việc cụ thể và tiêu chí giữ thứ tự từng dòng.",
  3: "Nhiệm vụ 2.2 in thành 3 dòng bảng (ô TT và nhiệm vụ gộp dọc): chép thành một nhiệm vụ, công việc cụ thể và tiêu chí giữ thứ tự từng dòng.",
  6: "Văn bản không in tiêu đề và dòng “Tên Vị trí việc làm”; theo thứ tự và Phụ lục I (STT 6), đây là “Chuyên viên về thư ký - biên tập”. Dòng trống 5 ô sau nhiệm vụ 2.9 không chép.",
};

// ---------------------------------------------------------------------------------------------------------

export function transcribe(sourceText: string): Map<string, string> {
  const lines = sourceText
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\[bookmark: [^\]]*\]/g, "")
    .split("\n");
  const catalog = readCatalog(lines);
  const appendixLine = lines.findIndex((line) => line.trim() === "PHỤ LỤC II");
  const appendix = {
    label: lines[appendixLine]!.trim(),
    title: lines[appendixLine + 1]!.trim(),
    issuedWith: lines[appendixLine + 2]!.trim(),
  };
  const issued = /Thông tư số (\S+) ngày (\d+) tháng (\d+) năm (\d{4}) của (.+)\)$/.exec(appendix.issuedWith);
  if (!issued) fail(appendixLine + 3, "the “(Kèm theo Thông tư số …)” line is not where expected");
  const pad = (value: string) => value.padStart(2, "0");
  const decision = {
    kind: "Thông tư",
    number: issued[1]!,
    date: `${issued[4]}-${pad(issued[3]!)}-${pad(issued[2]!)}`,
    issuer: issued[5]!,
  };

  const starts = descriptionStarts(lines);
  if (starts.length !== catalog.entries.length)
    fail(1, `${starts.length} descriptions for ${catalog.entries.length} catalogue rows`);
  const outputs = new Map<string, string>();
  outputs.set(`data/catalogs/${FORM}.yaml`, catalogYaml(catalog));
  starts.forEach((first, index) => {
    let last = (starts[index + 1] ?? lines.length + 1) - 1;
    while (last > first && isBlankLine(lines[last - 1]!)) last -= 1;
    const { file, yaml } = transcribeDescription(lines, {
      number: index + 1,
      catalog: catalog.entries[index]!,
      appendix,
      decision,
      first,
      last,
    });
    outputs.set(file, yaml);
  });
  return outputs;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers shared with the other transcription scripts (scripts/transcribe/*.ts)

/**
 * A form's section headings as its layout prints them (templates/layouts/<form>/layout.yaml `headings`),
 * keyed by their number without its punctuation ("3.1- Bên trong" under "3.1").
 */
export function headingsByNumber(form: FormId): Record<string, { key: SectionHeadingKey; text: string }> {
  return Object.fromEntries(
    Object.entries(standardHeadings(form)).map(([key, text]) => [
      headingNumber(text).replace(/\s*[-.:)]$/u, ""),
      { key: key as SectionHeadingKey, text },
    ]),
  );
}

/** A cell's lines, trimmed, without empty ones. */
export function bodyLines(cell: Cell | undefined): string[] {
  return (cell?.text ?? "")
    .split("\n")
    .map((line) => line.replace(/\u00a0/g, " ").trim())
    .filter((line) => line !== "");
}

/** Bullet glyphs are not stored: the layout prints the form's own (numbering such as "1." is kept). */
export function stripBullet(line: string): string {
  return line.replace(/^[•+-]\s+/u, "");
}

/** No line: undefined; one line: a string; several: a list (bullets removed). */
export function textValue(lines: string[]): string | string[] | undefined {
  const items = lines.map(stripBullet).filter((line) => line !== "");
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : items;
}

/** The object without its undefined properties, so absent parts stay absent in the YAML. */
export function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** YAML with a schema modeline and comments first, written as `vtvl import` writes it (src/import/emit.ts). */
export function toYaml(value: unknown, options: { schema?: string; comment?: string[] } = {}): string {
  return emitYaml(value, [
    ...(options.schema ? [`yaml-language-server: $schema=${options.schema}`] : []),
    ...(options.comment ?? []),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runTranscription(
    () =>
      transcribe(
        readFileSync(new URL(`../../test/fixtures/sources/${SOURCE_FILE}`, import.meta.url), "utf8"),
      ),
    [`examples/${FORM}/`],
  );
}
