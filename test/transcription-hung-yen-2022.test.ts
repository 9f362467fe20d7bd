/**
 * The transcription of the Hưng Yên PL1.1 description (examples/hung-yen-pl1-1-2022/) against its source text,
 * read here with a simple line scan that shares nothing with the converter: name, task and authority numbers,
 * competency names and the level given by the column of each row's X, the legend and the approval caption.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { transcribe } from "../scripts/transcribe/hung-yen-2022.js";

const SOURCE = join(packageRoot, "test/fixtures/sources/003_bd0bbd630426eb45.txt");
const EXAMPLES = join(packageRoot, "examples/hung-yen-pl1-1-2022");
const lines = readFileSync(SOURCE, "utf8").split("\n");

const between = (from: string, to: string) =>
  lines.slice(
    lines.findIndex((line) => line.trim() === from),
    lines.findIndex((line) => line.trim() === to),
  );

/** A competency row: the name cell, then five cells that are empty or "X"; the level is the X's column. */
function scanMatrix(): Array<[string, number | null]> {
  const rows: Array<[string, number | null]> = [];
  lines.forEach((line, index) => {
    const marks = lines.slice(index + 1, index + 6);
    if (!/^\t\S/.test(line) || line === "\tX" || marks.length < 5) return;
    if (!marks.every((mark) => mark === "\t" || mark === "\tX")) return;
    const column = marks.indexOf("\tX");
    rows.push([line.trim(), column >= 0 ? column + 1 : null]);
  });
  return rows;
}

const files = readdirSync(EXAMPLES).filter((name) => name.endsWith(".yaml"));
const example = parse(readFileSync(join(EXAMPLES, files[0] ?? "missing"), "utf8")) as Position;

describe("transcription of Hưng Yên PL1.1 (2022)", () => {
  it("has the one description of the document", () => {
    expect(files).toEqual(["01-truong-ban-to-chuc-dang.yaml"]);
    expect(example.name).toBe(
      lines
        .find((line) => line.startsWith("\tTên VTVL:"))!
        .replace("\tTên VTVL:", "")
        .trim(),
    );
  });

  it("keeps the task and authority numbers as printed", () => {
    const taskNumbers = between(
      "II. CÁC CÔNG VIỆC VÀ TIÊU CHÍ ĐÁNH GIÁ",
      "III. CÁC MỐI QUAN HỆ TRONG CÔNG VIỆC",
    )
      .filter((line) => /^\t?\d+$/.test(line))
      .map((line) => line.trim());
    expect((example.tasks ?? []).map((task) => task.code)).toEqual(taskNumbers);
    const authorityNumbers = between(
      "IV. PHẠM VI QUYỀN HẠN",
      "V. YÊU CẦU TRÌNH ĐỘ, NĂNG LỰC VÀ KỸ NĂNG",
    ).flatMap((line) => /^\t(\d+\.) /.exec(line)?.slice(1) ?? []);
    expect((example.authority ?? []).map((item) => item.code)).toEqual(authorityNumbers);
  });

  it("reads each competency level from the column of its X", () => {
    const competencies = (example.competencies?.groups ?? []).flatMap((group) =>
      group.items.map((item): [string, unknown] => [item.name, item.level]),
    );
    expect(scanMatrix()).toHaveLength(9);
    expect(competencies).toEqual(scanMatrix());
    expect(example.competencies?.groups.map((group) => [group.group, group.items.length])).toEqual([
      ["chung", 5],
      ["chuyen-mon", 4],
    ]);
  });

  it("keeps the legend verbatim and the approval caption", () => {
    expect(example.competencies?.legend).toBe(lines.find((line) => line.startsWith("(Ghi chú:"))!.trim());
    expect(example.approval).toEqual({ caption: "Người phê duyệt" });
    expect(example.header).toMatchObject({
      parentAgency: "UBND TỈNH HƯNG YÊN",
      agency: "SỞ NỘI VỤ",
      code: "PL1.1",
    });
  });

  it("is what the converter produces from the source (re-running it reproduces the committed file)", () => {
    for (const [path, content] of transcribe(readFileSync(SOURCE, "utf8")))
      expect(readFileSync(join(packageRoot, path), "utf8"), path).toBe(content);
  });
});
