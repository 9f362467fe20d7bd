/**
 * The transcription of Quyết định 4135-QĐ/BTCTW (examples/qd-4135-btctw/, data/catalogs/qd-4135-btctw.yaml)
 * against its source text, test/fixtures/sources/001_1e3cb0e3f3dd4d5e.txt.
 *
 * The source is re-read here with a deliberately simple parse of its own (raw lines, TAB-initial cells,
 * blank lines between rows), independent of the converter, so a slip in a task code, a competency name or
 * a level is caught instead of being kept.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lintText } from "../src/lint/engine.js";
import { STANDARD_REQUIREMENT_LABELS, type RequirementKey } from "../src/model/normalize.js";
import type { FormId, Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { renderBody } from "../src/render/html.js";
import { catalogueYaml, descriptionYaml, fileNameOf, transcribe } from "../scripts/transcribe/qd-4135.js";

const SOURCE = "001_1e3cb0e3f3dd4d5e.txt";
const sourceText = readFileSync(join(packageRoot, "test/fixtures/sources", SOURCE), "utf8");
const lines = sourceText.split("\n");
const examplesDir = join(packageRoot, "examples/qd-4135-btctw");
const files = readdirSync(examplesDir)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

type Level = number | null | { ref: string };
interface Described {
  form: string;
  name: string;
  category: string;
  adminLevels: string[];
  grade: { name: string; code?: string } | null;
  tasks: Array<{ code?: string }>;
  authority: Array<{ code?: string }>;
  requirements: Record<string, unknown>;
  competencies?: { groups: Array<{ group: string; items: Array<{ name: string; level: Level }> }> };
  source: { file: string; lines: [number, number] };
}

const read = (file: string) => parse(readFileSync(join(examplesDir, file), "utf8")) as Described;

/** A cell's text: without its TAB, NBSP fillers and surrounding spaces. */
const cell = (line: string) =>
  line
    .replace(/^\t/, "")
    .replace(/\u00a0/g, " ")
    .trim();

/** The rows of lines[from, to): groups of lines separated by blank lines, each cell one TAB-initial line. */
function rows(from: number, to: number): Array<{ line: number; cells: string[] }> {
  const result: Array<{ line: number; cells: string[] }> = [];
  let current: { line: number; cells: string[] } | undefined;
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (line === "") {
      current = undefined;
    } else if (line.startsWith("\t")) {
      if (!current) {
        current = { line: index + 1, cells: [] };
        result.push(current);
      }
      current.cells.push(cell(line));
    }
  }
  return result;
}

/** Index of the first line in [from, to) outside a cell that matches the heading pattern. */
function heading(pattern: RegExp, from: number, to: number): number {
  for (let index = from; index < to; index++) {
    if (!lines[index]!.startsWith("\t") && pattern.test(lines[index]!.trim())) return index;
  }
  return -1;
}

interface SourceDescription {
  name: string;
  titleLine: number;
  taskCodes: Array<string | undefined>;
  authorityCodes: string[];
  requirementLabels: string[];
  competencies: Array<{ name: string; level: Level }>;
}

const TITLE = "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM";
const titleIndexes = lines.flatMap((line, index) => (line === TITLE ? [index] : []));
const footnoteIndex = lines.findIndex((line) => line.startsWith("[1] "));

const sourceDescriptions: SourceDescription[] = titleIndexes.map((start, position) => {
  const end = titleIndexes[position + 1] ?? footnoteIndex;
  const name = /^\tTên VTVL: (.+)$/.exec(lines[start + 1]!)?.[1] ?? "";
  const tasksAt = heading(/^2\s*[-.]\s*(Các )?công việc và tiêu chí/iu, start, end);
  const relationsAt = heading(/^3\s*[-.]\s*Các mối quan hệ/u, start, end);
  const authorityAt = heading(/^4\s*[-.]\s*Phạm vi quyền hạn/u, start, end);
  const requirementsAt = heading(/^5\s*[-.]\s*Các yêu cầu/u, start, end);
  const competenciesAt = heading(/^5\.2\s*[-.]\s*Các năng lực/u, start, end);
  const approvalAt = lines.findIndex((line, index) => index > start && /^\tPhê duyệt của/u.test(line));

  const taskCodes = rows(tasksAt, relationsAt)
    .filter((row) => row.cells[0] !== "TT" && row.cells[1] !== "Mảng công việc")
    // A row without TT and area continues the task above (vertically merged cells).
    .filter((row) => row.cells[0] !== "" || row.cells[1] !== "")
    .map((row) => (row.cells[0] === "" ? undefined : row.cells[0]));
  const authorityCodes = rows(authorityAt, requirementsAt)
    .map((row) => row.cells[0]!)
    .filter((code) => code !== "TT");
  const requirementLabels = rows(requirementsAt, competenciesAt >= 0 ? competenciesAt : approvalAt)
    .map((row) => row.cells[0]!)
    .filter((label) => label !== "" && label !== "Nhóm yêu cầu");
  const competencies =
    competenciesAt < 0
      ? []
      : rows(competenciesAt, approvalAt)
          .filter((row) => row.cells.length === 3 && row.cells[0] !== "Nhóm năng lực")
          .map((row) => {
            const levelText = row.cells[2]!;
            const level: Level =
              levelText === "" ? null : /^\d$/.test(levelText) ? Number(levelText) : { ref: levelText };
            return { name: row.cells[1]!.replace(/^•\s*/u, ""), level };
          });
  return { name, titleLine: start + 1, taskCodes, authorityCodes, requirementLabels, competencies };
});

