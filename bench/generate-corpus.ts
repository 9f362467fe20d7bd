/**
 * A deterministic corpus of job-position descriptions for the lint benchmark, derived from the transcribed
 * examples (examples/, published defects included) and the corrected starting points (templates/positions/).
 *
 * Each agency gets a folder of 5–60 descriptions of one form, as a real repository would (cross-file rules
 * compare the files of one folder). Names, texts, list lengths, levels and codes vary; about one file in five
 * starts from a template with its blanks filled in (clean or nearly so); the others carry the usual findings:
 * the published defects of the examples, and injected ones (doubled words, stray whitespace, text not in NFC,
 * TCVN3 mojibake, blanks left, misspelt keys and competency names, levels out of range, bad task numbering).
 * Every file parses as YAML, so ajv-cli (which stops at the first file it cannot parse) validates them all.
 *
 *   tsx bench/generate-corpus.ts [--count 5000] [--seed 1] [--clean 0.2] [--out DIR]
 *
 * The same count and seed give byte-identical files. The corpus goes to a temporary folder, never into the
 * repository; `corpus.json` in it lists the files of each form.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

const repositoryRoot = fileURLToPath(new URL("../", import.meta.url));

/** The manifest's format; the generator's own text is part of the sources hash, so any edit regenerates. */
const GENERATOR_VERSION = 1;
const DEFAULT_CLEAN_SHARE = 0.2;

export interface CorpusOptions {
  count?: number;
  seed?: number;
  /**
   * Share of the files written clean (from a template, blanks filled, no defect injected): 0.2 by default; 1
   * for a repository that CI already keeps clean (the forms without a template are then left out).
   */
  clean?: number;
  /** Target folder; default: a folder under the system's temporary directory named after count and seed. */
  out?: string;
}

export interface CorpusManifest {
  generatorVersion: number;
  /** Hash of this generator and of the examples and templates the corpus was derived from. */
  sourcesHash: string;
  seed: number;
  count: number;
  clean: number;
  bytes: number;
  agencies: number;
  /** Paths relative to the corpus folder, by form id. */
  filesByForm: Record<string, string[]>;
}

interface Base {
  source: string;
  form: string;
  template: boolean;
  document: Document;
}

type Random = () => number;

/** mulberry32: small, fast and the same on every platform. */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (random: Random, probability: number): boolean => random() < probability;
const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

function yamlFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found;
}

function loadBases(): { bases: Base[]; hash: string } {
  const hash = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url)));
  const bases: Base[] = [];
  for (const [folder, template] of [
    ["examples", false],
    ["templates/positions", true],
  ] as const) {
    for (const path of yamlFiles(join(repositoryRoot, folder))) {
      const text = readFileSync(path, "utf8");
      hash.update(path.slice(repositoryRoot.length)).update(text);
      const document = parseDocument(text, { uniqueKeys: false });
      const form = document.get("form");
      if (document.errors.length || typeof form !== "string") continue;
      bases.push({ source: relative(repositoryRoot, path), form, template, document });
    }
  }
  return { bases, hash: hash.digest("hex").slice(0, 16) };
}

/** The scalars of a document with the key they sit under ("work" for an item of `work:`). */
interface TextSlot {
  key: string;
  node: Node & { value: unknown };
}

function textSlots(document: Document): TextSlot[] {
  const slots: TextSlot[] = [];
  const walk = (node: unknown, key: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        walk(pair.value, isScalar(pair.key) ? String(pair.key.value) : key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, key);
    } else if (isScalar(node) && typeof node.value === "string") {
      slots.push({ key, node: node as TextSlot["node"] });
    }
  };
  walk(document.contents, "");
  return slots;
}

/** Keys whose texts are prose and may be swapped between descriptions. */
const PROSE_KEYS = new Set([
  "work",
  "area",
  "criteria",
  "text",
  "qualities",
  "other",
  "nature",
  "training",
  "objective",
  "education",
]);
const BLANK = /\(bổ sung\b[^)]*\)|…|\.{3,}|TÊN CƠ QUAN|TÊN TỔ CHỨC/u;

function prosePool(bases: readonly Base[]): Map<string, string[]> {
  const pool = new Map<string, string[]>();
  for (const base of bases) {
    if (!base.template) continue;
    for (const slot of textSlots(base.document)) {
      const text = String(slot.node.value);
      if (!PROSE_KEYS.has(slot.key) || text.length < 20 || BLANK.test(text) || /^\d+\.\s/.test(text))
        continue;
      const list = pool.get(slot.key) ?? [];
      list.push(text);
      pool.set(slot.key, list);
    }
  }
  return pool;
}

