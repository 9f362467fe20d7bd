/**
 * One reader per table of a description. Columns are found from the header rows by their labels, so the
 * same reader takes TT 02/2023's four task columns, Hưng Yên's three and Ninh Bình's five; merged cells come
 * as spans (docx, HTML, repeated cells of the text export) or as short rows (text exports), and a row whose
 * first cell is empty continues the row above (a vertical merge, or a row cut by a page break).
 */
import type { Localized } from "../i18n/index.js";
import type { AuthorityItem, CompetencyGroup, Position, Task } from "../model/types.js";
import {
  continueParagraphs,
  itemsOf,
  parseLevel,
  stripBullet,
  textValue,
  valueOf,
  type TextValue,
} from "./cells.js";
import {
  cellText,
  isEmptyCell,
  rowTexts,
  rowWidth,
  type ImportCell,
  type ImportRow,
  type ImportTable,
  type Origin,
  type SourceFormat,
} from "./document.js";
import {
  IDENTIFICATION_LABELS,
  STANDARD_REQUIREMENT_LABELS,
  TASK_COLUMN_ORDER,
  competencyGroup,
  lower,
  requirementKey,
  taskColumn,
  type IdentificationKey,
  type RequirementKey,
  type TaskColumn,
} from "./vocabulary.js";

export interface Unplaced {
  origin: Origin;
  text: string;
  reason: Localized;
}

export interface ReadContext {
  format: SourceFormat;
  unplaced: Unplaced[];
}

export const REASONS = {
  extraCells: { vi: "ô thừa so với các cột của bảng", en: "cell beyond the table's columns" },
  unknownRequirement: {
    vi: "nhãn hàng yêu cầu không nhận ra",
    en: "requirement row label not recognised",
  },
  duplicateRequirement: { vi: "hàng yêu cầu lặp lại", en: "requirement row printed twice" },
  unknownGroup: { vi: "nhóm năng lực không nhận ra", en: "competency group not recognised" },
  noName: { vi: "hàng không có tên năng lực", en: "row without a competency name" },
  unknownCondition: {
    vi: "hàng điều kiện làm việc không nhận ra",
    en: "working-condition row not recognised",
  },
  continuationFirst: { vi: "hàng nối tiếp mà không có hàng trước", en: "continuation row with no row above" },
} satisfies Record<string, Localized>;

function note(context: ReadContext, row: ImportRow, reason: Localized, texts = rowTexts(row)): void {
  const text = texts.filter((value) => value !== "").join(" | ");
  if (text !== "") context.unplaced.push({ origin: row.origin, text, reason });
}

/** Header rows are the leading rows whose filled cells are all column labels; repeats after page breaks too. */
function splitHeader(
  table: ImportTable,
  isLabel: (text: string) => boolean,
): { header: ImportRow[]; body: ImportRow[] } {
  const isHeaderRow = (row: ImportRow) => {
    const filled = rowTexts(row).filter((text) => text !== "");
    return filled.length > 0 && filled.every(isLabel);
  };
  let count = 0;
  while (count < table.rows.length && isHeaderRow(table.rows[count]!)) count += 1;
  return {
    header: table.rows.slice(0, count),
    body: table.rows
      .slice(count)
      .filter((row) => !isHeaderRow(row) && rowTexts(row).some((text) => text !== "")),
  };
}

const pageBreaks = (context: ReadContext) => context.format === "row-lines";

// ---------------------------------------------------------------------------------------------- tasks

/** The task columns the header rows name, in the forms' order. */
function taskColumns(header: ImportRow[]): TaskColumn[] {
  const found = new Set(header.flatMap((row) => rowTexts(row).map(taskColumn)));
  const columns = TASK_COLUMN_ORDER.filter((column) => found.has(column));
  return columns.length > 1 ? columns : ["code", "area", "work", "criteria"];
}

/**
 * Which column each cell fills. A cell spanning several columns fills the first (an area merged with the work
 * column has no work). A row with fewer cells than columns lost its merge in the export: the area (the cell
 * after the code) spans the missing columns, as TT 02/2023 prints 2.8 and 2.9. Row-per-line exports may also
 * pad such a row with an empty cell before the merged text (GUIDE §g, 002 L263–265): an empty area followed by
 * work is read as the area spanning the work column. Padding at the end (002 L368–370) looks like an empty last
 * column (004 L566): it is taken as padding only in tables with an outcome column.
 */
