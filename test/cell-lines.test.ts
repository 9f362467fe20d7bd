import { describe, expect, it } from "vitest";
import { readCellLines } from "../src/import/cell-lines.js";

describe("readCellLines", () => {
  it("reads paragraphs, rows, continuation lines, empty cells and NBSP fillers", () => {
    const text = [
      "1- Mục tiêu vị trí việc làm",
      "\tTT",
      "\tCác nhiệm vụ, công việc",
      "",
      "\t2.2",
      "\t1. Chủ trì hướng dẫn",
      "2. Tổ chức, hướng dẫn",
      "\t",
      "",
      "\u00a0 ",
      "3- Các mối quan hệ công việc ",
    ].join("\n");
    expect(readCellLines(text)).toEqual([
      { kind: "paragraph", text: "1- Mục tiêu vị trí việc làm", line: 1 },
      {
        kind: "row",
        line: 2,
        endLine: 3,
        cells: [
          { text: "TT", lines: ["TT"], line: 2 },
          { text: "Các nhiệm vụ, công việc", lines: ["Các nhiệm vụ, công việc"], line: 3 },
        ],
      },
      {
        kind: "row",
        line: 5,
        endLine: 8,
        cells: [
          { text: "2.2", lines: ["2.2"], line: 5 },
          {
            text: "1. Chủ trì hướng dẫn\n2. Tổ chức, hướng dẫn",
            lines: ["1. Chủ trì hướng dẫn", "2. Tổ chức, hướng dẫn"],
            line: 6,
          },
          { text: "", lines: [""], line: 8 },
        ],
      },
      { kind: "paragraph", text: "3- Các mối quan hệ công việc", line: 11 },
    ]);
  });
});