/** "ABC" for 0 → letters only, as the codes of QĐ 302 want. */
function agencyLetters(index: number): string {
  let letters = "";
  let rest = index;
  do {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return `DV${letters}`;
}

const PLACES = [
  "Hà Nội",
  "Hải Phòng",
  "Ninh Bình",
  "Nghệ An",
  "Thừa Thiên Huế",
  "Đà Nẵng",
  "Khánh Hòa",
  "Đắk Lắk",
  "Cần Thơ",
  "An Giang",
  "Quảng Ninh",
  "Lào Cai",
];
const SPECIALTIES = [
  "kế hoạch và đầu tư",
  "tài chính",
  "tổ chức cán bộ",
  "pháp chế",
  "thanh tra",
  "văn hóa, thể thao",
  "y tế",
  "giáo dục và đào tạo",
  "tài nguyên và môi trường",
  "nông nghiệp và phát triển nông thôn",
  "khoa học và công nghệ",
  "lao động, thương binh và xã hội",
  "xây dựng",
  "giao thông vận tải",
  "công thương",
  "tư pháp",
  "nội vụ",
  "dân tộc và tôn giáo",
];

/** Fills the template blanks ("(bổ sung: …)") with an agency's own text. */
function fillBlanks(document: Document, agency: Agency, random: Random): void {
  for (const slot of textSlots(document)) {
    const text = String(slot.node.value);
    if (!/\(bổ sung\b[^)]*\)/u.test(text)) continue;
    const filler =
      slot.key === "agency"
        ? `UBND ${agency.place.toLocaleUpperCase("vi")}`
        : slot.key === "unit"
          ? `SỞ ${pick(random, SPECIALTIES).toLocaleUpperCase("vi")}`
          : `${agency.name}, lĩnh vực ${pick(random, SPECIALTIES)}`;
    slot.node.value = text.replace(/\(bổ sung\b[^)]*\)/gu, filler);
  }
}

/** Numbers the items again after the list changed ("2.1", "2.2", … or "1", "2", …), as an editor would. */
function renumber(items: YAMLSeq, random: Random, keepErrors: boolean): void {
  const first = items.items.map((item) => (isMap(item) ? item.get("code") : undefined)).find(Boolean);
  if (typeof first !== "string") return;
  const prefix = /^(\d+)\.\d/.exec(first)?.[1];
  if (!prefix && !/^\d+$/.test(first)) return;
  items.items.forEach((item, index) => {
    if (isMap(item) && typeof item.get("code") === "string")
      item.set("code", prefix ? `${prefix}.${index + 1}` : String(index + 1));
  });
  if (prefix && keepErrors && items.items.length > 2 && chance(random, 0.3)) {
    const item = pick(random, items.items);
    if (isMap(item)) item.set("code", String(item.get("code")).replace(".", ""));
  }
}

/** A list item as comparable text, to keep a grown list free of repeats. */
const itemKey = (item: unknown): string => JSON.stringify((item as Node).toJSON());

/**
 * Drops items of the lists that vary between real descriptions, or adds items the same list has in other
 * descriptions of the form. The last task ("the other tasks the superior assigns") stays last; clean files take
 * only tasks that have their evaluation criteria.
 */
function varyLists(document: Document, donors: readonly Base[], random: Random, clean: boolean): void {
  const resize = (seq: YAMLSeq, path: string[]) => {
    const present = new Set(seq.items.map(itemKey));
    const offered = donors.flatMap((base) => {
      const other = base.document.getIn(path, true);
      return isSeq(other) ? other.items : [];
    });
    const candidates = offered.filter(
      (item) =>
        !present.has(itemKey(item)) &&
        (!clean || path[0] !== "tasks" || (isMap(item) && item.has("criteria"))),
    );
    const keepLast = path[0] === "tasks" ? 1 : 0;
    const target = Math.max(1 + keepLast, seq.items.length + between(random, -2, 3));
    while (seq.items.length > target)
      seq.items.splice(Math.floor(random() * (seq.items.length - keepLast)), 1);
    while (seq.items.length < target && candidates.length) {
      const [item] = candidates.splice(Math.floor(random() * candidates.length), 1);
      seq.items.splice(Math.floor(random() * (seq.items.length - keepLast + 1)), 0, (item as Node).clone());
    }
  };
  for (const path of [["tasks"], ["authority"], ["requirements", "qualities"], ["requirements", "other"]]) {
    const seq = document.getIn(path, true);
    if (!isSeq(seq) || !seq.items.length) continue;
    // Grouped lists (Ninh Bình's authority: headings with their own numbered items) keep their shape.
    if (seq.items.some((item) => isMap(item) && item.has("items"))) continue;
    resize(seq, path);
    if (path.length === 1) renumber(seq, random, !clean);
  }
}

