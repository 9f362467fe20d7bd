/**
 * Transcribes the Hưng Yên PL1.1 description ("Trưởng ban Tổ chức Đảng", Sở Nội vụ Hưng Yên, 2022) from its
 * cell-per-line text export (test/fixtures/sources/003_bd0bbd630426eb45.txt, a copy of the seed) into
 * examples/hung-yen-pl1-1-2022/01-truong-ban-to-chuc-dang.yaml, defects included.
 *
 *   npx tsx scripts/transcribe/hung-yen-2022.ts           write the file
 *   npx tsx scripts/transcribe/hung-yen-2022.ts --check   exit 1 if the committed file differs from a fresh run
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readCellLines, type Block } from "../../src/import/cell-lines.js";
import type { AuthorityItem, CompetencyGroup, Position, Task } from "../../src/model/types.js";
import { layoutSpec, type SectionHeadingKey } from "../../src/render/layout-spec.js";
import {
  bodyLines,
  cellText,
  dropEmpty,
  groupTables,
  labelledValue,
  runTranscription,
  textValue,
  toYaml,
  type Item,
  type Paragraph,
  type Table,
} from "./tt-02-2023.js";
import { slugify } from "../../src/util/similar.js";

export const SOURCE_FILE = "003_bd0bbd630426eb45.txt";
const FORM = "hung-yen-pl1-1-2022";

/** The form's own wording: its layout's (templates/layouts/hung-yen-pl1-1-2022/layout.yaml, GUIDE §c.3). */
const LAYOUT = layoutSpec(FORM);

/** The sections by their place in the outline; a heading printed otherwise than the layout's goes to `headings`. */
const SECTIONS: Record<string, SectionHeadingKey> = {
  I: "objective",
  II: "tasks",
  III: "relations",
  "III.1": "relationsInternal",
  "III.2": "relationsExternal",
  IV: "authority",
  V: "requirements",
  "V.1": "requirementsQualification",
  "V.2": "competencies",
};
const COMPETENCY_GROUPS: Record<string, CompetencyGroup["group"]> = {
  "V.2.a": "chung",
  "V.2.b": "chuyen-mon",
};

/** Row labels of the requirements table: the standard one, or the form's printed variant (kept as `label`). */
type RequirementKey = "education" | "training" | "experience" | "qualities" | "other";
const REQUIREMENT_LABELS: Array<[RequirementKey, string, string[]]> = [
  ["education", "Trình độ đào tạo", []],
  ["training", "Bồi dưỡng, chứng chỉ", ["Bồi dưỡng chứng chỉ"]],
  ["experience", "Kinh nghiệm (thành tích công tác)", ["Kinh nghiệm công tác"]],
  ["qualities", "Phẩm chất cá nhân", []],
  ["other", "Các yêu cầu khác", []],
];

const OBJECTIVE_LABEL = "Tóm tắt tổng quan về chức năng, vị trí việc làm:";
const APPROVAL = LAYOUT.approval!.caption;

function fail(line: number, message: string): never {
  throw new Error(`${SOURCE_FILE}:${line}: ${message}`);
}

/**
 * A blank line inside a cell ends the row in this export (L34–36: "\t", "", "3"): a lone empty cell followed by
 * a paragraph that is only a number and then by a row is one row whose first cell is that number.
 */
function joinSplitNumberCells(blocks: Block[]): Block[] {
  const joined: Block[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const [block, number, row] = [blocks[index]!, blocks[index + 1], blocks[index + 2]];
    if (
      block.kind === "row" &&
      block.cells.length === 1 &&
      block.cells[0]!.text === "" &&
      number?.kind === "paragraph" &&
      /^\d+$/.test(number.text) &&
      row?.kind === "row"
    ) {
      joined.push({
        ...row,
        line: block.line,
        cells: [{ text: number.text, lines: [number.text], line: number.line }, ...row.cells],
      });
      index += 2;
    } else joined.push(block);
  }
  return joined;
}

function outlineKey(text: string, current: string[]): string[] | undefined {
  const roman = /^([IVX]+)\. /.exec(text);
  if (roman) return [roman[1]!];
  const digit = /^(\d+)\. /.exec(text);
  if (digit && current.length) return [current[0]!, digit[1]!];
  const letter = /^([a-z])\) /.exec(text);
  if (letter && current.length >= 2) return [current[0]!, current[1]!, letter[1]!];
  return undefined;
}

