/**
 * The transcription of Phụ lục 3, xã Nam Đồng (examples/ninh-binh-xa-2026/) against its source text, read here
 * with a deliberately simple line scan that shares nothing with the converter: names, codes, task numbers,
 * authority numbers, competency names and levels; and the converter reproduces the committed files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { levelLabel } from "../src/model/normalize.js";
import type { Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { transcribe } from "../scripts/transcribe/nam-dong-2026.js";

const SOURCE = join(packageRoot, "test/fixtures/sources/002_04aa76548196e8dd.txt");
const EXAMPLES = join(packageRoot, "examples/ninh-binh-xa-2026");

const sourceText = readFileSync(SOURCE, "utf8");
const sourceLines = sourceText.split("\n");
const stripTags = (text: string) => text.replace(/<[^>]+>/g, "").trim();

interface SourceDescription {
  name: string;
  code: string;
  taskCodes: string[];
  authorityCodes: string[];
  competencies: Array<[string, string]>;
}

/** A description runs from its "Tên VTVL:" row to the next; sections start at their "N- " headings. */
function scanDescriptions(): SourceDescription[] {
  const starts = sourceLines.flatMap((line, index) => (line.startsWith("Tên VTVL:") ? [index] : []));
  return starts.map((start, number) => {
    const body = sourceLines.slice(start, starts[number + 1] ?? sourceLines.length);
    const [nameCell, ...rest] = body[0]!.split("\t");
    const codeCell = rest.find((cell) => cell.startsWith("Mã vị trí việc làm:"))!;
    const between = (from: RegExp, to: RegExp) =>
      body.slice(
        body.findIndex((line) => from.test(line)),
        body.findIndex((line) => to.test(line)),
      );
    const rowNumbers = (lines: string[]) =>
      lines.flatMap((line) => {
        const match = /^(\d+(?:\.\d+)?)\t/.exec(line);
        return match ? [match[1]!] : [];
      });
    const competencies = body
      .slice(body.findIndex((line) => line.startsWith("7- ")))
      .map((line) => line.split("\t"))
      .filter((cells) => cells.length === 3 && /^\d(-\d)?$/.test(stripTags(cells[2]!)))
      .map((cells): [string, string] => [stripTags(cells[1]!), stripTags(cells[2]!)]);
    return {
      name: nameCell!.replace("Tên VTVL:", "").trim(),
      code: codeCell.replace("Mã vị trí việc làm:", "").trim(),
      taskCodes: rowNumbers(between(/^2- /, /^3- /)),
      authorityCodes: rowNumbers(between(/^4- /, /^5- /)),
      competencies,
    };
  });
}

const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => ({ name, data: parse(readFileSync(join(EXAMPLES, name), "utf8")) as Position }));
const described = scanDescriptions();

describe("transcription of Phụ lục 3, xã Nam Đồng (Ninh Bình, 2026)", () => {
  it("has one file per description, in order", () => {
    expect(described).toHaveLength(6);
    expect(examples.map((example) => example.name.slice(0, 3))).toEqual(
      described.map((_, index) => `${String(index + 1).padStart(2, "0")}-`),
    );
  });

  described.forEach((source, index) => {
    const example = examples[index]!;
    describe(example.name, () => {
      it("has the printed name and code", () => {
        expect(example.data.name).toBe(source.name);
        expect(example.data.code).toBe(source.code);
      });

      it("has the printed task numbers", () => {
        expect(example.data.tasks?.map((task) => task.code)).toEqual(source.taskCodes);
      });

      it("has the printed authority numbers, groups and their items", () => {
        const codes = (example.data.authority ?? []).flatMap((group) => [
          group.code,
          ...(group.items ?? []).map((item) => item.code),
        ]);
        expect(codes).toEqual(source.authorityCodes);
      });

      it("has the printed competencies and levels", () => {
        const transcribed = (example.data.competencies?.groups ?? []).flatMap((group) =>
          group.items.map((item): [string, string] => [item.name, levelLabel(item.level)]),
        );
        expect(transcribed).toEqual(source.competencies);
        expect(transcribed).toHaveLength(17);
      });
    });
  });

  it("keeps the published defects: no title before the first description, the misspelt heading", () => {
    expect(examples[0]!.data.title).toBeUndefined();
    expect(readFileSync(join(EXAMPLES, examples[0]!.name), "utf8")).toMatch(/^# expect: schema \/title/m);
    expect(examples.slice(1).every((example) => example.data.title !== undefined)).toBe(true);
    const misspelt = examples.filter(
      (example) => example.data.headings?.relations === "3- Môi quan hệ trong công việc",
    );
    expect(misspelt.map((example) => example.name.slice(0, 2))).toEqual(["02", "04", "05", "06"]);
  });

  it("is what the converter produces from the source", () => {
    const files = transcribe(sourceText);
    expect(files.map((file) => file.fileName)).toEqual(examples.map((example) => example.name));
    for (const file of files) expect(file.text).toBe(readFileSync(join(EXAMPLES, file.fileName), "utf8"));
  });
});
