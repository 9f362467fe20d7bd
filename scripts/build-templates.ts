/**
 * Builds templates/positions/ (the starting points of `vtvl new`) from the faithful transcriptions in
 * examples/: copies each description, drops what belongs to the published instrument rather than to an
 * agency's description, blanks the agency-specific fields, applies the corrections of published defects
 * recorded in scripts/templates/corrections.yaml, adds a comment above each section saying what it means
 * (scripts/templates/sections.yaml), and writes the index. Every template is linted before it is written:
 * an error stops the build.
 *
 *   npx tsx scripts/build-templates.ts           write templates/positions/
 *   npx tsx scripts/build-templates.ts --check   fail if the committed templates differ (CI, tests)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Document, isMap, isScalar, isSeq, parse, type Node, type Pair } from "yaml";
import { lintText } from "../src/lint/engine.js";
import { fromPointer, type PathSegment } from "../src/lint/finding.js";
import { findForm } from "../src/model/forms.js";
import { gradeList } from "../src/model/normalize.js";
import { PositionProperties } from "../src/model/schema-source.js";
import type { Position } from "../src/model/types.js";
import type { TemplateEntry } from "../src/scaffold/catalog.js";
import { YAML_OUTPUT_OPTIONS } from "../src/scaffold/create.js";
import { slugify } from "../src/scaffold/files.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const outputDir = `${root}templates/positions/`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Family {
  examples: string;
  prefix: string;
  short: string;
  appendix?: string;
  instrument?: string;
  remove?: string[];
  set?: Record<string, Json>;
}

type Edit =
  | { op: "set"; path: string; value: Json }
  | { op: "remove"; path: string }
  | { op: "replace"; path?: string; find?: string; pattern?: string; with: string }
  | { op: "levels"; values: Record<string, Json> }
  | { op: "rename-competencies"; names: Record<string, string> }
  | { op: "tidy-competency-names" }
  | { op: "renumber-tasks"; prefix: string }
  | { op: "suppress"; path: string; rules: string[]; reason: string };

/** A comment that silences a rule on the next line, with its reason: a deliberate, documented deviation. */
interface Suppression {
  path: string;
  text: string;
}

interface Correction {
  templates: string[];
  why: string;
  source?: string;
  edits: Edit[];
}

class BuildError extends Error {}

function readYaml<T>(path: string): T {
  return parse(readFileSync(path, "utf8")) as T;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function parentOf(data: JsonObject, path: PathSegment[], create: boolean): Json | undefined {
  let node: Json | undefined = data;
  for (const segment of path.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) {
      if (node[segment] === undefined && create) node[segment] = {};
      node = node[segment];
    } else return undefined;
  }
  return node;
}

function setAt(data: JsonObject, pointer: string, value: Json, where: string): void {
  const path = fromPointer(pointer);
  const parent = parentOf(data, path, true);
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) parent[Number(last)] = structuredClone(value);
  else if (isObject(parent)) parent[last] = structuredClone(value);
  else throw new BuildError(`${where}: cannot set ${pointer}: its parent is not an object or list`);
}

function removeAt(data: JsonObject, pointer: string, where: string): void {
  const path = fromPointer(pointer);
  const parent = parentOf(data, path, false);
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && Number(last) < parent.length) parent.splice(Number(last), 1);
  else if (isObject(parent) && last in parent) delete parent[last];
  else throw new BuildError(`${where}: nothing to remove at ${pointer}`);
}