function parseTasks(table: Table): Task[] {
  return table.rows
    .filter((row) => cellText(row.cells[0]) !== "STT")
    .map((row) => {
      const [code, work, criteria] = row.cells.map(bodyLines);
      if (row.cells.length !== 3 || !code?.length) fail(row.line, "task row without 3 cells");
      return dropEmpty({
        code: code.join(" "),
        work: textValue(work ?? []),
        criteria: textValue(criteria ?? []),
      });
    });
}

function parseRelations(internal: Table | undefined, external: Table | undefined): Position["relations"] {
  const data = internal?.rows[1] ?? fail(internal?.line ?? 1, "relations table without its data row");
  const [managedBy, manages, mainPartners] = data.cells.map(bodyLines);
  return {
    internal: dropEmpty({
      managedBy: textValue(managedBy ?? []),
      manages: textValue(manages ?? []),
      mainPartners: textValue(mainPartners ?? []),
    }),
    external: (external?.rows.slice(1) ?? []).map((row) => {
      const [organisations, nature] = row.cells.map(bodyLines);
      return dropEmpty({ organisations: textValue(organisations ?? []), nature: textValue(nature ?? []) });
    }),
  };
}

/** One-column table "Quyền hạn": the number is printed in the cell ("1. Được …"). */
function parseAuthority(table: Table | undefined): AuthorityItem[] {
  return (table?.rows.slice(1) ?? []).map((row) => {
    const text = cellText(row.cells[0]);
    const numbered = /^(\d+\.)\s+(.*)$/s.exec(text);
    return numbered ? { code: numbered[1]!, text: numbered[2]! } : { text };
  });
}

function parseRequirements(table: Table | undefined): Position["requirements"] {
  const requirements: NonNullable<Position["requirements"]> = {};
  for (const row of table?.rows.slice(1) ?? []) {
    const [labelLines, textLines] = row.cells.map(bodyLines);
    const label = (labelLines ?? []).join(" ");
    const known = REQUIREMENT_LABELS.find(
      ([, standard, variants]) => standard === label || variants.includes(label),
    );
    if (!known) fail(row.line, `unknown requirement row "${label}"`);
    const [key, standard] = known;
    const text = textValue(textLines ?? []);
    if (key === "experience") {
      // L120 states no years, grade or achievements: the only fact is that the requirement is qualitative.
      const statesNumbers = /\d/.test(String(text));
      requirements.experience = dropEmpty({
        label: label === standard ? undefined : label,
        text,
        facts: statesNumbers ? undefined : { qualitative: true },
      });
    } else requirements[key] = label === standard ? text : dropEmpty({ label, text });
  }
  return requirements;
}

/** The X-matrix: the level is the "Mức độ N" column in which the row's X stands (read by position). */
function parseCompetencyTable(table: Table | undefined, group: CompetencyGroup): void {
  const rows = table?.rows ?? [];
  const levelsRow = rows.find((row) => row.cells.some((cell) => /^Mức độ \d$/.test(cellText(cell))));
  if (!levelsRow) fail(table?.line ?? 1, "competency table without its “Mức độ” row");
  const columnLevels = levelsRow.cells.map((cell) => /^Mức độ (\d)$/.exec(cellText(cell))?.[1]);
  for (const row of rows) {
    const texts = row.cells.map(cellText);
    if (row === levelsRow || texts[0] === LAYOUT.columns.competencies!.name || texts.includes(APPROVAL))
      continue;
    const marked = texts.flatMap((text, index) => (text === "X" ? [index] : []));
    if (marked.length > 1) fail(row.line, "more than one X in a competency row");
    const level = marked.length
      ? Number(columnLevels[marked[0]!] ?? fail(row.line, "X outside the levels"))
      : null;
    group.items.push({ name: texts[0]!, level });
  }
}

function hasApproval(items: Item[]): boolean {
  return items.some((item) =>
    item.kind === "paragraph"
      ? item.text === APPROVAL
      : item.rows.some((row) => row.cells.some((cell) => cellText(cell) === APPROVAL)),
  );
}