function varyProse(document: Document, pool: Map<string, string[]>, random: Random, rate: number): void {
  for (const slot of textSlots(document)) {
    const replacements = pool.get(slot.key);
    if (!replacements || !chance(random, rate)) continue;
    const current = String(slot.node.value);
    const numbered = /^(\d+\.\s)/.exec(current)?.[1] ?? "";
    slot.node.value = numbered + pick(random, replacements);
  }
}

/** Competency levels moved by one, as agencies adapt the model to their posts. */
function varyLevels(document: Document, random: Random, rate: number): void {
  const groups = document.getIn(["competencies", "groups"], true);
  if (!isSeq(groups)) return;
  for (const group of groups.items) {
    const items = isMap(group) ? group.get("items", true) : undefined;
    if (!isSeq(items)) continue;
    for (const item of items.items) {
      if (!isMap(item) || !chance(random, rate)) continue;
      const level = item.get("level");
      if (typeof level !== "string") continue;
      const moved = level.replace(/\d/g, (digit) =>
        String(Math.min(5, Math.max(1, Number(digit) + pick(random, [-1, 1])))),
      );
      const [low, high] = moved.split("-").map(Number);
      item.set("level", high !== undefined && low! > high ? `${high}-${low}` : moved);
    }
  }
}

const TCVN3: Record<string, string> = {
  ê: "ª",
  ô: "«",
  ơ: "¬",
  ư: "­",
  ă: "¨",
  â: "©",
  đ: "®",
  á: "¸",
  à: "µ",
};

/** The defects agencies' files usually carry; each returns false when the document offers no place for it. */
const DEFECTS: Array<(document: Document, random: Random) => boolean> = [
  // doubled function word
  (document, random) => {
    const slot = pickProse(document, random, (text) => / theo /u.test(text));
    if (!slot) return false;
    slot.node.value = String(slot.node.value).replace(/ theo /u, " theo theo ");
    return true;
  },
  // stray whitespace: NBSP, doubled spaces, trailing space
  (document, random) => {
    const slot = pickProse(document, random, (text) => text.includes(" "));
    if (!slot) return false;
    const text = String(slot.node.value);
    slot.node.value = pick(random, [text.replace(" ", "\u00a0"), text.replace(" ", "  "), `${text} `]);
    return true;
  },
  // decomposed (not NFC) text, as copied from some PDF readers
  (document, random) => {
    const slot = pickProse(document, random, (text) => text !== text.normalize("NFD"));
    if (!slot) return false;
    slot.node.value = String(slot.node.value).normalize("NFD");
    return true;
  },
  // a sentence typed in TCVN3 and read as Windows-1252
  (document, random) => {
    const slot = pickProse(document, random, (text) => /[êôơưăâđáà]/u.test(text));
    if (!slot) return false;
    slot.node.value = String(slot.node.value).replace(/[êôơưăâđáà]/gu, (letter) => TCVN3[letter] ?? letter);
    return true;
  },
  // a blank left unfilled
  (document, random) => {
    const slot = pickProse(document, random, () => true);
    if (!slot) return false;
    slot.node.value = `${String(slot.node.value).replace(/[.;]?$/u, "")} thuộc lĩnh vực………..`;
    return true;
  },
  // misspelt key
  (document, random) => {
    const key = pick(random, ["objective", "relations", "authority", "requirements"]);
    const contents = document.contents;
    if (!isMap(contents)) return false;
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (!pair || !isScalar(pair.key)) return false;
    pair.key.value = pick(random, [key.slice(0, -1), `${key.slice(0, 2)}${key.slice(3)}`, `${key}s`]);
    return true;
  },
  // competency name with a letter dropped
  (document, random) => {
    const item = pickCompetency(document, random);
    const name = item?.get("name");
    if (typeof name !== "string" || name.length < 8) return false;
    const at = between(random, 2, name.length - 3);
    item!.set("name", name.slice(0, at) + name.slice(at + 1));
    return true;
  },
  // an item repeated in its list
  (document, random) => {
    const seq = document.getIn(
      pick(random, [
        ["requirements", "qualities"],
        ["requirements", "other"],
      ]),
      true,
    );
    if (!isSeq(seq) || !seq.items.length) return false;
    seq.items.push((pick(random, seq.items) as Node).clone());
    return true;
  },
  // level out of the scale
  (document, random) => {
    const item = pickCompetency(document, random);
    if (!item) return false;
    item.set("level", pick(random, ["6", "4-2", "0"]));
    return true;
  },
];