function valueAt(data: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = data;
  for (const segment of fromPointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Replaces `find` (a string or a regular expression) in every string under `node`; returns how many changed. */
function replaceIn(
  node: Json,
  find: string | RegExp,
  replacement: string,
  assign: (value: Json) => void,
): number {
  if (typeof node === "string") {
    const changed =
      typeof find === "string" ? node.split(find).join(replacement) : node.replace(find, replacement);
    if (changed === node) return 0;
    assign(changed);
    return 1;
  }
  let count = 0;
  if (Array.isArray(node))
    node.forEach((item, index) => (count += replaceIn(item, find, replacement, (v) => (node[index] = v))));
  else if (isObject(node))
    for (const key of Object.keys(node))
      count += replaceIn(node[key]!, find, replacement, (v) => (node[key] = v));
  return count;
}

/** `values`: competency name → level, or "group:<id>" → level of every item of that group not named. */
function setLevels(data: JsonObject, values: Record<string, Json>, where: string): number {
  const groups = (valueAt(data, "/competencies/groups") ?? []) as Json[];
  const used = new Set<string>();
  for (const group of groups) {
    if (!isObject(group) || !Array.isArray(group.items)) continue;
    for (const item of group.items) {
      if (!isObject(item)) continue;
      const byName = values[String(item.name)];
      const byGroup = values[`group:${String(group.group)}`];
      if (byName !== undefined) {
        item.level = structuredClone(byName);
        used.add(String(item.name));
      } else if (byGroup !== undefined) {
        item.level = structuredClone(byGroup);
        used.add(`group:${String(group.group)}`);
      }
    }
  }
  const unused = Object.keys(values).filter((key) => !used.has(key));
  if (unused.length) throw new BuildError(`${where}: levels for ${unused.join(", ")} matched no competency`);
  return used.size;
}

function competencyItems(data: JsonObject): JsonObject[] {
  const groups = (valueAt(data, "/competencies/groups") ?? []) as Json[];
  return groups.flatMap((group) =>
    isObject(group) && Array.isArray(group.items) ? group.items.filter(isObject) : [],
  );
}

/**
 * Applies one edit; returns how many places it changed. Edits shared by several templates (a typo every
 * QĐ 4135 leader repeats) may find nothing in some of them: the caller checks that each edit changed
 * something in at least one template.
 */
function applyEdit(data: JsonObject, edit: Edit, where: string, suppressions: Suppression[]): number {
  switch (edit.op) {
    case "set":
      setAt(data, edit.path, edit.value, where);
      return 1;
    case "remove":
      if (valueAt(data, edit.path) === undefined) return 0;
      removeAt(data, edit.path, where);
      return 1;
    case "replace": {
      const pointer = edit.path ?? "";
      const target = pointer ? valueAt(data, pointer) : data;
      if (target === undefined) return 0;
      const find = edit.pattern !== undefined ? new RegExp(edit.pattern, "gu") : edit.find;
      if (find === undefined) throw new BuildError(`${where}: replace needs find or pattern`);
      return replaceIn(target, find, edit.with, (value) => setAt(data, pointer, value, where));
    }
    case "levels":
      return setLevels(data, edit.values, where);
    case "rename-competencies": {
      let count = 0;
      for (const item of competencyItems(data)) {
        const renamed = edit.names[String(item.name)];
        if (renamed !== undefined) {
          item.name = renamed;
          count++;
        }
      }
      return count;
    }
    case "tidy-competency-names": {
      let count = 0;
      for (const item of competencyItems(data)) {
        const name = String(item.name);
        const tidy = name
          .replace(/^[\s•\-–+*]+/u, "")
          .replace(/[\s.;,:]+$/u, "")
          .replace(/\s+,/gu, ",");
        if (tidy !== name) {
          item.name = tidy;
          count++;
        }
      }
      return count;
    }
    case "renumber-tasks": {
      const tasks = (valueAt(data, "/tasks") ?? []) as Json[];
      let count = 0;
      tasks.forEach((task, index) => {
        if (!isObject(task)) return;
        const code = `${edit.prefix}${index + 1}`;
        if (task.code !== code) {
          task.code = code;
          count++;
        }
      });
      // Keep `code` first, where the form prints it.
      tasks.forEach((task, index) => {
        if (isObject(task)) tasks[index] = { code: task.code!, ...task };
      });
      return count;
    }
    case "suppress":
      if (valueAt(data, edit.path) === undefined) return 0;
      suppressions.push({
        path: edit.path,
        text: `vtvl-disable-next-line ${edit.rules.join(", ")} -- ${edit.reason}`,
      });
      return 1;
  }
}

function matches(pattern: string, id: string): boolean {
  if (!pattern.includes("*")) return pattern === id;
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(id);
}

/** "chuyen-vien-chinh-ve-…" → "cvc-ve-…": ids stay short enough to type. */
function templateId(prefix: string, exampleName: string): string {
  const base = exampleName.replace(/\.ya?ml$/, "").replace(/^\d+-/, "");
  const short = base
    .replace(/^chuyen-vien-cao-cap(?=-|$)/, "cvcc")
    .replace(/^chuyen-vien-chinh(?=-|$)/, "cvc")
    .replace(/^chuyen-vien(?=-|$)/, "cv");
  return `${prefix}-${slugify(short)}`;
}

const KEY_ORDER = Object.keys(PositionProperties);

function ordered(data: JsonObject): JsonObject {
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
}

function gradeLine(position: Position): string | undefined {
  if (position.professionalTitle) {
    const { name, rank } = position.professionalTitle;
    return rank && !/hạng/i.test(name) ? `${name} hạng ${rank}` : name;
  }
  const grades = gradeList(position.grade).map((grade) => grade.name);
  return grades.length ? grades.join(" hoặc ") : undefined;
}

const SEQUENCE_ITEM = "[]";

/** Compact flow style where the circulars print one row per line: competencies, grades, level lists. */
function styleNode(node: Node | null, path: string[]): void {
  const key = path[path.length - 1];
  if (isMap(node)) {
    const isCompetency =
      path[0] === "competencies" && path[path.length - 2] === "items" && key === SEQUENCE_ITEM;
    if (key === "grade" || isCompetency) node.flow = true;
    for (const pair of node.items as Pair<Node, Node>[])
      styleNode(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : "?"]);
  } else if (isSeq(node)) {
    if (key === "adminLevels" || key === "levels") node.flow = true;
    for (const item of node.items as Node[]) styleNode(item, [...path, SEQUENCE_ITEM]);
  } else if (
    isScalar(node) &&
    typeof node.value === "string" &&
    /^\d+(-\d+)?$|^\d+(\.\d+)+$/.test(node.value)
  ) {
    // Level ranges ("4-5") and item numbers ("2.1") read as text only because YAML says so: make it visible.
    node.type = "QUOTE_DOUBLE";
  }
}

function render(
  data: JsonObject,
  header: string[],
  comments: Record<string, string>,
  suppressions: readonly Suppression[],
): string {
  const document = new Document(data);
  styleNode(document.contents as Node, []);
  for (const suppression of suppressions) {
    const node = document.getIn(fromPointer(suppression.path), true) as Node | undefined;
    if (!node) throw new BuildError(`no node at ${suppression.path} for a suppression`);
    node.commentBefore = ` ${suppression.text}`;
  }
  const contents = document.contents;
  if (isMap(contents)) {
    for (const pair of contents.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key)) continue;
      const comment = comments[String(pair.key.value)];
      if (comment) {
        pair.key.commentBefore = ` ${comment}`;
        if (pair !== contents.items[0]) pair.key.spaceBefore = true;
      }
    }
  }
  document.commentBefore = header.map((line) => ` ${line}`).join("\n");
  return document.toString(YAML_OUTPUT_OPTIONS);
}

