/**
 * Data → view model: the description's flexible YAML shapes turned into exactly what a form draws (rows,
 * cells, bullets, merged cells), following the layout's spec. Pure functions: no I/O, no HTML. Every value
 * stays raw text; the templates escape it. Data the layout has no place for is still shown (never dropped).
 */
import { gradeList, levelLabel, levelRange, STANDARD_REQUIREMENT_LABELS } from "../model/normalize.js";
import { asArray, isRecord, optionalScalar, ownEntry, scalar, textList } from "../model/loose.js";
import type { CompetencyGroup, Level, Position, Task, Text } from "../model/types.js";
import type { LayoutSpec, RequirementKey } from "./layouts.js";

export interface Item {
  bullet?: string;
  text: string;
}

export interface TaskRow {
  code: string;
  area: Item[];
  work: Item[];
  outcomes: Item[];
  criteria: Item[];
  quota: Item[];
  note?: string;
  /** No concrete work: the area text spans the area and work columns, as TT 02/2023 prints 2.8 and 2.9. */
  areaSpansWork: boolean;
  careerLevel?: string;
  /** Rows the "Bậc" cell spans; 0 when an earlier row's cell covers this one. */
  careerLevelRowspan: number;
}

export interface AuthorityRow {
  code: string;
  /** The code as a list number ("1."), unless the text already starts with its own number. */
  codePrefix: string;
  text: Item[];
  isGroup: boolean;
}

export interface RequirementRow {
  label: string;
  items: Item[];
}

export interface CompetencyRow {
  name: string;
  nameBullet?: string;
  level: string;
  /** Rows the level cell spans (a written requirement covering the empty rows below it); 0 to skip the cell. */
  levelRowspan: number;
  /** One entry per "Mức độ 1…5" column of an X matrix. */
  marks: boolean[];
  /** A level the X matrix cannot mark (text, reference): written across the five columns. */
  markText?: string;
  groupLabel: string;
  /** Rows the group cell spans; 0 when the group's first row carries it. */
  groupRowspan: number;
  note?: string;
}

export interface CompetencyGroupView {
  id: CompetencyGroup["group"];
  label: string;
  enumerator: string;
  /** "a) Năng lực chung": the label after its letter, unless the label already starts with one (Hưng Yên). */
  numberedLabel: string;
  rows: CompetencyRow[];
}

export interface PositionView {
  form: string;
  layout: string;
  documentTitle: string;
  formLabel?: string;
  appendix?: { label?: string; title?: string; issuedWith?: string };
  header: {
    lines: Array<{ text: string; bold: boolean }>;
    motto: "quoc-hieu" | "dang" | "none";
    /**
     * The motto lines exactly as the file says they were printed (`header.mottoLines`, e.g. a Quốc hiệu without
     * its Tiêu ngữ, TT 02/2023 positions 8 and 12), in place of the motto's standard lines; `rule`: the line
     * under them is drawn on its own, as no Tiêu ngữ carries it.
     */
    mottoLines?: {
      lines: Array<{ text: string; style: "quoc-hieu" | "tieu-ngu" | "tieu-ngu dang" }>;
      rule: boolean;
    };
    code?: string;
    /** Whether the form has a header block at all (appendix-only forms have none). */
    show: boolean;
  };
  title: string;
  identification: {
    name: string;
    code: string;
    startDate: string;
    workplace: Item[];
    procedures: Item[];
    grades: string;
    professionalTitle: string;
    careerLevels: string;
    field: string;
    managementLevel: string;
    relatedPositions: string;
    headcount: string;
    categoryChoices: Array<{ label: string; checked: boolean }>;
  };
  /** The file's own printing of some headings (`headings`); the layout's are in `wording`. */
  headings: Record<string, string | undefined>;
  /** The layout's headings and column headings (layout.yaml), for the `heading` and `column` helpers. */
  wording: Pick<LayoutSpec, "headings" | "columns">;
  objective: Item[];
  /** The objective already starts with the Hưng Yên cell's label "Tóm tắt tổng quan …". */
  objectiveLabelled: boolean;
  italicGroups: boolean;
  tasks: TaskRow[];
  tasksByCategory: { chuyenMon: TaskRow[]; quanLy: TaskRow[]; hoTro: TaskRow[] };
  hasOutcomes: boolean;
  relations: {
    managedBy: Item[];
    manages: Item[];
    coordinatesWith: Item[];
    middle: Item[];
    mainPartners: Item[];
    notes: Item[];
    /** `notes`: "(Lưu ý: …)" printed in the 3.2 cell under the organisations (TT 02/2023). */
    external: Array<{ organisations: Item[]; nature: Item[]; notes: Item[] }>;
  };
  authority: AuthorityRow[];
  authorityGrouped: boolean;
  workingConditions?: {
    private: Item[];
    shared: Item[];
    environment: Item[];
    autonomy: Item[];
    support: Item[];
  };
  requirements: { preamble?: string; rows: RequirementRow[] };
  competencies: {
    preamble?: string;
    legend?: string;
    groups: CompetencyGroupView[];
    rows: CompetencyRow[];
    byGroup: { chung?: CompetencyGroupView; chuyenMon?: CompetencyGroupView; quanLy?: CompetencyGroupView };
    professionalByLevel: Array<{ level: string; description: Item[]; careerLevels: string }>;
  };
  approval?: { caption?: string; position?: string; signer?: string; date?: string; note?: string };
  notes: Item[];
  footnotes: Array<{ mark: string; text: string }>;
}