export function transcribe(sourceText: string): Map<string, string> {
  const text = sourceText
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\[bookmark: [^\]]*\]/g, "");
  const items = groupTables(joinSplitNumberCells(readCellLines(text)));
  const paragraphs = items.filter((item): item is Paragraph => item.kind === "paragraph");

  // Header laid out with spaces (L1–2): agency block on the left, the form code on the right.
  const [firstLine, secondLine] = paragraphs;
  const [parentAgency, code] = (firstLine?.text ?? "").split(/\s{2,}/);
  const titleIndex = paragraphs.findIndex((paragraph) => paragraph.text === LAYOUT.title);
  if (!parentAgency || !code || !secondLine || titleIndex < 0) fail(1, "header or title not where expected");
  const title = paragraphs[titleIndex]!;
  const issuedWith = [paragraphs[titleIndex + 1]!.text, paragraphs[titleIndex + 2]!.text].join(" ");
  const decisionMatch = /Quyết định số\s+(\S*)\s+ngày\s+(.+?)\s+của (.+)\)$/.exec(issuedWith);
  if (!decisionMatch)
    fail(title.line + 1, "the “(Ban hành kèm theo Quyết định …)” lines are not where expected");

  const metadata = items.find((item): item is Table => item.kind === "table" && item.line > title.line);
  if (!metadata) fail(title.line, "identification table not found");
  const name = labelledValue(metadata.rows, "Tên VTVL:");
  const positionCode = labelledValue(metadata.rows, "Mã vị trí việc làm:");
  const procedures = labelledValue(metadata.rows, "Quy trình công việc liên quan:");
  const startDate = labelledValue(metadata.rows, "Ngày bắt đầu thực hiện:");

  // Sections by outline position: "I." … "V.", then "1." / "2.", then "a)" / "b)".
  const sections = new Map<string, Item[]>();
  const printedHeadings = new Map<string, string>();
  const headings: NonNullable<Position["headings"]> = {};
  let outline: string[] = [];
  let legend: string | undefined;
  for (const item of items.slice(items.indexOf(metadata) + 1)) {
    if (item.kind === "paragraph" && item.text.startsWith("(Ghi chú:")) {
      legend = item.text;
      continue;
    }
    const key = item.kind === "paragraph" ? outlineKey(item.text, outline) : undefined;
    if (item.kind === "paragraph" && key) {
      outline = key;
      const section = SECTIONS[key.join(".")];
      if (!section && !COMPETENCY_GROUPS[key.join(".")]) fail(item.line, `unknown heading "${item.text}"`);
      if (section && item.text !== LAYOUT.headings[section]) headings[section] = item.text;
      sections.set(key.join("."), []);
      printedHeadings.set(key.join("."), item.text);
      continue;
    }
    const section = sections.get(outline.join(".")) ?? fail(item.line, "content outside a section");
    section.push(item);
  }
  const table = (key: string) => sections.get(key)?.find((item): item is Table => item.kind === "table");

  const objectiveText = cellText(table("I")?.rows[0]?.cells[0]);
  const groups = Object.entries(COMPETENCY_GROUPS).map(([key, group]) => {
    const competencyGroup: CompetencyGroup = { group, label: printedHeadings.get(key), items: [] };
    parseCompetencyTable(table(key), competencyGroup);
    return competencyGroup;
  });
  const tasksTable = table("II") ?? fail(1, "tasks table not found");
  const last = Math.max(...items.map((item) => (item.kind === "table" ? item.endLine : item.line)));

  const position = dropEmpty({
    form: FORM,
    regime: "cc-nd62",
    appendix: { issuedWith },
    decision: {
      kind: "Quyết định",
      number: decisionMatch[1]!,
      date: decisionMatch[2]!.replace(/\s+/g, " "),
      issuer: decisionMatch[3]!,
    },
    header: { parentAgency, agency: secondLine.text, motto: "none", code },
    title: title.text,
    name: name.found ? name.value.join(" ") : undefined,
    code: positionCode.found ? (textValue(positionCode.value) ?? null) : undefined,
    startDate: startDate.found ? (textValue(startDate.value) ?? null) : undefined,
    relatedProcedures: procedures.found ? (textValue(procedures.value) ?? null) : undefined,
    headings: Object.keys(headings).length ? headings : undefined,
    objective: objectiveText.startsWith(OBJECTIVE_LABEL)
      ? objectiveText.slice(OBJECTIVE_LABEL.length).trim()
      : objectiveText,
    tasks: parseTasks(tasksTable),
    relations: parseRelations(table("III.1"), table("III.2")),
    authority: parseAuthority(table("IV")),
    requirements: parseRequirements(table("V.1")),
    competencies: dropEmpty({ groups, legend }),
    approval: hasApproval(items) ? { caption: APPROVAL } : undefined,
    source: {
      instrument: "Quyết định của Giám đốc Sở Nội vụ tỉnh Hưng Yên (2022)",
      appendix: code,
      file: SOURCE_FILE,
      lines: [firstLine!.line, last] as [number, number],
      note: `Ô đầu của bảng mục I in nhãn “${OBJECTIVE_LABEL}” trước mục tiêu: nhãn thuộc mẫu biểu, không chép vào objective.`,
    },
  });

  const file = `examples/${FORM}/01-${slugify(position.name ?? "")}.yaml`;
  return new Map([[file, toYaml(position, { schema: `../../schemas/${FORM}.schema.json` })]]);
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