interface Built {
  entry: TemplateEntry;
  text: string;
}

function build(): Built[] {
  const { families } = readYaml<{ families: Family[] }>(`${root}scripts/templates/families.yaml`);
  const { corrections } = readYaml<{ corrections: Correction[] }>(
    `${root}scripts/templates/corrections.yaml`,
  );
  const sections = readYaml<{
    default: Record<string, string>;
    families: Record<string, Record<string, string>>;
  }>(`${root}scripts/templates/sections.yaml`);
  const usedCorrections = new Set<Correction>();
  const editHits = new Map<Edit, number>();
  const built: Built[] = [];
  const ids = new Set<string>();

  for (const family of families) {
    const exampleDir = `${root}examples/${family.examples}/`;
    if (!existsSync(exampleDir)) {
      console.warn(`examples/${family.examples}/ not there yet: no templates for ${family.short}`);
      continue;
    }
    const names = readdirSync(exampleDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
    for (const exampleName of names) {
      const examplePath = `examples/${family.examples}/${exampleName}`;
      const id = templateId(family.prefix, exampleName);
      if (ids.has(id)) throw new BuildError(`${examplePath}: template id ${id} is taken; rename the example`);
      ids.add(id);
      const data = readYaml<JsonObject>(`${root}${examplePath}`);
      const where = `${id} (${examplePath})`;

      for (const key of family.remove ?? []) delete data[key];
      for (const [pointer, value] of Object.entries(family.set ?? {})) setAt(data, pointer, value, where);
      const applied: string[] = [];
      const suppressions: Suppression[] = [];
      for (const correction of corrections) {
        if (!correction.templates.some((pattern) => matches(pattern, id))) continue;
        usedCorrections.add(correction);
        let changed = 0;
        for (const edit of correction.edits) {
          const hits = applyEdit(data, edit, where, suppressions);
          editHits.set(edit, (editHits.get(edit) ?? 0) + hits);
          changed += hits;
        }
        if (changed) applied.push(correction.why.trim());
      }

      const original = isObject(data.source) ? data.source : {};
      data.source = {
        instrument: family.instrument ?? original.instrument ?? family.short,
        ...(original.appendix
          ? { appendix: original.appendix }
          : family.appendix
            ? { appendix: family.appendix }
            : {}),
        ...(original.item ? { item: original.item } : {}),
        note: [
          `Mẫu của vtvl, lập từ bản chép nguyên văn ${examplePath}.`,
          applied.length ? `Đã sửa so với bản in: ${applied.join(" ")}` : "Không sửa nội dung so với bản in.",
        ].join(" "),
      };

      const position = data as unknown as Position;
      const form = findForm(position.form);
      if (!form) throw new BuildError(`${where}: unknown form ${String(position.form)}`);
      const file = `${family.examples}/${id.slice(family.prefix.length + 1)}.yaml`;
      const cite = [family.short, original.appendix ?? family.appendix, original.item]
        .filter(Boolean)
        .join(", ");
      const entry: TemplateEntry = {
        id,
        name: position.name,
        form: form.id,
        regime: position.regime ?? form.regime,
        ...(gradeLine(position) ? { grade: gradeLine(position) } : {}),
        source: cite,
        file,
        header: isObject(data.header),
      };
      const comments = { ...sections.default, ...(sections.families[family.examples] ?? {}) };
      const text = render(
        ordered(data),
        [
          `yaml-language-server: $schema=../../../schemas/${form.id}.schema.json`,
          `Mẫu của vtvl: ${position.name} (${cite}). Sinh bởi scripts/build-templates.ts, đừng sửa tay.`,
          "Các chỗ “(bổ sung: …)” là phần cơ quan phải điền; vtvl lint cảnh báo đến khi điền xong.",
        ],
        comments,
        suppressions,
      );
      built.push({ entry, text });
    }
  }
  const unused = corrections.filter((correction) => !usedCorrections.has(correction));
  if (unused.length && built.length)
    console.warn(
      `corrections for templates not built (yet): ${unused.map((c) => c.templates.join(",")).join("; ")}`,
    );
  return built;
}

function lintBuilt(built: Built[]): void {
  const failures: string[] = [];
  for (const { entry, text } of built) {
    const result = lintText(`templates/positions/${entry.file}`, text);
    for (const finding of result.findings)
      if (finding.severity === "error")
        failures.push(
          `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`,
        );
  }
  if (failures.length) throw new BuildError(`templates with lint errors:\n${failures.join("\n")}`);
}

function indexText(built: Built[]): string {
  return `${JSON.stringify(
    {
      $comment:
        "Generated by scripts/build-templates.ts from examples/ and scripts/templates/: do not edit by hand.",
      templates: built.map(({ entry }) => entry),
    },
    null,
    2,
  )}\n`;
}

function expectedFiles(built: Built[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const { entry, text } of built) files.set(entry.file, text);
  files.set("index.json", indexText(built));
  return files;
}

function listExisting(directory: string, prefix = ""): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listExisting(`${directory}${entry.name}/`, `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

function main(): void {
  const check = process.argv.includes("--check");
  const built = build();
  lintBuilt(built);
  const files = expectedFiles(built);
  const existing = listExisting(outputDir);
  if (check) {
    const stale = [...files].filter(
      ([name, text]) =>
        !existsSync(`${outputDir}${name}`) || readFileSync(`${outputDir}${name}`, "utf8") !== text,
    );
    const extra = existing.filter((name) => !files.has(name));
    if (stale.length || extra.length) {
      console.error(
        `templates/positions/ is stale (run npx tsx scripts/build-templates.ts):\n${[...stale.map(([name]) => `  changed: ${name}`), ...extra.map((name) => `  extra: ${name}`)].join("\n")}`,
      );
      process.exit(1);
    }
    console.log(`templates/positions/: ${built.length} templates up to date`);
    return;
  }
  for (const name of existing) if (!files.has(name)) rmSync(`${outputDir}${name}`);
  for (const [name, text] of files) {
    mkdirSync(`${outputDir}${name.split("/").slice(0, -1).join("/")}`, { recursive: true });
    writeFileSync(`${outputDir}${name}`, text);
  }
  console.log(`templates/positions/: ${built.length} templates written`);
}

try {
  main();
} catch (error) {
  if (error instanceof BuildError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