function placeTaskCells(
  row: ImportRow,
  columns: TaskColumn[],
  context: ReadContext,
): Map<TaskColumn, ImportCell> {
  let cells = row.cells;
  const width = columns.length;
  if (context.format === "row-lines" && !isEmptyCell(cells[0])) {
    // A trailing empty cell in a table with an outcome column: the row's merged area pushed everything one column
    // left (002 L368–370); a task with an outcome but no criterion is the less likely reading.
    const last = cells.length - 1;
    if (
      columns.includes("outcomes") &&
      rowWidth(row) === width &&
      isEmptyCell(cells[last]) &&
      !isEmptyCell(cells[last - 1])
    )
      cells = cells.slice(0, last);
    const areaAt = columns.indexOf("area");
    if (rowWidth({ ...row, cells }) === width && areaAt > 0 && columns[areaAt + 1] === "work") {
      if (isEmptyCell(cells[areaAt]) && !isEmptyCell(cells[areaAt + 1]))
        cells = [...cells.slice(0, areaAt), { ...cells[areaAt + 1]!, span: 2 }, ...cells.slice(areaAt + 2)];
    }
  }
  const spans = cells.map((item) => item.span);
  const deficit = width - spans.reduce((sum, span) => sum + span, 0);
  if (deficit > 0) {
    const absorb = Math.max(columns.indexOf("area"), Math.min(1, cells.length - 1));
    if (absorb >= 0 && absorb < spans.length) spans[absorb] = spans[absorb]! + deficit;
  }
  const placed = new Map<TaskColumn, ImportCell>();
  let at = 0;
  cells.forEach((item, index) => {
    const column = columns[at];
    if (column === undefined) {
      if (!isEmptyCell(item)) note(context, row, REASONS.extraCells, [cellText(item)]);
      return;
    }
    placed.set(column, item);
    at += spans[index]!;
  });
  return placed;
}

interface TaskDraft {
  columns: Map<TaskColumn, string[]>;
}

export function readTasks(table: ImportTable, context: ReadContext): Task[] {
  const { header, body } = splitHeader(
    table,
    (text) => taskColumn(text) !== undefined || /^(các )?(nhiệm vụ, )?(các )?công việc$/iu.test(text.trim()),
  );
  const columns = taskColumns(header);
  const drafts: TaskDraft[] = [];
  for (const row of body) {
    const placed = placeTaskCells(row, columns, context);
    const code = placed.get("code");
    const previous = drafts[drafts.length - 1];
    const area = placed.get("area");
    const continues = isEmptyCell(area) || area?.mergedUp || pageBreaks(context) || !columns.includes("area");
    if (columns.includes("code") && isEmptyCell(code) && continues) {
      if (!previous) {
        note(context, row, REASONS.continuationFirst);
        continue;
      }
      const pageBreak = pageBreaks(context) && !code?.mergedUp;
      for (const [column, item] of placed) {
        if (column === "code" || item.mergedUp) continue;
        // A vertically merged area printed again on the continuation row is the same area, not more text.
        if (column === "area" && !pageBreak && previous.columns.get("area")?.join(" ") === cellText(item))
          continue;
        previous.columns.set(
          column,
          continueParagraphs(previous.columns.get(column) ?? [], item.paragraphs, pageBreak),
        );
      }
      continue;
    }
    // A "Bậc" cell merged down over several rows (NĐ 232/2026) gives its level to each of them.
    const level = placed.get("careerLevel");
    const columnsOfRow = new Map([...placed].map(([column, item]) => [column, [...item.paragraphs]]));
    if (level?.mergedUp && previous)
      columnsOfRow.set("careerLevel", previous.columns.get("careerLevel") ?? []);
    drafts.push({ columns: columnsOfRow });
  }
  return drafts.map((draft) => {
    const task: Task = {};
    const get = (column: TaskColumn) => draft.columns.get(column) ?? [];
    const code = get("code").join(" ");
    if (code !== "") task.code = code;
    const level = /^(?:Bậc\s*)?([1-5])$/iu.exec(get("careerLevel").join(" "));
    if (level) task.careerLevel = Number(level[1]);
    const set = (key: "area" | "work" | "quota" | "outcomes" | "criteria", value: TextValue | undefined) => {
      if (value !== undefined) task[key] = value;
    };
    set("area", valueOf(get("area"), context.format));
    const work = itemsOf(get("work"), context.format);
    if (work.length === 1 && /^\(.*\)$/su.test(work[0]!)) task.note = work[0]!;
    else set("work", textValue(work));
    set("quota", valueOf(get("quota"), context.format));
    set("outcomes", valueOf(get("outcomes"), context.format));
    set("criteria", valueOf(get("criteria"), context.format));
    return task;
  });
}