/** A section heading line of either template (numbered lines inside cells are not: "2. Công việc được …"). */
const SECTION_HEADING =
  /^\s*\d+(\.\d+)?\s*[-.]\s*(Mục tiêu|(Các )?công việc và|Các mối quan hệ|Bên trong|Bên ngoài|Phạm vi quyền hạn|Các yêu cầu|Yêu cầu về trình độ|Các năng lực)/iu;

const REQUIREMENT_KEYS: Record<string, string> = {
  "Trình độ đào tạo": "education",
  "Trình độ chuyên môn": "education",
  "Bồi dưỡng, chứng chỉ": "training",
  "Bồi dưỡng chứng chỉ": "training",
  "Kiến thức, hiểu biết": "knowledge",
  "Kiến thức bổ trợ": "knowledge",
  "Kỹ năng": "skills",
  "Kinh nghiệm (thành tích công tác)": "experience",
  "Kinh nghiệm": "experience",
  "Phẩm chất cá nhân": "qualities",
  "Các yêu cầu khác": "other",
};

function requirementLabel(row: unknown, key: string): string | undefined {
  if (row && typeof row === "object" && !Array.isArray(row) && "label" in row) return String(row.label);
  return STANDARD_REQUIREMENT_LABELS[key as RequirementKey];
}

