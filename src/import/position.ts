/**
 * One description's blocks → the format (src/model/schema-source.ts). Sections are found by their headings,
 * tables by their header rows; the text goes in as written. Whatever finds no place is returned as unplaced,
 * with where it came from, for the YAML comment block and the report.
 */
import type { Localized } from "../i18n/index.js";
import { findForm } from "../model/forms.js";
import type { CompetencyGroup, FormId, Position, Task } from "../model/types.js";
import { itemsOf, textValue, valueOf } from "./cells.js";
import type { CatalogueEntry } from "./catalogue.js";
import {
  cellText,
  type ImportBlock,
  type ImportParagraph,
  type ImportTable,
  type Origin,
} from "./document.js";
import { APPENDIX_LABEL, footnoteBody, kindOf, TITLE } from "./split.js";
import {
  readAuthority,
  readCompetencies,
  readExternalRelations,
  readIdentification,
  readInternalRelations,
  readRequirements,
  readTasks,
  readWorkingConditions,
  type Identification,
  type ReadContext,
  type Unplaced,
} from "./tables.js";
import {
  APPROVAL,
  competencyGroup,
  headingKey,
  splitHeading,
  standardHeadings,
  type HeadingKey,
  type SectionKey,
  type TableKind,
} from "./vocabulary.js";

export interface DocumentContext {
  format: ReadContext["format"];
  file: string;
  appendix?: NonNullable<Position["appendix"]>;
  decision?: NonNullable<Position["decision"]>;
  /** Category the appendix title or catalogue heading states for all its positions. */
  category?: Position["category"];
  /** Footnote bodies not yet claimed by a glued mark, in document order. */
  footnotes: ImportParagraph[];
  /** The document prints footnote bodies at its end (QĐ 4135), not after each description. */
  footnotesAtEnd: boolean;
}

export interface DescriptionInput {
  index: number;
  form: FormId;
  preamble: ImportBlock[];
  body: ImportBlock[];
  catalogue?: CatalogueEntry;
}

export interface ImportedPosition {
  index: number;
  position: Position;
  unplaced: Unplaced[];
  /** JSON pointers of the parts the form requires that the source does not print. */
  missing: string[];
  origin: Origin;
}

const REASONS = {
  paragraph: { vi: "đoạn văn ngoài các mục của mẫu", en: "paragraph outside the form's sections" },
  table: { vi: "bảng không nhận ra", en: "table not recognised" },
  heading: { vi: "đề mục không có trong mẫu", en: "heading the form does not have" },
} satisfies Record<string, Localized>;

type Header = NonNullable<Position["header"]>;

const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";

/**
 * The header table: agency lines on the left, the motto (and a form code such as "PL1.1") on the right. Under
 * a motto the two lines are the agency and its unit (TT 02/2023, QĐ 4135); without one, the parent agency and
 * the agency (Hưng Yên), as NĐ 30/2020 sets them.
 */
function headerFromTable(table: ImportTable): Header {
  const [left = [], right = []] = (table.rows[0]?.cells ?? []).map((item) =>
    item.paragraphs.filter((text) => !/^[-_–—]+$/u.test(text)),
  );
  const header: Header = {};
  const codeAt = right.findIndex((text) => /^PL\s?[\d.]+$/u.test(text));
  const code = codeAt >= 0 ? right[codeAt] : undefined;
  const motto = right.filter((_, index) => index !== codeAt);
  if (motto[0]?.startsWith("ĐẢNG CỘNG SẢN")) header.motto = "dang";
  else if (motto[0]?.startsWith("CỘNG HÒA")) {
    header.motto = "quoc-hieu";
    if (motto.length !== 2 || motto[0] !== QUOC_HIEU || motto[1] !== TIEU_NGU) header.mottoLines = motto;
  } else header.motto = "none";
  const [first, second, third] = left;
  if (header.motto === "none" && third === undefined && second !== undefined) {
    header.parentAgency = first!;
    header.agency = second;
  } else {
    if (third !== undefined) header.parentAgency = left.shift()!;
    if (left[0]) header.agency = left[0];
    if (left[1]) header.unit = left[1];
  }
  if (code) header.code = code;
  return orderHeader(header);
}

/** Keys in the format's order (parentAgency, agency, unit, motto, code, mottoLines). */
function orderHeader(header: Header): Header {
  const ordered: Header = {};
  for (const key of ["parentAgency", "agency", "unit", "motto", "code", "mottoLines"] as const)
    if (header[key] !== undefined) (ordered as Record<string, unknown>)[key] = header[key];
  return ordered;
}