// ------------------------------------------------------------------------------------------ relations

type Internal = NonNullable<NonNullable<Position["relations"]>["internal"]>;
type InternalKey = Exclude<keyof Internal, "notes">;

function internalColumn(label: string): InternalKey | undefined {
  const text = lower(label);
  if (/^được quản lý/u.test(text)) return "managedBy";
  if (/^quản lý trực tiếp/u.test(text)) return "manages";
  if (/phối hợp trực tiếp/u.test(text)) return "coordinatesWith";
  if (/phối hợp chính/u.test(text)) return "mainPartners";
  return undefined;
}

const isNote = (item: string) => /^\(Lưu ý(?!\p{L})/u.test(item);

/** Rows → cells → paragraphs, rows that continue the one above (first cell empty) joined to it. */
function mergeRows(rows: ImportRow[], context: ReadContext): string[][][] {
  const merged: string[][][] = [];
  for (const row of rows) {
    const previous = merged[merged.length - 1];
    if (previous && isEmptyCell(row.cells[0]) && (pageBreaks(context) || row.cells[0]?.mergedUp)) {
      row.cells.forEach((item, index) => {
        previous[index] = continueParagraphs(previous[index] ?? [], item.paragraphs, pageBreaks(context));
      });
      continue;
    }
    merged.push(row.cells.map((item) => [...item.paragraphs]));
  }
  return merged;
}

export function readInternalRelations(table: ImportTable, context: ReadContext): Internal {
  const [header, ...body] = table.rows;
  const columns = (header ? rowTexts(header) : []).map(internalColumn);
  const internal: Internal = {};
  const notes: string[] = [];
  const values = new Map<InternalKey, string[]>();
  for (const cells of mergeRows(body, context)) {
    cells.forEach((paragraphs, index) => {
      const key = columns[index];
      const items = itemsOf(paragraphs, context.format);
      notes.push(...items.filter(isNote));
      if (!key) {
        if (items.length) note(context, body[0]!, REASONS.extraCells, items);
        return;
      }
      values.set(key, [...(values.get(key) ?? []), ...items.filter((item) => !isNote(item))]);
    });
  }
  for (const key of ["managedBy", "manages", "coordinatesWith", "mainPartners"] as const) {
    const value = textValue(values.get(key) ?? []);
    if (value !== undefined) internal[key] = value;
  }
  const notesValue = textValue(notes);
  if (notesValue !== undefined) internal.notes = notesValue;
  return internal;
}

type External = NonNullable<NonNullable<Position["relations"]>["external"]>;

export function readExternalRelations(table: ImportTable, context: ReadContext): External {
  const body = table.rows
    .slice(1)
    .filter((row) => !rowTexts(row).some((text) => /^Bản chất quan hệ$/iu.test(text)));
  return mergeRows(
    body.filter((row) => rowTexts(row).some((text) => text !== "")),
    context,
  ).map((cells) => {
    const organisationItems = itemsOf(cells[0] ?? [], context.format);
    const natureItems = itemsOf(cells.slice(1).flat(), context.format);
    const entry: External[number] = {};
    const organisations = textValue(organisationItems.filter((item) => !isNote(item)));
    const nature = textValue(natureItems.filter((item) => !isNote(item)));
    const notes = textValue([...organisationItems, ...natureItems].filter(isNote));
    if (organisations !== undefined) entry.organisations = organisations;
    if (nature !== undefined) entry.nature = nature;
    if (notes !== undefined) entry.notes = notes;
    return entry;
  });
}

// ------------------------------------------------------------------------------------------ authority

export function readAuthority(table: ImportTable, context: ReadContext): AuthorityItem[] {
  const { header, body } = splitHeader(table, (text) =>
    /^(s?tt|(các )?quyền hạn( cụ thể)?)$/iu.test(text.trim()),
  );
  const headerTexts = header[0] ? rowTexts(header[0]) : [];
  const hasCode =
    header.length === 0 ? body.some((row) => row.cells.length > 1) : /^S?TT$/iu.test(headerTexts[0] ?? "");
  const rows: Array<{ code: string; text: string[] }> = [];
  for (const row of body) {
    const [first, ...rest] = row.cells;
    const code = hasCode ? cellText(first) : "";
    const paragraphs = hasCode
      ? rest.flatMap((item) => item.paragraphs)
      : row.cells.flatMap((item) => item.paragraphs);
    const previous = rows[rows.length - 1];
    if (hasCode && code === "" && previous) {
      previous.text = continueParagraphs(previous.text, paragraphs, pageBreaks(context));
      continue;
    }
    rows.push({ code, text: [...paragraphs] });
  }
  const items = rows.map(({ code, text }): AuthorityItem => {
    const value = valueOf(text, context.format);
    if (!hasCode && typeof value === "string") {
      // One-column table with the number in the cell (Hưng Yên: "1. Được chủ động …").
      const numbered = /^(\d+\.)\s+(.*)$/su.exec(value);
      if (numbered) return { code: numbered[1]!, text: numbered[2]! };
    }
    return { ...(code !== "" ? { code } : {}), ...(value !== undefined ? { text: value } : {}) };
  });
  // Grouped authorities (Ninh Bình 2026): "1" is a group heading when "1.1", "1.2" follow.
  const grouped = items.some(
    (item, index) => /^\d+$/u.test(item.code ?? "") && items[index + 1]?.code?.startsWith(`${item.code}.`),
  );
  if (!grouped) return items;
  const groups: AuthorityItem[] = [];
  for (const item of items) {
    const group = groups[groups.length - 1];
    if (/^\d+$/u.test(item.code ?? "") || !group?.items) {
      const heading = typeof item.text === "string" ? item.text : (item.text ?? []).join(" ");
      groups.push({ ...(item.code ? { code: item.code } : {}), heading, items: [] });
    } else if (item.text !== undefined)
      group.items.push({ ...(item.code ? { code: item.code } : {}), text: item.text });
  }
  return groups;
}

// --------------------------------------------------------------------------------------- requirements

type Requirements = NonNullable<Position["requirements"]>;

export function readRequirements(table: ImportTable, context: ReadContext): Requirements {
  const { body } = splitHeader(table, (text) => /^(nhóm yêu cầu|(các )?yêu cầu cụ thể)$/iu.test(text.trim()));
  const rows: Array<{ label: string; text: string[]; row: ImportRow }> = [];
  for (const row of body) {
    const [first, ...rest] = row.cells;
    const paragraphs = rest.flatMap((item) => item.paragraphs);
    const previous = rows[rows.length - 1];
    if (isEmptyCell(first) && previous) {
      previous.text = continueParagraphs(previous.text, paragraphs, pageBreaks(context) && !first?.mergedUp);
      continue;
    }
    rows.push({ label: cellText(first), text: [...paragraphs], row });
  }
  const requirements: Requirements = {};
  for (const { label, text, row } of rows) {
    const key = requirementKey(label);
    if (!key) {
      note(context, row, REASONS.unknownRequirement);
      continue;
    }
    if (requirements[key] !== undefined) {
      note(context, row, REASONS.duplicateRequirement);
      continue;
    }
    const value = valueOf(text, context.format);
    requirements[key] = requirementValue(key, label, value);
  }
  return requirements;
}

function requirementValue(
  key: RequirementKey,
  label: string,
  value: TextValue | undefined,
): Requirements[RequirementKey] {
  if (label === STANDARD_REQUIREMENT_LABELS[key]) return value ?? "";
  return { label, text: value ?? "" };
}

// --------------------------------------------------------------------------------------- competencies

const COMPETENCY_LABEL = /^(nhóm năng lực|tên năng lực|cấp độ( năng lực| yêu cầu)?|mức độ \d)$/iu;

export function readCompetencies(
  table: ImportTable,
  context: ReadContext,
  headingGroup?: { group: CompetencyGroup["group"]; label: string },
): CompetencyGroup[] {
  const { header, body } = splitHeader(table, (text) => COMPETENCY_LABEL.test(text.trim()));
  const widest = header.reduce<ImportRow | undefined>(
    (best, row) => (!best || row.cells.length > best.cells.length ? row : best),
    undefined,
  );
  const labels = widest ? rowTexts(widest) : [];
  const first = header[0] ? rowTexts(header[0]) : [];
  const marks = new Map<number, number>();
  labels.forEach((text, index) => {
    const level = /^Mức độ (\d)$/iu.exec(text.trim());
    if (level) marks.set(index, Number(level[1]));
  });
  const hasGroupColumn =
    /^Nhóm năng lực$/iu.test(first[0] ?? "") || (header.length === 0 && (body[0]?.cells.length ?? 0) >= 3);
  const nameAt = hasGroupColumn ? 1 : 0;
  const groups: CompetencyGroup[] = [];
  if (headingGroup && !hasGroupColumn)
    groups.push({ group: headingGroup.group, label: headingGroup.label, items: [] });
  for (const row of body) {
    const texts = rowTexts(row);
    if (hasGroupColumn && texts[0] !== "") {
      const group = competencyGroup(texts[0]!);
      if (!group) {
        note(context, row, REASONS.unknownGroup);
        continue;
      }
      groups.push({ group, label: texts[0]!, items: [] });
    }
    const name = stripBullet(texts[nameAt] ?? "");
    if (name === "") {
      note(context, row, REASONS.noName);
      continue;
    }
    if (groups.length === 0) groups.push({ group: "chung", items: [] });
    let level = parseLevel(texts[nameAt + 1] ?? "");
    if (marks.size > 0) {
      const marked = [...marks].filter(([index]) => /^x$/iu.test(texts[index] ?? ""));
      level =
        marked.length === 1
          ? marked[0]![1]
          : marked.length === 0
            ? null
            : { text: marked.map(([, value]) => value).join(", ") };
    }
    groups[groups.length - 1]!.items.push({ name, level });
  }
  return groups;
}

// ----------------------------------------------------------------------------------- working conditions

type WorkingConditions = NonNullable<Position["workingConditions"]>;

export function readWorkingConditions(table: ImportTable, context: ReadContext): WorkingConditions {
  const { body } = splitHeader(table, (text) =>
    /^(nội dung|điều kiện cụ thể|dùng riêng|dùng chung)$/iu.test(text.trim()),
  );
  const conditions: WorkingConditions = {};
  for (let index = 0; index < body.length; index += 1) {
    const row = body[index]!;
    const texts = rowTexts(row);
    const label = lower(texts[0] ?? "");
    const values = row.cells.slice(1).map((item) => item.paragraphs);
    if (/^trang thiết bị/u.test(label)) {
      let source = values;
      if (
        /^dùng riêng$/iu.test(texts[1] ?? "") &&
        body[index + 1] &&
        isEmptyCell(body[index + 1]!.cells[0])
      ) {
        index += 1;
        source = body[index]!.cells.slice(1).map((item) => item.paragraphs);
      }
      const privateValue = valueOf(source[0] ?? [], context.format);
      const sharedValue = valueOf(source[1] ?? [], context.format);
      conditions.equipment = {
        ...(privateValue !== undefined ? { private: privateValue } : {}),
        ...(sharedValue !== undefined ? { shared: sharedValue } : {}),
      };
      continue;
    }
    const value = valueOf(values.flat(), context.format);
    if (/tính chất|môi trường/u.test(label)) conditions.environment = value;
    else if (/tự chủ/u.test(label)) conditions.autonomy = value;
    else if (/hỗ trợ|phối hợp/u.test(label)) conditions.support = value;
    else note(context, row, REASONS.unknownCondition);
  }
  for (const key of Object.keys(conditions) as Array<keyof WorkingConditions>)
    if (conditions[key] === undefined) delete conditions[key];
  return conditions;
}

// -------------------------------------------------------------------------------------- identification

export type Identification = Partial<Record<IdentificationKey, string[]>>;

/** "Label: value" in one cell, or a label cell followed by its value cell; labels found in any row. */
export function readIdentification(table: ImportTable): Identification {
  const fields: Identification = {};
  for (const row of table.rows) {
    row.cells.forEach((item, index) => {
      const [firstParagraph = "", ...more] = item.paragraphs;
      const found = IDENTIFICATION_LABELS.find(([, pattern]) => pattern.test(firstParagraph));
      if (!found || fields[found[0]] !== undefined) return;
      const [key, pattern] = found;
      const inline = [firstParagraph.replace(pattern, "").trim(), ...more].filter((text) => text !== "");
      const next = row.cells[index + 1];
      const nextIsLabel = IDENTIFICATION_LABELS.some(([, label]) => label.test(cellText(next)));
      fields[key] = inline.length > 0 ? inline : next && !nextIsLabel ? [...next.paragraphs] : [];
    });
  }
  return fields;
}