/** Letters of Vietnamese legal enumerations: a) b) c) d) đ) e) g) h) i) k) … */
const LETTERS = [
  "a",
  "b",
  "c",
  "d",
  "đ",
  "e",
  "g",
  "h",
  "i",
  "k",
  "l",
  "m",
  "n",
  "o",
  "p",
  "q",
  "r",
  "s",
  "t",
  "u",
  "v",
  "x",
  "y",
];

export function vietnameseLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** A label that carries its own letter, as printed: "a) Năng lực chung". */
const LETTERED = /^\s*[a-zđ]\)\s/u;

const MARKED = /^\s*(\d+(\.\d+)*\s*[.)/-]|[a-zđ]\)|[-–—•+*✓])\s*/u;

/** A level as printed, or "" for a shape that is not a level. */
function safeLevelLabel(level: unknown): string {
  if (typeof level === "number" || typeof level === "string") return String(level);
  if (isRecord(level)) {
    if (typeof level.text === "string") return level.text;
    if (typeof level.ref === "string") return level.ref;
    if (typeof level.min === "number" && typeof level.max === "number") return levelLabel(level as Level);
  }
  return "";
}

function safeLevelRange(level: unknown) {
  if (isRecord(level) && !(typeof level.min === "number" && typeof level.max === "number")) return undefined;
  return typeof level === "number" || typeof level === "string" || isRecord(level)
    ? levelRange(level as Level)
    : undefined;
}

function items(value: unknown, bullet: string | undefined, bulletSingle = false): Item[] {
  const list = textList(value);
  const useBullet = bullet && (list.length > 1 || bulletSingle);
  return list.map((text) => (useBullet && !MARKED.test(text) ? { bullet, text } : { text }));
}

function plain(value: unknown): Item[] {
  return items(value, undefined);
}

function joined(value: unknown, separator = "; "): string {
  return textList(value).join(separator);
}