interface Preamble {
  title?: string;
  header?: Header;
  formLabel?: string;
}

/** Title, header block and form label among the blocks before the identification table. */
function readPreamble(blocks: ImportBlock[], appendixTitle: string | undefined): Preamble {
  const preamble: Preamble = {};
  const capitals: string[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === "table") {
      preamble.header = headerFromTable(block);
      const before = blocks[index - 1];
      if (
        before?.kind === "paragraph" &&
        !TITLE.test(before.text) &&
        !/^\(|^PHỤ LỤC|^PL\s?\d/u.test(before.text)
      )
        preamble.formLabel = before.text;
      return;
    }
    if (TITLE.test(block.text) && block.text !== appendixTitle) preamble.title = block.text;
    else if (
      !preamble.title &&
      !TITLE.test(block.text) &&
      !APPENDIX_LABEL.test(block.text) &&
      /\p{Lu}/u.test(block.text) &&
      !/\p{Ll}/u.test(block.text)
    )
      capitals.push(block.text);
  });
  if (!preamble.header && capitals.length > 0) {
    // Hưng Yên: "UBND TỈNH HƯNG YÊN      PL1.1" / "SỞ NỘI VỤ", the form code set to the right with spaces.
    const [first, ...rest] = capitals;
    const [parentAgency, code] = first!.split(/\s{2,}/u);
    const header: Header = { motto: "none" };
    if (rest.length > 0) {
      header.parentAgency = parentAgency!;
      header.agency = rest.join(" ");
    } else header.agency = parentAgency!;
    if (code) header.code = code;
    preamble.header = orderHeader(header);
  }
  return preamble;
}

/** Footnote marks glued to a word ("công tác Công đoàn1;") when the document prints footnote bodies. */
function takeFootnotes(
  text: string,
  context: DocumentContext,
  footnotes: NonNullable<Position["footnotes"]>,
): string {
  let result = text;
  for (;;) {
    const pending = context.footnotes[0];
    if (!pending) return result;
    const { mark, text: body } = footnoteBody(pending);
    const glued = new RegExp(`(\\p{Ll})${mark}(?=[;,.:)]?(?:\\s|$))`, "u");
    if (!glued.test(result)) return result;
    result = result.replace(glued, "$1");
    footnotes.push({ mark, text: body });
    context.footnotes.shift();
  }
}

function gradeOf(items: string[]): Position["grade"] {
  const text = items.join(" ");
  if (text === "") return null;
  const names = text.split(/\s+hoặc\s+/u);
  return names.length === 1 ? { name: text } : names.map((name) => ({ name }));
}

const nullable = (value: string[] | undefined, format: ReadContext["format"]) =>
  value === undefined ? undefined : (valueOf(value, format) ?? null);

