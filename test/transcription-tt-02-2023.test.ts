/**
 * The transcription of Thông tư 02/2023/TT-VPCP (examples/tt-02-2023-vpcp/, data/catalogs/tt-02-2023-vpcp.yaml)
 * against its source text, read here with a deliberately simple line scan that shares nothing with the
 * converter: names, task codes, competency names and levels, approvals and the Phụ lục I catalogue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { levelLabel } from "../src/model/normalize.js";
import type { Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { transcribe } from "../scripts/transcribe/tt-02-2023.js";

const SOURCE = join(packageRoot, "test/fixtures/sources/000_a7696d64b2f94493.txt");
const EXAMPLES = join(packageRoot, "examples/tt-02-2023-vpcp");
const CATALOG = join(packageRoot, "data/catalogs/tt-02-2023-vpcp.yaml");

const sourceLines = readFileSync(SOURCE, "utf8")
  .replace(/\[bookmark: [^\]]*\]/g, "")
  .split("\n");

interface SourceDescription {
  name?: string;
  taskCodes: string[];
  competencies: Array<[string, string]>;
  approved: boolean;
}

/** Each description runs from its "1- Mục tiêu" heading to the next one; its name row sits just before. */
function scanDescriptions(): SourceDescription[] {
  const objectiveLines = sourceLines.flatMap((line, index) =>
    line.trim() === "1- Mục tiêu vị trí việc làm" ? [index] : [],
  );
  return objectiveLines.map((start, number) => {
    const end = objectiveLines[number + 1] ?? sourceLines.length;
    const previousEnd = objectiveLines[number - 1] ?? 0;
    const nameLine = sourceLines
      .slice(previousEnd, start)
      .findIndex((line) => line.startsWith("\tTên Vị trí việc làm:"));
    let name: string | undefined;
    if (nameLine >= 0) {
      const at = previousEnd + nameLine;
      name = sourceLines[at]!.replace("\tTên Vị trí việc làm:", "").trim() || sourceLines[at + 1]!.trim();
    }
    const body = sourceLines.slice(start, end);
    const section = (from: string, to: string) =>
      body.slice(
        body.findIndex((line) => line.trim() === from),
        body.findIndex((line) => line.trim() === to),
      );
    const taskCodes = section("2- Các công việc và tiêu chí đánh giá", "3- Các mối quan hệ công việc")
      .filter((line) => /^\t2\.\d+$/.test(line))
      .map((line) => line.trim());
    const competencyLines = body.slice(body.findIndex((line) => line.trim() === "5.2- Các năng lực"));
    const competencies: Array<[string, string]> = [];
    competencyLines.forEach((line, index) => {
      const item = /^\t• (.+)$/.exec(line);
      if (item)
        competencies.push([item[1]!.trim(), (competencyLines[index + 1] ?? "").replace(/^\t/, "").trim()]);
    });
    // After the last competency come the approval (paragraph or table cell), then the next description.
    const approved = competencyLines.some((line) => line.trim() === "Phê duyệt của lãnh đạo");
    return { name, taskCodes, competencies, approved };
  });
}

const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => ({ name, data: parse(readFileSync(join(EXAMPLES, name), "utf8")) as Position }));
const described = scanDescriptions();

describe("transcription of Thông tư 02/2023/TT-VPCP", () => {
  it("has one file per description of Phụ lục II, in order", () => {
    expect(described).toHaveLength(12);
    expect(examples.map((example) => example.name.slice(0, 3))).toEqual(
      described.map((_, index) => `${String(index + 1).padStart(2, "0")}-`),
    );
  });

  described.forEach((source, index) => {
    const label = `description ${index + 1}`;
    it(`${label}: name, task codes, competency names and levels, approval as printed`, () => {
      const example = examples[index]!.data;
      expect(example.name).toBe(source.name);
      expect((example.tasks ?? []).map((task) => task.code)).toEqual(source.taskCodes);
      const competencies = (example.competencies?.groups ?? []).flatMap((group) =>
        group.items.map((item): [string, string] => [item.name, levelLabel(item.level)]),
      );
      expect(competencies).toEqual(source.competencies);
      expect(example.approval?.caption).toBe(source.approved ? "Phê duyệt của lãnh đạo" : undefined);
    });
  });

  it("records the Phụ lục I catalogue: STT, name, grade and the levels marked x", () => {
    const catalog = parse(readFileSync(CATALOG, "utf8")) as {
      positions: Array<{ stt: number; name: string; grade: { name: string }; adminLevels: string[] }>;
    };
    const start = sourceLines.findIndex((line) => line.trim() === "PHỤ LỤC I");
    const end = sourceLines.findIndex((line) => line.trim() === "PHỤ LỤC II");
    const rows = sourceLines
      .slice(start, end)
      .join("\n")
      .split(/\n\n+/)
      .map((row) =>
        row
          .split("\n")
          .filter((line) => line.startsWith("\t"))
          .map((line) => line.slice(1).trim()),
      )
      .filter((cells) => /^\d+\.$/.test(cells[0] ?? ""));
    const levels = ["trung-uong", "tinh", "huyen"];
    expect(
      catalog.positions.map((entry) => [entry.stt, entry.name, entry.grade.name, entry.adminLevels]),
    ).toEqual(
      rows.map(([stt, name, grade, ...marks]) => [
        Number.parseInt(stt!, 10),
        name,
        grade,
        levels.filter((_, column) => marks[column] === "x"),
      ]),
    );
  });

  it("is what the converter produces from the source (re-running it reproduces the committed files)", () => {
    for (const [path, content] of transcribe(readFileSync(SOURCE, "utf8")))
      expect(readFileSync(join(packageRoot, path), "utf8"), path).toBe(content);
  });
});