/** ISO dates as the forms write them (dd/mm/yyyy); anything else as written. */
export function formatDate(value: unknown): string {
  if (typeof value !== "string") return scalar(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

function careerLevelRange(position: Position): string {
  const range = position.careerLevels;
  if (!range || typeof range !== "object" || typeof range.min !== "number" || typeof range.max !== "number")
    return "";
  return range.min === range.max ? `Bậc ${range.min}` : `Từ bậc ${range.min} đến bậc ${range.max}`;
}

const CATEGORY_CHOICES: Array<{ label: string; values: string[] }> = [
  { label: "Quản lý", values: ["quan-ly", "lanh-dao-quan-ly"] },
  {
    label: "Chuyên môn",
    values: ["chuyen-mon", "nghiep-vu-chuyen-nganh", "chuyen-mon-dung-chung", "tro-ly-thu-ky"],
  },
  { label: "Hỗ trợ", values: ["ho-tro", "ho-tro-phuc-vu"] },
];

function taskRows(tasks: readonly Task[], spec: LayoutSpec): TaskRow[] {
  const rows = tasks.map((task): TaskRow => {
    const work = items(task.work, spec.bullet);
    const area = items(task.area, spec.bullet);
    return {
      code: scalar(task.code),
      area,
      work,
      outcomes: items(task.outcomes, spec.bullet),
      criteria: items(task.criteria, spec.bullet),
      quota: plain(task.quota),
      note: optionalScalar(task.note),
      areaSpansWork: work.length === 0 && !task.note,
      careerLevel: typeof task.careerLevel === "number" ? `Bậc ${task.careerLevel}` : undefined,
      careerLevelRowspan: 1,
    };
  });
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.careerLevelRowspan === 0 || row.careerLevel === undefined) continue;
    let span = 1;
    while (rows[index + span]?.careerLevel === row.careerLevel) {
      rows[index + span]!.careerLevelRowspan = 0;
      span++;
    }
    row.careerLevelRowspan = span;
  }
  return rows;
}

function isEmptyLevel(level: Level | undefined): boolean {
  return level === null || level === undefined;
}

function competencyRows(group: CompetencyGroup, label: string, spec: LayoutSpec): CompetencyRow[] {
  const list = Array.isArray(group.items) ? group.items : [];
  const rows = list.map((item): CompetencyRow => {
    const range = safeLevelRange(item.level);
    const marks = [1, 2, 3, 4, 5].map((level) => (range ? level >= range.min && level <= range.max : false));
    return {
      name: scalar(item.name),
      nameBullet: spec.competencyNameBullet,
      level: safeLevelLabel(item.level),
      levelRowspan: 1,
      marks,
      markText: range ? undefined : safeLevelLabel(item.level) || undefined,
      groupLabel: label,
      groupRowspan: 0,
      note: optionalScalar(item.note),
    };
  });
  // A written requirement (ngoại ngữ's text, a leader's "Theo yêu cầu …") covers the empty cells below it.
  for (let index = 0; index < rows.length; index++) {
    const level = list[index]?.level;
    if (safeLevelRange(level) || isEmptyLevel(level) || rows[index]!.levelRowspan === 0) continue;
    let span = 1;
    while (index + span < list.length && isEmptyLevel(list[index + span]!.level)) {
      rows[index + span]!.levelRowspan = 0;
      span++;
    }
    rows[index]!.levelRowspan = span;
  }
  if (rows[0]) rows[0].groupRowspan = rows.length;
  return rows;
}

function requirementRows(position: Position, spec: LayoutSpec): RequirementRow[] {
  const requirements = (position.requirements ?? {}) as Record<string, unknown>;
  const rows: RequirementRow[] = [];
  const seen = new Set<string>();
  const add = (key: RequirementKey, label: string, optional: boolean) => {
    seen.add(key);
    const value = requirements[key];
    const list = isRecord(value) ? textList(value.text) : textList(value);
    if (optional && list.length === 0) return;
    rows.push({
      label: (isRecord(value) ? optionalScalar(value.label) : undefined) ?? label,
      items: items(list, spec.bullet, spec.bulletSingle),
    });
  };
  for (const row of spec.requirements) add(row.key, row.label, row.optional ?? false);
  for (const key of Object.keys(STANDARD_REQUIREMENT_LABELS) as RequirementKey[]) {
    if (!seen.has(key) && requirements[key] !== undefined) add(key, STANDARD_REQUIREMENT_LABELS[key], true);
  }
  return rows;
}

function authorityRow(code: unknown, text: Item[], isGroup: boolean): AuthorityRow {
  const value = scalar(code);
  const numbered = value !== "" && !(text[0] && MARKED.test(text[0].text));
  return {
    code: value,
    codePrefix: numbered ? (value.endsWith(".") ? value : `${value}.`) : "",
    text,
    isGroup,
  };
}