export function importDescription(input: DescriptionInput, context: DocumentContext): ImportedPosition {
  const read: ReadContext = { format: context.format, unplaced: [] };
  const form = input.form;
  const standard = standardHeadings(form);
  const preamble = readPreamble(input.preamble, context.appendix?.title);
  const [identificationTable, ...rest] = input.body as [ImportTable, ...ImportBlock[]];
  const identification = readIdentification(identificationTable);

  const headings: NonNullable<Position["headings"]> = {};
  const paragraphs = new Map<HeadingKey, string[]>();
  let tasks: Position["tasks"];
  let internal: NonNullable<Position["relations"]>["internal"];
  let external: NonNullable<Position["relations"]>["external"];
  let authority: Position["authority"];
  let workingConditions: Position["workingConditions"];
  let requirements: Position["requirements"];
  const groups: CompetencyGroup[] = [];
  let legend: string | undefined;
  let approval: string | undefined;
  let objectiveTable: string[] | undefined;
  let section: HeadingKey | undefined;
  let romanOutline = false;
  let headingGroup: { group: CompetencyGroup["group"]; label: string } | undefined;
  const footnotes: NonNullable<Position["footnotes"]> = [];
  const notes: string[] = [];

  const seenHeadings = new Set<SectionKey>();
  const printed = (key: SectionKey, text: string) => {
    // A form may print a second heading of the same kind (NĐ 232/2026: IV and V after III): the first one names it.
    if (seenHeadings.has(key)) return;
    seenHeadings.add(key);
    if (standard[key] !== undefined && standard[key] !== text) headings[key] = text;
  };
  // A heading is filed under the section its table shows it introduces: "3.2- Bên ngoài" printed above the
  // internal-relations table, "5. Các yêu cầu về năng lực" above mẫu B's requirements table.
  let pending: { key: SectionKey; text: string; nested: boolean } | undefined;
  const settle = (tableKind?: TableKind) => {
    if (!pending) return;
    let key = pending.key;
    if (
      (key === "relationsInternal" || key === "relationsExternal") &&
      (tableKind === "relationsInternal" || tableKind === "relationsExternal")
    )
      key = tableKind;
    else if (key === "competencies" && tableKind === "requirements") {
      key = pending.nested ? "requirementsQualification" : "requirements";
      section = key;
    }
    printed(key, pending.text);
    pending = undefined;
  };
  const addParagraph = (key: HeadingKey, text: string) =>
    paragraphs.set(key, [...(paragraphs.get(key) ?? []), text]);

  let sectionHasTable = false;
  let taskCategory: Task["category"];
  const readTable = (table: ImportTable, kind: TableKind | undefined) => {
    sectionHasTable = true;
    const effective = kind ?? tableKindFromSection(section);
    switch (effective) {
      case "tasks": {
        // NĐ 232/2026 prints professional (III), management (IV) and support (V) work in three tables.
        const category = form === "nd-232-2026" && taskCategory !== "chuyen-mon" ? taskCategory : undefined;
        const found = readTasks(table, read).map((task) => (category ? { ...task, category } : task));
        tasks = [...(tasks ?? []), ...found];
        return;
      }
      case "relationsInternal":
        internal = readInternalRelations(table, read);
        return;
      case "relationsExternal":
        external = [...(external ?? []), ...readExternalRelations(table, read)];
        return;
      case "authority":
        authority = [...(authority ?? []), ...readAuthority(table, read)];
        return;
      case "workingConditions":
        workingConditions = readWorkingConditions(table, read);
        return;
      case "requirements":
        requirements = { ...requirements, ...readRequirements(table, read) };
        return;
      case "competencies":
        groups.push(...readCompetencies(table, read, headingGroup));
        return;
      case "objective":
        objectiveTable = table.rows.flatMap((row) => row.cells.flatMap((item) => item.paragraphs));
        return;
      case "approval":
        approval = table.rows.flatMap((row) => row.cells.map(cellText)).find((text) => APPROVAL.test(text));
        return;
      default:
        for (const row of table.rows) {
          const text = row.cells
            .map(cellText)
            .filter((value) => value !== "")
            .join(" | ");
          if (text !== "") read.unplaced.push({ origin: row.origin, text, reason: REASONS.table });
        }
    }
  };

  for (const block of rest) {
    if (block.kind === "table") {
      const kind = kindOf(block);
      settle(kind);
      // An approval row printed at the end of another table (TT 02/2023 P6–P11) is the approval.
      const approvalRow = block.rows.findIndex((row) =>
        row.cells.some((item) => APPROVAL.test(cellText(item))),
      );
      if (approvalRow > 0 && kind !== "approval") {
        readTable({ ...block, rows: block.rows.slice(0, approvalRow) }, kind);
        approval = block.rows[approvalRow]!.cells.map(cellText).find((text) => APPROVAL.test(text));
        continue;
      }
      readTable(block, kind);
      continue;
    }
    const text = block.text;
    if (APPROVAL.test(text)) {
      approval = text;
      continue;
    }
    if (/^\(Ghi chú:/u.test(text)) {
      legend = text;
      continue;
    }
    // Footnotes printed after the description ("[1] …"), when the document does not print them at its end.
    const bracketed = context.footnotesAtEnd ? null : /^\[(\w+)\]\s*(\S.*)$/u.exec(text);
    if (bracketed) {
      footnotes.push({ mark: bracketed[1]!, text: bracketed[2]! });
      continue;
    }
    if (approval !== undefined) {
      notes.push(text);
      continue;
    }
    // A heading without a number ("Mục tiêu vị trí việc làm" in a Word heading style) is still a heading.
    let heading =
      splitHeading(text) ??
      (text.length <= 70 && !/[.;]$/u.test(text) && headingKey(text, false) !== undefined
        ? { number: "", body: text, kind: "number" as const }
        : undefined);
    // "a) a) Năng lực chung": a label that carries its own letter, printed after the layout's.
    const inner = heading?.kind === "letter" ? splitHeading(heading.body) : undefined;
    if (heading && inner?.kind === "letter" && inner.number === heading.number)
      heading = { ...inner, body: inner.body };
    if (heading) {
      if (heading.kind === "roman") romanOutline = true;
      const nested =
        heading.kind === "dotted" || heading.kind === "letter" || (heading.kind === "number" && romanOutline);
      const key = headingKey(heading.body, nested);
      if (key === "competencyGroup") {
        const group = competencyGroup(heading.body);
        if (group) headingGroup = { group, label: inner ? `${heading.number}) ${heading.body}` : text };
        continue;
      }
      if (key === "tasks")
        taskCategory = /quản lý$/iu.test(heading.body)
          ? "quan-ly"
          : /hỗ trợ$/iu.test(heading.body)
            ? "ho-tro"
            : "chuyen-mon";
      if (key !== undefined && key !== "generalInfo") {
        settle();
        section = key;
        sectionHasTable = false;
        headingGroup = undefined;
        const colon = key === "objective" ? /^(.*?)\s*:\s*(.+)$/su.exec(text) : null;
        if (colon && !/^\(.*\)$/su.test(colon[2]!)) {
          printed(key, colon[1]!);
          addParagraph(key, colon[2]!);
        } else pending = { key, text, nested };
        continue;
      }
      if (key === "generalInfo") {
        section = key;
        continue;
      }
    }
    // Text under a heading before its table: the objective, or a preamble ("Thực hiện theo quy định …").
    const target =
      section === "objective"
        ? "objective"
        : sectionHasTable
          ? undefined
          : section === "requirements" || section === "requirementsQualification"
            ? "requirements"
            : section === "competencies"
              ? "competencies"
              : section === "authority"
                ? "authority"
                : undefined;
    if (target) addParagraph(target, text);
    else read.unplaced.push({ origin: block.origin, text, reason: REASONS.paragraph });
  }

  settle();

  // Objective: the paragraphs of section 1, or the cell "Tóm tắt tổng quan …: <text>" (Hưng Yên).
  let objectiveParagraphs = paragraphs.get("objective") ?? [];
  if (objectiveParagraphs.length === 0 && objectiveTable) {
    objectiveParagraphs = objectiveTable.map((text, index) =>
      index === 0 ? text.replace(/^Tóm tắt tổng quan[^:]*:\s*/iu, "") : text,
    );
  }
  objectiveParagraphs = objectiveParagraphs
    .map((text) => takeFootnotes(text, context, footnotes))
    .filter((text) => text !== "");

  const catalogue = input.catalogue;
  const formEntry = findForm(form);
  const ownInstrument =
    context.decision?.number !== undefined &&
    formEntry?.instrument.includes(context.decision.number.replace(/\s+/gu, ""));
  const nameText = identification.name?.join(" ");
  const position: Position = {
    form,
    ...(formEntry ? { regime: formEntry.regime } : {}),
    ...(ownInstrument && formEntry?.effective ? { effectiveDate: formEntry.effective } : {}),
    ...(ownInstrument && formEntry ? { legalBasis: [formEntry.instrument] } : {}),
    ...(preamble.formLabel ? { formLabel: preamble.formLabel } : {}),
    ...(context.appendix ? { appendix: context.appendix } : {}),
    ...(context.decision ? { decision: context.decision } : {}),
    ...(preamble.header ? { header: preamble.header } : {}),
    ...(preamble.title ? { title: preamble.title } : {}),
    name: nameText ?? "",
  } as Position;
  if (nameText === undefined || nameText === "") delete (position as Partial<Position>).name;
  const code = nullable(identification.code, context.format);
  if (code !== undefined) position.code = Array.isArray(code) ? code.join(" ") : code;
  const startDate = nullable(identification.startDate, context.format);
  if (startDate !== undefined)
    position.startDate = Array.isArray(startDate) ? startDate.join(" ") : startDate;
  const workplace = nullable(identification.workplace, context.format);
  if (workplace !== undefined) position.workplace = workplace;
  const procedures = nullable(identification.relatedProcedures, context.format);
  if (procedures !== undefined) position.relatedProcedures = procedures;
  if (identification.grade !== undefined) position.grade = gradeOf(identification.grade);
  else if (catalogue) position.grade = catalogue.grade === null ? null : { name: catalogue.grade };
  setGeneralInformation(position, identification);
  if (form === "qd-302-2025-ubnd" && nameText) {
    const rank = /^(.*) hạng (I|II|III|IV)$/u.exec(nameText);
    position.professionalTitle = rank
      ? { name: rank[1]!, rank: rank[2] as "I" | "II" | "III" | "IV" }
      : { name: nameText };
  }
  const category = catalogue?.category ?? context.category;
  if (category) position.category = category;
  if (catalogue?.adminLevels) position.adminLevels = catalogue.adminLevels;
  if (Object.keys(headings).length > 0) position.headings = headings;
  const objective = textValue(itemsOf(objectiveParagraphs, context.format));
  if (objective !== undefined) position.objective = objective;
  if (tasks) position.tasks = tasks;
  if (internal || external)
    position.relations = { ...(internal ? { internal } : {}), ...(external ? { external } : {}) };
  // Authorities typed as numbered paragraphs rather than a table ("4.1. Được …", "1. Được …").
  const authorityLines = paragraphs.get("authority");
  if (!authority && authorityLines)
    authority = itemsOf(authorityLines, context.format).map((line) => {
      const numbered = /^(\d+(?:\.\d+)*\.?)\s+(\S.*)$/su.exec(line);
      return numbered ? { code: numbered[1]!, text: numbered[2]! } : { text: line };
    });
  if (authority) position.authority = authority;
  if (workingConditions) position.workingConditions = workingConditions;
  const requirementsPreamble = paragraphs.get("requirements");
  if (requirements || requirementsPreamble)
    position.requirements = {
      ...(requirementsPreamble ? { preamble: requirementsPreamble.join(" ") } : {}),
      ...requirements,
    };
  const competenciesPreamble = paragraphs.get("competencies");
  if (groups.length > 0)
    position.competencies = {
      ...(competenciesPreamble ? { preamble: competenciesPreamble.join(" ") } : {}),
      groups,
      ...(legend ? { legend } : {}),
    };
  else if (competenciesPreamble)
    for (const text of competenciesPreamble)
      read.unplaced.push({ origin: identificationTable.origin, text, reason: REASONS.paragraph });
  if (approval) position.approval = { caption: approval };
  const notesValue = textValue(notes);
  if (notesValue !== undefined) position.notes = notesValue;
  if (footnotes.length > 0) position.footnotes = footnotes;

  const first = input.preamble[0] ?? identificationTable;
  const last = input.body[input.body.length - 1] ?? identificationTable;
  const origin = { line: first.origin.line, endLine: last.origin.endLine };
  position.source = {
    instrument: instrumentOf(context),
    ...(context.appendix?.label ? { appendix: context.appendix.label } : {}),
    item: `bản mô tả thứ ${input.index}`,
    file: context.file,
    ...(context.format === "docx" ? {} : { lines: [origin.line, origin.endLine] as [number, number] }),
  };
  const missing = (formEntry?.requiredSections ?? [])
    .filter((key) => (position as Record<string, unknown>)[key] === undefined)
    .map((key) => `/${key}`);
  return { index: input.index, position, unplaced: read.unplaced, missing, origin };
}

/** NĐ 232/2026's "I. THÔNG TIN CHUNG": group (the ticked box), career levels, field, level, related positions. */
function setGeneralInformation(position: Position, fields: Identification): void {
  const text = (key: keyof Identification) => fields[key]?.join(" ").trim();
  const ticked = /(Quản lý|Chuyên môn|Hỗ trợ)\s*[Xx☒✓✔]/u.exec(text("category") ?? "")?.[1];
  if (ticked)
    position.category = ({ "Quản lý": "quan-ly", "Chuyên môn": "chuyen-mon", "Hỗ trợ": "ho-tro" } as const)[
      ticked
    ];
  const levels = /bậc\s*(\d)(?:\D+bậc\s*(\d))?/iu.exec(text("careerLevels") ?? "");
  if (levels) position.careerLevels = { min: Number(levels[1]), max: Number(levels[2] ?? levels[1]) };
  const field = text("field");
  if (field) position.field = field;
  const managementLevel = text("managementLevel");
  if (managementLevel) position.managementLevel = managementLevel;
  const related = text("relatedPositions");
  if (related) position.relatedPositions = related.split(/\s*;\s*/u).filter((name) => name !== "");
  const headcount = text("headcount");
  if (headcount) position.headcount = /^\d+$/u.test(headcount) ? Number(headcount) : headcount;
}

function instrumentOf(context: DocumentContext): string {
  const decision = context.decision;
  if (decision?.kind && decision.number) return `${decision.kind} số ${decision.number}`;
  return context.appendix?.issuedWith ?? context.file;
}

function tableKindFromSection(section: HeadingKey | undefined): TableKind | undefined {
  switch (section) {
    case "tasks":
    case "authority":
    case "workingConditions":
    case "competencies":
      return section;
    case "relationsInternal":
      return "relationsInternal";
    case "relationsExternal":
      return "relationsExternal";
    case "requirements":
    case "requirementsQualification":
      return "requirements";
    default:
      return undefined;
  }
}
