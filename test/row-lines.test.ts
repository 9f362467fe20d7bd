/**
 * The row-per-line reader on excerpts of the real exports (002_04aa76548196e8dd.txt, 004_933b2910f56df9c1.txt):
 * structure, HTML flattening, repeated headers, continuation rows and the list splitters.
 */
import { describe, expect, it } from "vitest";
import {
  dropRepeatedHeaders,
  flattenHtml,
  groupTables,
  joinContinuation,
  mergeContinuationRows,
  readRowLines,
  splitBulletItems,
  splitNumberedItems,
  stripBullet,
  type RowBlock,
} from "../src/import/row-lines.js";

const rows = (text: string) => readRowLines(text).filter((block): block is RowBlock => block.kind === "row");
const texts = (row: RowBlock) => row.cells.map((cell) => cell.text);

describe("readRowLines", () => {
  it("reads paragraphs and rows with their line numbers, drops blank lines and Pandoc dash rows", () => {
    const blocks = readRowLines(
      [
        "",
        "PHỤ LỤC 3",
        "",
        "TT\tQuyền hạn cụ thể",
        "1.1\tĐược chủ động về phương pháp thực hiện công việc được giao",
        "",
        "\tđược giao",
        "--\t--\t---\t--",
        "3- Mối quan hệ trong công việc",
        "\tPhát triển nhân viên\t2-3",
      ].join("\n"),
    );
    expect(blocks.map((block) => [block.kind, block.line])).toEqual([
      ["paragraph", 2],
      ["row", 4],
      ["row", 5],
      ["row", 7],
      ["paragraph", 9],
      ["row", 10],
    ]);
    const continuation = blocks[3] as RowBlock;
    expect(texts(continuation)).toEqual(["", "được giao"]);
    expect(continuation.afterBlank).toBe(true);
    expect((blocks[2] as RowBlock).afterBlank).toBe(false);
  });

  it("reads the last line when the file does not end with a newline", () => {
    const blocks = readRowLines("Nhóm năng lực\tTên năng lực\tCấp độ\n\tPhát triển nhân viên\t2");
    expect(blocks).toHaveLength(2);
    expect(texts(blocks[1] as RowBlock)).toEqual(["", "Phát triển nhân viên", "2"]);
  });

  it("groups consecutive rows into tables, paragraphs between them end a table", () => {
    const parts = groupTables(readRowLines("a\tb\n\n\tc\nHeading\nd\te"));
    expect(
      parts.map((part) => (part.kind === "table" ? [part.line, part.endLine, part.rows.length] : part.text)),
    ).toEqual([[1, 3, 2], "Heading", [5, 5, 1]]);
  });
});

describe("flattenHtml", () => {
  it("makes one paragraph per <p> and per unclosed list, drops inline tags, keeps text as printed", () => {
    expect(
      flattenHtml(
        '<p>trực Hội đồng nhân dân</p> <p>2. Phân công</p> <ul style="list-style-type: none"> - A - B \u00a0',
      ),
    ).toEqual(["trực Hội đồng nhân dân", "2. Phân công", "- A - B"]);
    expect(flattenHtml("Khả năng thẩm định <u>các đề án</u> , dự án")).toEqual([
      "Khả năng thẩm định các đề án , dự án",
    ]);
    expect(flattenHtml("<p>+ <i>Trường phòng Văn hóa - Xã hội:</i></p>")).toEqual([
      "+ Trường phòng Văn hóa - Xã hội:",
    ]);
    expect(flattenHtml("nhiệm vụ KH&CN cấp cơ sở &amp; “kontum.gov.vn”")).toEqual([
      "nhiệm vụ KH&CN cấp cơ sở & “kontum.gov.vn”",
    ]);
    expect(flattenHtml("[bookmark: _GoBack]- Có văn hóa")).toEqual(["- Có văn hóa"]);
    expect(flattenHtml("")).toEqual([]);
  });
});

describe("dropRepeatedHeaders", () => {
  it("drops the header rows printed again after a page break, and only those", () => {
    const table = rows(
      [
        "TT\tCác nhiệm vụ, công việc\t\tTiêu chí đánh giá hoàn thành công việc",
        "\tNhiệm vụ, mảng công việc\tCông việc cụ thể\t",
        "2.1\tCông tác nghiên cứu\t- A\tB",
        "TT\tCác nhiệm vụ, công việc\t\tTiêu chí đánh giá hoàn thành công việc",
        "\tNhiệm vụ, mảng công việc\tCông việc cụ thể\t",
        "2.2\tCông tác chuyên môn\t- C\tD",
      ].join("\n"),
    );
    expect(dropRepeatedHeaders(table, 2).map((row) => row.line)).toEqual([1, 2, 3, 6]);
  });
});