function authorityRows(position: Position, spec: LayoutSpec): { rows: AuthorityRow[]; grouped: boolean } {
  const list = Array.isArray(position.authority) ? position.authority : [];
  const rows: AuthorityRow[] = [];
  let grouped = false;
  for (const entry of list) {
    if (!entry || typeof entry !== "object") continue;
    if (entry.heading !== undefined || entry.items !== undefined) {
      grouped = true;
      rows.push(authorityRow(entry.code, plain(entry.heading), true));
      if (entry.text !== undefined) rows.push(authorityRow(undefined, items(entry.text, spec.bullet), false));
      for (const item of asArray<unknown>(entry.items).filter(isRecord))
        rows.push(authorityRow(item.code, items(item.text, spec.bullet), false));
    } else {
      rows.push(authorityRow(entry.code, items(entry.text, spec.bullet), false));
    }
  }
  return { rows, grouped };
}

/**
 * A file drawn in another form's layout keeps its content but not its own form's wording: its title, headings,
 * appendix, form label, motto and code, approval caption and the labels of requirement rows and competency
 * groups were transcribed for its form, and the target layout prints its own.
 */
export function withoutFormWording(position: Position): Position {
  const {
    title: _title,
    headings: _headings,
    formLabel: _formLabel,
    appendix: _appendix,
    ...rest
  } = position;
  const header = position.header
    ? { ...position.header, motto: undefined, code: undefined, mottoLines: undefined }
    : undefined;
  const approval =
    position.approval && typeof position.approval === "object"
      ? { ...position.approval, caption: undefined, note: undefined }
      : position.approval;
  const requirements = position.requirements
    ? (Object.fromEntries(
        Object.entries(position.requirements).map(([key, value]) => [
          key,
          value && typeof value === "object" && !Array.isArray(value) && "label" in value
            ? { ...value, label: undefined }
            : value,
        ]),
      ) as Position["requirements"])
    : undefined;
  const competencies = position.competencies
    ? {
        ...position.competencies,
        groups: (position.competencies.groups ?? []).map((group) => ({ ...group, label: undefined })),
      }
    : undefined;
  return { ...rest, header, approval, requirements, competencies } as Position;
}

/**
 * The sections whose shape the drawing relies on, with anything of the wrong shape (a file with schema errors)
 * treated as absent: the schema warnings already name them, and the rest of the file still prints.
 */
function withSafeShapes(position: Position): Position {
  const data = position as unknown as Record<string, unknown>;
  const competencies = isRecord(data.competencies)
    ? {
        ...data.competencies,
        groups: asArray<unknown>(data.competencies.groups)
          .filter(isRecord)
          .map((group) => ({ ...group, items: asArray<unknown>(group.items).filter(isRecord) })),
        professionalByLevel: asArray<unknown>(data.competencies.professionalByLevel).filter(isRecord),
      }
    : undefined;
  const relations = isRecord(data.relations)
    ? {
        internal: isRecord(data.relations.internal) ? data.relations.internal : undefined,
        external: asArray<unknown>(data.relations.external).filter(isRecord),
      }
    : undefined;
  const isGrade = (value: unknown) =>
    typeof value === "string" || (isRecord(value) && typeof value.name === "string");
  return {
    ...position,
    grade: Array.isArray(data.grade)
      ? data.grade.filter(isGrade)
      : isGrade(data.grade)
        ? data.grade
        : undefined,
    header: isRecord(data.header) ? data.header : undefined,
    appendix: isRecord(data.appendix) ? data.appendix : undefined,
    approval: data.approval === null || isRecord(data.approval) ? data.approval : undefined,
    requirements: isRecord(data.requirements) ? data.requirements : undefined,
    workingConditions: isRecord(data.workingConditions) ? data.workingConditions : undefined,
    headings: isRecord(data.headings) ? data.headings : undefined,
    careerLevels: isRecord(data.careerLevels) ? data.careerLevels : undefined,
    professionalTitle: isRecord(data.professionalTitle) ? data.professionalTitle : undefined,
    tasks: asArray<unknown>(data.tasks).filter(isRecord),
    authority: asArray<unknown>(data.authority).filter(isRecord),
    footnotes: asArray<unknown>(data.footnotes).filter(isRecord),
    competencies,
    relations,
  } as unknown as Position;
}

