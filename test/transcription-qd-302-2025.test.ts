/**
 * The transcription of Quyết định 302/QĐ-UBND (2025), Phụ lục III (examples/qd-302-2025-ubnd/) against its source
 * text, read here with a deliberately simple line scan that shares nothing with the converter: names, codes,
 * task and authority numbers, competency names and levels; and the converter reproduces the committed files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { levelLabel } from "../src/model/normalize.js";
import type { Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { transcribe } from "../scripts/transcribe/qd-302-2025.js";

const SOURCE = join(packageRoot, "test/fixtures/sources/004_933b2910f56df9c1.txt");
const EXAMPLES = join(packageRoot, "examples/qd-302-2025-ubnd");

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

/** A description runs from its "Tên vị trí việc làm:" row to the next one. */
function scanDescriptions(): SourceDescription[] {
  const starts = sourceLines.flatMap((line, index) =>
    line.startsWith("Tên vị trí việc làm:") ? [index] : [],
  );
  return starts.map((start, number) => {
    const body = sourceLines.slice(start, starts[number + 1] ?? sourceLines.length);
    const [nameCell, codeCell] = body[0]!.split("\t");
    const numbered = (section: string) =>
      body.flatMap((line) => {
        const match = new RegExp(`^(${section}\\.\\d+)\\t`).exec(line);
        return match ? [match[1]!] : [];
      });
    // Competency rows: three cells ending in a level; the bullet some tables print before a name is not kept.
    const competencies = body
      .map((line) => line.split("\t"))
      .filter((cells) => cells.length === 3 && /^\d(-\d)?$/.test(stripTags(cells[2]!)))
      .map((cells): [string, string] => [stripTags(cells[1]!).replace(/^-\s*/, ""), stripTags(cells[2]!)]);
    return {
      name: nameCell!.replace("Tên vị trí việc làm:", "").trim(),
      code: codeCell!.replace("Mã vị trí việc làm:", "").trim(),
      taskCodes: numbered("2"),
      authorityCodes: numbered("4"),
      competencies,
    };
  });
}

const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => ({ name, data: parse(readFileSync(join(EXAMPLES, name), "utf8")) as Position }));
const described = scanDescriptions();

describe("transcription of Quyết định 302/QĐ-UBND (2025), Phụ lục III", () => {
  it("has one file per description, in order", () => {
    expect(described).toHaveLength(10);
    expect(examples.map((example) => example.name.slice(0, 3))).toEqual(
      described.map((_, index) => `${String(index + 1).padStart(2, "0")}-`),
    );
  });

  described.forEach((source, index) => {
    const example = examples[index]!;
    describe(example.name, () => {
      it("has the printed name and code, defects included", () => {
        expect(example.data.name).toBe(source.name);
        expect(example.data.code).toBe(source.code);
      });

      it("has the printed task and authority numbers", () => {
        expect(example.data.tasks?.map((task) => task.code)).toEqual(source.taskCodes);
        expect(example.data.authority?.map((item) => item.code)).toEqual(source.authorityCodes);
      });

      it("has the printed competencies and levels, 7 + 4 + 5", () => {
        const groups = example.data.competencies?.groups ?? [];
        expect(groups.map((group) => group.items.length)).toEqual([7, 4, 5]);
        const transcribed = groups.flatMap((group) =>
          group.items.map((item): [string, string] => [item.name, levelLabel(item.level)]),
        );
        expect(transcribed).toEqual(source.competencies);
      });

      it("states the hạng only where the title does", () => {
        const rank = /hạng (II|III|IV)$/.exec(source.name)?.[1];
        expect(example.data.professionalTitle?.rank).toBe(rank);
      });
    });
  });

  it("keeps the code defects and the “Chất lượng cá nhân” label", () => {
    expect(examples[5]!.data.code).toBe("TTKHCNTT-SKHCN-NNCN06-KS");
    expect(examples[9]!.data.code).toBe("TTKHCNTT-SKHCN-NNCN10-ATTT");
    const relabelled = examples.filter((example) => {
      const qualities = example.data.requirements?.qualities;
      return (
        typeof qualities === "object" && !Array.isArray(qualities) && qualities.label === "Chất lượng cá nhân"
      );
    });
    expect(relabelled.map((example) => example.name.slice(0, 2))).toEqual(["04", "08", "10"]);
  });

  it("is what the converter produces from the source", () => {
    const files = transcribe(sourceText);
    expect(files.map((file) => file.fileName)).toEqual(examples.map((example) => example.name));
    for (const file of files) expect(file.text).toBe(readFileSync(join(EXAMPLES, file.fileName), "utf8"));
  });
});