describe("joinContinuation", () => {
  it("joins the halves of a paragraph split by a page break with one space", () => {
    expect(joinContinuation(["1. Xử lý chính xác, đúng thẩm quyền; báo"], ["cáo kịp thời."])).toEqual([
      "1. Xử lý chính xác, đúng thẩm quyền; báo cáo kịp thời.",
    ]);
    expect(joinContinuation(["- Tuyệt đối … chấp hành chủ"], ["trưng, chính sách"])).toEqual([
      "- Tuyệt đối … chấp hành chủ trưng, chính sách",
    ]);
  });

  it("keeps an item that starts after the break as an item of its own", () => {
    expect(joinContinuation(["5. Chỉ đạo xây dựng báo cáo."], ["6. Đại diện cho Trung tâm"])).toHaveLength(2);
    expect(joinContinuation(["- Thực hiện nhiệm vụ;"], ["- Thực hiện công việc"])).toHaveLength(2);
    expect(joinContinuation(["phối hợp công tác tốt."], ["Trung thực, kiên định"])).toHaveLength(2);
    expect(joinContinuation(["thuộc thẩm quyền quản lý của"], ["Trung tâm Phục vụ hành chính công"])).toEqual(
      ["thuộc thẩm quyền quản lý của Trung tâm Phục vụ hành chính công"],
    );
  });
});

describe("mergeContinuationRows", () => {
  it("merges rows whose first cell is empty into the row before, column by column", () => {
    const table = rows(
      [
        "2.3\tTham gia xây dựng và tổ chức thực hiện các chương\t- Tham gia xây dựng\tTham gia đầy đủ, tích cực, có trách",
        "\ttrình, đề án.\t<p>về công nghệ thông tin;</p> <ul> - Nghiên cứu thị trường\tnhiệm.",
        "2.4\tTham gia phân tích\t\t",
      ].join("\n"),
    );
    const merged = mergeContinuationRows(table);
    expect(merged.map((row) => [row.line, row.endLine])).toEqual([
      [1, 2],
      [3, 3],
    ]);
    expect(merged[0]!.columns).toEqual([
      ["2.3"],
      ["Tham gia xây dựng và tổ chức thực hiện các chương trình, đề án."],
      ["- Tham gia xây dựng về công nghệ thông tin;", "- Nghiên cứu thị trường"],
      ["Tham gia đầy đủ, tích cực, có trách nhiệm."],
    ]);
  });

  it("lets the caller map rows whose merged cells change the cell count", () => {
    const table = rows(
      ["9\tThực hiện nhiệm vụ\t\tđầy đủ,\tĐúng tiến độ.", "\t\tđúng chức trách.\t"].join("\n"),
    );
    const toColumns = (row: RowBlock) => {
      const cells = row.cells.map((cell) => cell.paragraphs);
      return cells.length === 4 ? [cells[0]!, cells[1]!, [], cells[2]!, cells[3]!] : cells;
    };
    expect(mergeContinuationRows(table, toColumns)[0]!.columns[3]).toEqual(["đầy đủ, đúng chức trách."]);
  });
});

describe("list splitters", () => {
  it("splits flattened bulleted lists, bullets removed, without breaking “kinh tế - xã hội”", () => {
    expect(splitBulletItems("- Tham gia xây dựng;- Chủ trì thực hiện;- Chịu trách nhiệm.")).toEqual([
      "Tham gia xây dựng;",
      "Chủ trì thực hiện;",
      "Chịu trách nhiệm.",
    ]);
    expect(splitBulletItems("Các cơ quan, đơn vị có liên quan -Các thôn trên địa bàn xã")).toEqual([
      "Các cơ quan, đơn vị có liên quan",
      "Các thôn trên địa bàn xã",
    ]);
    expect(splitBulletItems("- Nắm được đường lối phát triển kinh tế - xã hội của Đảng")).toEqual([
      "Nắm được đường lối phát triển kinh tế - xã hội của Đảng",
    ]);
    expect(splitBulletItems("Kế toán- Kiểm toán")).toEqual(["Kế toán- Kiểm toán"]);
  });

  it("splits flattened numbered lists at the next number only, numbers kept", () => {
    expect(splitNumberedItems("1. Quản lý hoạt động 2. Chỉ đạo năm 2025. 3. Ký trình văn bản")).toEqual([
      "1. Quản lý hoạt động",
      "2. Chỉ đạo năm 2025.",
      "3. Ký trình văn bản",
    ]);
    expect(splitNumberedItems("2. Nhiệm vụ … chính thực hiện. 3. Phân công 4. Kế hoạch")).toEqual([
      "2. Nhiệm vụ … chính thực hiện.",
      "3. Phân công",
      "4. Kế hoạch",
    ]);
    expect(splitNumberedItems("Nghỉ 01 ngày. 2. Không tách")).toEqual(["Nghỉ 01 ngày. 2. Không tách"]);
  });

  it("strips bullet glyphs and keeps numbering", () => {
    expect(stripBullet("- Đạo đức và bản lĩnh;")).toBe("Đạo đức và bản lĩnh;");
    expect(stripBullet("-Khả năng hướng dẫn")).toBe("Khả năng hướng dẫn");
    expect(stripBullet("+ Phó Trưởng phòng Kinh tế:")).toBe("Phó Trưởng phòng Kinh tế:");
    expect(stripBullet("1. Tài sản được quản lý")).toBe("1. Tài sản được quản lý");
  });
});