export function buildPositionView(original: Position, spec: LayoutSpec): PositionView {
  const safe = withSafeShapes(original);
  const position = safe.form === spec.form ? safe : withoutFormWording(safe);
  const bullet = spec.bullet;
  const header = position.header ?? {};
  const givenLines = [header.parentAgency, header.agency, header.unit].filter(
    (line): line is string => typeof line === "string" && line.trim() !== "",
  );
  const headerLines = (givenLines.length ? givenLines : spec.header.placeholders).map((text, index, all) => ({
    text,
    bold: index === all.length - 1,
  }));
  const appendix = position.appendix
    ? {
        label: optionalScalar(position.appendix.label),
        title: optionalScalar(position.appendix.title),
        issuedWith: optionalScalar(position.appendix.issuedWith),
      }
    : undefined;
  const motto =
    (["quoc-hieu", "dang", "none"] as const).find((value) => value === header.motto) ?? spec.header.motto;
  const code =
    optionalScalar(header.code) ??
    (spec.header.appendixLabelTopRight ? optionalScalar(appendix?.label) : undefined);
  const printedMotto = textList(header.mottoLines);
  const mottoLines = printedMotto.length
    ? {
        lines: printedMotto.map((text, index) => ({
          text,
          style:
            index > 0
              ? ("tieu-ngu" as const)
              : motto === "dang"
                ? ("tieu-ngu dang" as const)
                : ("quoc-hieu" as const),
        })),
        rule: printedMotto.length === 1 && motto !== "dang",
      }
    : undefined;

  const tasks = taskRows(Array.isArray(position.tasks) ? position.tasks : [], spec);
  const rawTasks = Array.isArray(position.tasks) ? position.tasks : [];
  const byCategory = (category: Task["category"] | undefined) =>
    taskRows(
      rawTasks.filter((task) => (task.category ?? "chuyen-mon") === category),
      spec,
    );

  const internal = position.relations?.internal ?? {};
  const coordinatesWith = items(internal.coordinatesWith, bullet, spec.bulletSingle);
  const manages = items(internal.manages, bullet, spec.bulletSingle);
  const middle =
    spec.relationsMiddle === "coordinatesWith"
      ? coordinatesWith.length
        ? coordinatesWith
        : manages
      : manages.length
        ? manages
        : coordinatesWith;

  const groups = (position.competencies?.groups ?? []).filter((group) => group && typeof group === "object");
  const groupViews = groups.map((group, index): CompetencyGroupView => {
    // A label of another shape than text is the schema's finding: draw the layout's own.
    const label =
      optionalScalar(group.label) ?? ownEntry(spec.competencyGroups, group.group) ?? scalar(group.group);
    const enumerator = vietnameseLetter(index);
    return {
      id: group.group,
      label,
      enumerator,
      numberedLabel: LETTERED.test(label) ? label : `${enumerator}) ${label}`,
      rows: competencyRows(group, label, spec),
    };
  });
  const byGroup: PositionView["competencies"]["byGroup"] = {};
  const groupKeys = { chung: "chung", "chuyen-mon": "chuyenMon", "quan-ly": "quanLy" } as const;
  for (const group of groupViews) {
    const key = ownEntry(groupKeys, group.id);
    if (key) byGroup[key] ??= group;
  }

  const conditions = position.workingConditions;
  const approval =
    position.approval === null
      ? undefined
      : position.approval === undefined
        ? spec.approval
          ? { caption: spec.approval.caption, note: spec.approval.note }
          : undefined
        : {
            caption: optionalScalar(position.approval.caption) ?? spec.approval?.caption,
            position: optionalScalar(position.approval.position),
            signer: optionalScalar(position.approval.signer),
            date: formatDate(position.approval.date),
            note: optionalScalar(position.approval.note) ?? spec.approval?.note,
          };

  const categoryValue = typeof position.category === "string" ? position.category : "";
  const authority = authorityRows(position, spec);

  return {
    form: position.form,
    layout: spec.form,
    documentTitle: typeof position.name === "string" ? position.name : "",
    formLabel: optionalScalar(position.formLabel),
    appendix,
    header: {
      lines: headerLines,
      motto,
      code,
      mottoLines,
      show: headerLines.length > 0 || Boolean(code) || motto !== "none" || mottoLines !== undefined,
    },
    title: optionalScalar(position.title) ?? spec.title,
    identification: {
      name: typeof position.name === "string" ? position.name : "",
      code: typeof position.code === "string" ? position.code : "",
      startDate: formatDate(position.startDate),
      workplace: items(position.workplace, bullet),
      procedures: items(position.relatedProcedures, bullet),
      grades: gradeList(position.grade)
        .map((grade) => grade.name)
        .join(" hoặc "),
      professionalTitle: position.professionalTitle
        ? [
            scalar(position.professionalTitle.name),
            scalar(position.professionalTitle.rank) && `hạng ${scalar(position.professionalTitle.rank)}`,
          ]
            .filter(Boolean)
            .join(" ")
        : "",
      careerLevels: careerLevelRange(position),
      field: typeof position.field === "string" ? position.field : "",
      managementLevel: typeof position.managementLevel === "string" ? position.managementLevel : "",
      relatedPositions: joined(position.relatedPositions),
      headcount: scalar(position.headcount),
      categoryChoices: CATEGORY_CHOICES.map((choice) => ({
        label: choice.label,
        checked: choice.values.includes(categoryValue),
      })),
    },
    headings: { ...(position.headings ?? {}) },
    wording: { headings: spec.headings, columns: spec.columns },
    objective: plain(position.objective),
    objectiveLabelled: textList(position.objective)[0]?.trim().startsWith("Tóm tắt tổng quan") ?? false,
    italicGroups: spec.italicGroupLabels ?? false,
    tasks,
    tasksByCategory: {
      chuyenMon: byCategory("chuyen-mon"),
      quanLy: byCategory("quan-ly"),
      hoTro: byCategory("ho-tro"),
    },
    hasOutcomes: tasks.some((task) => task.outcomes.length > 0),
    relations: {
      managedBy: items(internal.managedBy, bullet, spec.bulletSingle),
      manages,
      coordinatesWith,
      middle,
      mainPartners: items(internal.mainPartners, bullet, spec.bulletSingle),
      notes: plain(internal.notes),
      external: (Array.isArray(position.relations?.external) ? position.relations.external : []).map(
        (row) => ({
          organisations: items(row?.organisations, bullet, spec.bulletSingle),
          nature: items(row?.nature, bullet, spec.bulletSingle),
          notes: plain(row?.notes),
        }),
      ),
    },
    authority: authority.rows,
    authorityGrouped: authority.grouped,
    workingConditions: conditions
      ? {
          private: items(conditions.equipment?.private, bullet),
          shared: items(conditions.equipment?.shared, bullet),
          environment: items(conditions.environment, bullet),
          autonomy: items(conditions.autonomy, bullet),
          support: items(conditions.support, bullet),
        }
      : undefined,
    requirements: {
      preamble: optionalScalar(position.requirements?.preamble),
      rows: requirementRows(position, spec),
    },
    competencies: {
      preamble: optionalScalar(position.competencies?.preamble),
      legend: optionalScalar(position.competencies?.legend),
      groups: groupViews,
      rows: groupViews.flatMap((group) => group.rows),
      byGroup,
      professionalByLevel: (position.competencies?.professionalByLevel ?? []).map((entry) => ({
        level: scalar(entry.level),
        description: plain(entry.description as Text),
        careerLevels: asArray<unknown>(entry.careerLevels)
          .map(scalar)
          .filter(Boolean)
          .map((level) => `Bậc ${level}`)
          .join(", "),
      })),
    },
    approval,
    notes: plain(position.notes),
    footnotes: (Array.isArray(position.footnotes) ? position.footnotes : []).map((footnote) => ({
      mark: scalar(footnote.mark),
      text: scalar(footnote.text),
    })),
  };
}