describe("QĐ 4135-QĐ/BTCTW transcription", () => {
  it("has one file per description of the document, numbered in its order", () => {
    expect(titleIndexes).toHaveLength(34);
    expect(files).toHaveLength(34);
    files.forEach((file, index) =>
      expect(file.startsWith(`${String(index + 1).padStart(2, "0")}-`)).toBe(true),
    );
  });

  files.forEach((file, index) => {
    describe(file, () => {
      const described = read(file);
      const source = sourceDescriptions[index]!;

      it("validates against the QĐ 4135 schema of its template", () => {
        const text = readFileSync(join(examplesDir, file), "utf8");
        const result = lintText(`examples/qd-4135-btctw/${file}`, text);
        const schemaFindings = result.findings.filter((finding) =>
          ["schema", "form-unknown", "parse-error", "encoding"].includes(finding.ruleId),
        );
        expect(schemaFindings).toEqual([]);
        // Template A has the 17-row competency table; template B has none.
        expect(described.form).toBe(source.competencies.length > 0 ? "qd-4135-btctw-a" : "qd-4135-btctw-b");
      });

      it("cites its source lines and has the printed name", () => {
        expect(described.source.file).toBe(SOURCE);
        const [first, last] = described.source.lines;
        expect(first).toBeLessThan(source.titleLine);
        expect(last).toBeGreaterThan(source.titleLine);
        expect(lines[last - 1]).toMatch(/^\tPhê duyệt của/u);
        expect(described.name).toBe(source.name);
      });

      it("renders the section headings its source prints, in their order", () => {
        const [first, last] = described.source.lines;
        const printed = lines
          .slice(first - 1, last)
          .filter((line) => !line.startsWith("\t") && SECTION_HEADING.test(line))
          .map((line) => line.trim());
        const position = parse(readFileSync(join(examplesDir, file), "utf8")) as Position;
        const rendered = [
          ...renderBody(position, position.form as FormId).body.matchAll(/<h[23]>(.*?)<\/h[23]>/gu),
        ].map((match) => match[1]!);
        expect(rendered).toHaveLength(printed.length);
        // The objective may continue on its heading's line ("1- Mục tiêu vị trí việc làm: Chịu trách nhiệm …").
        rendered.forEach((heading, at) => expect(printed[at]!.startsWith(heading), printed[at]).toBe(true));
      });

      it("has the task codes as printed", () => {
        expect(described.tasks.map((task) => task.code)).toEqual(source.taskCodes);
      });

      it("has the authority codes as printed", () => {
        expect(described.authority.map((item) => item.code)).toEqual(source.authorityCodes);
      });

      it("has the requirement rows as printed", () => {
        const keys = Object.keys(described.requirements);
        expect(keys).toEqual(source.requirementLabels.map((label) => REQUIREMENT_KEYS[label]));
        expect(keys.map((key) => requirementLabel(described.requirements[key], key))).toEqual(
          source.requirementLabels,
        );
      });

      it("has the competency names and levels as printed", () => {
        const items = (described.competencies?.groups ?? []).flatMap((group) => group.items);
        expect(items).toEqual(source.competencies);
        if (items.length > 0) {
          expect(described.competencies!.groups.map((group) => [group.group, group.items.length])).toEqual([
            ["chung", 7],
            ["chuyen-mon", 5],
            ["quan-ly", 5],
          ]);
        }
      });
    });
  });

  describe("catalogue (data/catalogs/qd-4135-btctw.yaml)", () => {
    interface CataloguePosition {
      id: string;
      group: string;
      tt: number;
      name: string;
      grade: { name: string; code?: string } | null;
      category: string;
      adminLevels: string[];
      lines: [number, number];
      description: { item: number; file: string; title: string } | null;
      missing?: string;
    }
    const catalogue = parse(readFileSync(join(packageRoot, "data/catalogs/qd-4135-btctw.yaml"), "utf8")) as {
      announced: { positions: { count: number }; descriptions: { count: number }; transcribed: number };
      positions: CataloguePosition[];
    };
    // The catalogue table: rows "TT | name | grade" whose TT is a number (group headings repeat their text).
    const sourceRows = rows(38, 227).filter((row) => /^\d+$/.test(row.cells[0]!));

    it("lists the 37 positions of the printed table, with their names and grades", () => {
      expect(catalogue.announced.positions.count).toBe(37);
      expect(catalogue.positions).toHaveLength(37);
      expect(new Set(catalogue.positions.map((position) => position.id)).size).toBe(37);
      expect(
        catalogue.positions.map((position) => [
          position.tt,
          position.name,
          position.grade?.name ?? "",
          position.lines[0],
        ]),
      ).toEqual(sourceRows.map((row) => [Number(row.cells[0]), row.cells[1], row.cells[2], row.line]));
    });

    it('records that "Trưởng ban LĐLĐ cấp tỉnh" and the two Confederation chairs have no description', () => {
      const undescribed = catalogue.positions.filter((position) => position.description === null);
      expect(undescribed.map((position) => [position.id, position.name])).toEqual([
        ["I.a.1", "Chủ tịch Tổng Liên đoàn"],
        ["I.a.2", "Phó Chủ tịch Tổng Liên đoàn"],
        ["I.a.11", "Trưởng ban LĐLĐ cấp tỉnh"],
      ]);
      expect(undescribed.every((position) => (position.missing ?? "") !== "")).toBe(true);
      expect(catalogue.announced.descriptions.count).toBe(35);
      expect(catalogue.announced.transcribed).toBe(34);
    });

    it("links every description to its row, and the description repeats the row's grade, group and levels", () => {
      const described = catalogue.positions.filter((position) => position.description !== null);
      expect(described.map((position) => position.description!.item)).toEqual(
        files.map((_, index) => index + 1),
      );
      for (const position of described) {
        const link = position.description!;
        expect(existsSync(join(packageRoot, link.file))).toBe(true);
        const description = parse(readFileSync(join(packageRoot, link.file), "utf8")) as Described;
        expect(description.name).toBe(link.title);
        expect(description.grade).toEqual(position.grade);
        expect(description.category).toBe(position.category);
        expect(description.adminLevels).toEqual(position.adminLevels);
      }
    });

    it("applies the Ghi chú: provincial and district specialists only where it names them", () => {
      const levels = Object.fromEntries(
        catalogue.positions.map((position) => [position.id, position.adminLevels]),
      );
      expect(levels["II.1"]).toEqual(["trung-uong", "tinh"]);
      expect(levels["II.2"]).toEqual(["trung-uong", "tinh", "huyen"]);
      expect(levels["III.5"]).toEqual(["trung-uong", "tinh", "huyen"]);
      expect(levels["III.1"]).toEqual(["trung-uong"]);
      expect(levels["I.a.15"]).toEqual(["huyen"]);
    });
  });

  it("is what scripts/transcribe/qd-4135.ts writes (re-running the converter reproduces the files)", () => {
    const transcription = transcribe(sourceText);
    expect(transcription.descriptions.map(fileNameOf)).toEqual(files);
    for (const described of transcription.descriptions) {
      expect(descriptionYaml(described)).toBe(readFileSync(join(examplesDir, fileNameOf(described)), "utf8"));
    }
    expect(catalogueYaml(transcription)).toBe(
      readFileSync(join(packageRoot, "data/catalogs/qd-4135-btctw.yaml"), "utf8"),
    );
  });
});