/** A competency row of the document, drawn at random, or undefined when it has none. */
function pickCompetency(document: Document, random: Random): YAMLMap | undefined {
  const groups = document.getIn(["competencies", "groups"], true);
  if (!isSeq(groups) || !groups.items.length) return undefined;
  const group = pick(random, groups.items);
  const items = isMap(group) ? group.get("items", true) : undefined;
  if (!isSeq(items) || !items.items.length) return undefined;
  const item = pick(random, items.items);
  return isMap(item) ? item : undefined;
}

function pickProse(
  document: Document,
  random: Random,
  accept: (text: string) => boolean,
): TextSlot | undefined {
  const slots = textSlots(document).filter(
    (slot) => PROSE_KEYS.has(slot.key) && accept(String(slot.node.value)),
  );
  return slots.length ? pick(random, slots) : undefined;
}

interface Agency {
  index: number;
  tag: string;
  name: string;
  place: string;
  form: string;
  size: number;
}

/** "Công nghệ thông tin hạng II" → CNTTII, as QĐ 302/QĐ-UBND abbreviates titles at the end of its codes. */
function titleInitials(title: string): string {
  return title
    .split(/\s+/)
    .filter((word) => word && !["hạng", "và"].includes(word.toLocaleLowerCase("vi")))
    .map((word) => (/^(?:I|II|III|IV)$/.test(word) ? word : stripMarks(word).charAt(0).toUpperCase()))
    .join("");
}

/** Codes in the form's scheme (data/rules/codes.yaml), unique per agency and sequence. */
function codeFor(form: string, agency: Agency, sequence: number, name: string): string {
  const number = String(sequence).padStart(2, "0");
  if (form === "ninh-binh-xa-2026") return `${agency.tag}-LDQL-${number}`;
  if (form === "qd-302-2025-ubnd") return `${agency.tag}-SKHCN-NNCN${number}-${titleInitials(name)}`;
  return `${agency.tag}-${number}`;
}

/** An agency's own config: its code scheme, as data/rules/codes.yaml suggests for agencies. */
function agencyConfig(agency: Agency): string {
  const lines = ["# Cấu hình của cơ quan (sinh bởi bench/generate-corpus.ts)", "rules:"];
  if (agency.form === "ninh-binh-xa-2026")
    lines.push(
      "  code-format:",
      "    severity: warning",
      `    options: { pattern: "^${agency.tag}-LDQL-\\\\d{2}$", example: ${agency.tag}-LDQL-01 }`,
    );
  else lines.push("  certificate-scale: warning");
  return `${lines.join("\n")}\n`;
}

const stripMarks = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

function slug(name: string): string {
  return (
    stripMarks(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "vi-tri"
  );
}

export function defaultCorpusDirectory(count: number, seed: number, clean = DEFAULT_CLEAN_SHARE): string {
  const variant = clean === DEFAULT_CLEAN_SHARE ? "" : `-clean${clean}`;
  return join(tmpdir(), `vtvl-bench-corpus-${count}-s${seed}${variant}`);
}

export function readManifest(directory: string): CorpusManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(directory, "corpus.json"), "utf8")) as CorpusManifest;
  } catch {
    return undefined;
  }
}

/** Generates the corpus, or reuses one already generated with the same inputs. */
export function generateCorpus(options: CorpusOptions = {}): { directory: string; manifest: CorpusManifest } {
  const count = options.count ?? 5000;
  const seed = options.seed ?? 1;
  const clean = options.clean ?? DEFAULT_CLEAN_SHARE;
  const directory = resolve(options.out ?? defaultCorpusDirectory(count, seed, clean));
  const { bases, hash } = loadBases();
  const existing = readManifest(directory);
  if (
    existing &&
    existing.generatorVersion === GENERATOR_VERSION &&
    existing.sourcesHash === hash &&
    existing.count === count &&
    existing.seed === seed &&
    (existing.clean ?? DEFAULT_CLEAN_SHARE) === clean
  )
    return { directory, manifest: existing };

  const random = seededRandom(seed);
  const pool = prosePool(bases);
  const forms = [...new Set(bases.map((base) => base.form))].sort();
  const basesByForm = new Map(forms.map((form) => [form, bases.filter((base) => base.form === form)]));

  const staging = `${directory}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(
    join(staging, ".vtvlrc.yaml"),
    "# Cấu hình gốc của bộ dữ liệu đo (sinh bởi bench/generate-corpus.ts)\nroot: true\nrules:\n  level-grade-order: warning\n",
  );

  const filesByForm: Record<string, string[]> = {};
  let written = 0;
  let bytes = 0;
  let agencyIndex = 0;
  while (written < count) {
    // Forms in proportion to the number of real descriptions of each.
    const form = pick(random, clean >= 1 ? bases.filter((base) => base.template) : bases).form;
    const tag = agencyLetters(agencyIndex);
    const place = pick(random, PLACES);
    const agency: Agency = {
      index: agencyIndex,
      tag,
      name: `${pick(random, ["Sở", "Ban", "Trung tâm", "Văn phòng"])} ${pick(random, SPECIALTIES)} ${place}`,
      place,
      form,
      size: Math.min(count - written, between(random, 5, 60)),
    };
    agencyIndex++;
    const folder = join(form, tag);
    mkdirSync(join(staging, folder), { recursive: true });
    if (form === "ninh-binh-xa-2026" || chance(random, 0.3))
      writeFileSync(join(staging, folder, ".vtvlrc.yaml"), agencyConfig(agency));
    const candidates = basesByForm.get(form)!;
    const templates = candidates.filter((base) => base.template);
    const usedNames = new Set<string>();
    for (let sequence = 1; sequence <= agency.size; sequence++) {
      const cleanFile = templates.length > 0 && chance(random, clean);
      const base = pick(random, cleanFile ? templates : candidates);
      const document = base.document.clone();
      if (base.template && (cleanFile || chance(random, 0.6))) fillBlanks(document, agency, random);
      if (cleanFile || chance(random, 0.7)) {
        document.set("code", codeFor(form, agency, sequence, String(document.get("name") ?? "")));
        if (document.has("workplace")) document.set("workplace", `Trụ sở ${agency.name}`);
        if (document.has("startDate")) document.set("startDate", `2026-0${between(random, 1, 9)}-01`);
      }
      varyProse(document, pool, random, cleanFile ? 0.15 : 0.3);
      varyLists(document, cleanFile ? templates : candidates, random, cleanFile);
      if (!cleanFile) {
        varyLevels(document, random, 0.15);
        const wanted = between(random, 1, 4);
        for (let done = 0, tries = 0; done < wanted && tries < 12; tries++)
          if (pick(random, DEFECTS)(document, random)) done++;
      }
      let name = String(document.get("name") ?? "vi-tri");
      if (usedNames.has(name) && / về /u.test(name)) {
        name = name.replace(/ về .*$/u, ` về ${pick(random, SPECIALTIES)}`);
        document.set("name", name);
      }
      usedNames.add(name);
      const text = document.toString({ lineWidth: 0 });
      const file = join(folder, `${String(sequence).padStart(2, "0")}-${slug(name)}.yaml`);
      writeFileSync(join(staging, file), text);
      (filesByForm[form] ??= []).push(file);
      bytes += Buffer.byteLength(text);
      written++;
    }
  }

  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    sourcesHash: hash,
    seed,
    count,
    clean,
    bytes,
    agencies: agencyIndex,
    filesByForm,
  };
  writeFileSync(join(staging, "corpus.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  rmSync(directory, { recursive: true, force: true });
  renameSync(staging, directory);
  return { directory, manifest };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const out = argument("out");
  const { directory, manifest } = generateCorpus({
    count: Number(argument("count") ?? 5000),
    seed: Number(argument("seed") ?? 1),
    clean: Number(argument("clean") ?? DEFAULT_CLEAN_SHARE),
    ...(out ? { out } : {}),
  });
  const forms = Object.entries(manifest.filesByForm)
    .map(([form, files]) => `${form} ${files.length}`)
    .join(", ");
  process.stdout.write(
    `${directory}: ${manifest.count} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.agencies} agencies (${forms}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (!existsSync(join(directory, "corpus.json"))) process.exitCode = 1;
}
