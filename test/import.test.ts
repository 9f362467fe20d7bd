/**
 * `vtvl import`: the readers (text exports, HTML, .docx) on real documents and small real files, the
 * artefacts GUIDE §g lists, and the command (files written atomically, never overwritten without --force,
 * what is not placed kept as comments and reported, exit codes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { importDocument } from "../src/import/index.js";
import { readSource } from "../src/import/source.js";
import { detectTextFormat } from "../src/import/text-export.js";
import type { Position } from "../src/model/types.js";
import { validateAgainstForm } from "../src/schema/validator.js";
import { makeDocx } from "./fixtures/import/make-docx.js";
import { runCli, runCliProcess, tempDir, writeTemp } from "./helpers.js";

const sources = join(import.meta.dirname, "fixtures", "sources");
const fixture = (name: string) => join(import.meta.dirname, "fixtures", "import", name);
const source = (name: string) => readFileSync(join(sources, name));
const importFile = (name: string) => importDocument(readSource(name, source(name)));

describe("text exports", () => {
  it("tells cell-per-line from row-per-line exports by where their TABs are", () => {
    expect(detectTextFormat(source("000_a7696d64b2f94493.txt").toString("utf8"))).toBe("cell-lines");
    expect(detectTextFormat(source("003_bd0bbd630426eb45.txt").toString("utf8"))).toBe("cell-lines");
    expect(detectTextFormat(source("002_04aa76548196e8dd.txt").toString("utf8"))).toBe("row-lines");
    expect(detectTextFormat("a\tb\tc\n\td\te\n")).toBe("row-lines");
  });

  it("splits a decision into its descriptions and reads its catalogue (TT 02/2023: 12 + Phụ lục I)", () => {
    const result = importFile("000_a7696d64b2f94493.txt");
    expect(result.descriptions.map((description) => description.fileName.slice(0, 3))).toEqual(
      Array.from({ length: 12 }, (_, index) => `${String(index + 1).padStart(2, "0")}-`),
    );
    expect(result.catalogue?.entries).toHaveLength(12);
    const sixth = result.descriptions[5]!;
    // Published without its title and name row: kept missing, named after its catalogue row.
    expect(sixth.position.name).toBeUndefined();
    expect(sixth.missing).toEqual(["/title", "/name"]);
    expect(sixth.fileName).toBe("06-chuyen-vien-ve-thu-ky-bien-tap.yaml");
    expect(sixth.position.grade).toEqual({ name: "Chuyên viên" });
    expect(result.descriptions.every((description) => description.form === "tt-02-2023-vpcp")).toBe(true);
  });

  it("keeps an approval row and the next title apart when no blank line separates them (000 L2079–2081)", () => {
    const result = importFile("000_a7696d64b2f94493.txt");
    expect(result.descriptions[7]!.position.approval).toEqual({ caption: "Phê duyệt của lãnh đạo" });
    expect(result.descriptions[8]!.position.title).toBe(
      "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM",
    );
  });

  it("undoes merged cells printed twice or three times, and joins a cell cut by a blank line (QĐ 4135)", () => {
    const result = importFile("001_1e3cb0e3f3dd4d5e.txt");
    expect(result.descriptions).toHaveLength(34);
    const first = result.descriptions[0]!.position;
    expect(first.workplace).toBe("Trụ sở đơn vị");
    const leaderTask = result.descriptions[6]!.position.tasks!.at(-1)!;
    expect(leaderTask).toEqual({
      code: "2.7",
      area: "Đảm nhiệm VTVL chuyên môn ứng với ngạch công chức cao nhất trong LĐLĐ tỉnh",
    });
    const reception = result.descriptions[32]!.position.relations!.external![0]!;
    expect(reception.nature).toContain("Đón, tiếp các đoàn khách đối ngoại.");
    expect(result.descriptions.filter((description) => description.form === "qd-4135-btctw-b")).toHaveLength(
      8,
    );
  });

  it("moves a footnote mark glued to a word into footnotes, in order (QĐ 4135 L3784)", () => {
    const position = importFile("001_1e3cb0e3f3dd4d5e.txt").descriptions[14]!.position;
    expect(position.objective).toBe(
      "Chủ trì tham mưu, đề xuất nhiệm vụ, giải pháp về công tác Công đoàn; chủ trì hướng dẫn, kiểm tra thực hiện theo phân công.",
    );
    expect(position.footnotes?.[0]?.mark).toBe("1");
  });

  it("reads the X matrix and the cell split over a blank line of Hưng Yên PL1.1", () => {
    const position = importFile("003_bd0bbd630426eb45.txt").descriptions[0]!.position;
    expect(position.header).toEqual({
      motto: "none",
      parentAgency: "UBND TỈNH HƯNG YÊN",
      agency: "SỞ NỘI VỤ",
      code: "PL1.1",
    });
    expect(position.tasks?.map((task) => task.code)).toEqual(["1", "2", "3", "4"]);
    expect(
      position.competencies?.groups.map((group) => [group.group, group.items.map((item) => item.level)]),
    ).toEqual([
      ["chung", [4, 3, 2, 3, 3]],
      ["chuyen-mon", [3, 3, 3, 3]],
    ]);
  });

  it("drops repeated headers and joins rows cut by page breaks in row-per-line exports (QĐ 302/2025)", () => {
    const position = importFile("004_933b2910f56df9c1.txt").descriptions[0]!.position;
    expect(position.tasks?.map((task) => task.code)).toEqual(["2.1", "2.2", "2.3", "2.4"]);
    expect(position.competencies?.groups.map((group) => group.items.length)).toEqual([7, 4, 5]);
    expect(position.professionalTitle).toEqual({ name: "Nghiên cứu viên chính" });
  });

  it("writes positions that match their form's schema, apart from parts the document does not print", () => {
    for (const name of readdirSync(sources)) {
      for (const description of importFile(name).descriptions) {
        const problems = validateAgainstForm(description.form, structuredClone(description.position)) ?? [];
        expect(
          problems.map((problem) => `/${problem.path.join("/")}`).sort(),
          `${name} #${description.index}`,
        ).toEqual([...description.missing].sort());
      }
    }
  });
});

describe("HTML", () => {
  const result = importDocument(readSource("description.html", readFileSync(fixture("description.html"))));
  const description = result.descriptions[0]!;
  const position = description.position;

  it("reads colspan and rowspan: merged task rows, an area spanning the work column", () => {
    expect(description.form).toBe("tt-02-2023-vpcp");
    expect(position.tasks).toEqual([
      {
        code: "2.1",
        area: "Hướng dẫn thực hiện các văn bản.",
        work: ["1. Chủ trì hướng dẫn.", "2. Tổ chức theo dõi.", "3. Bồi dưỡng nghiệp vụ."],
        criteria: ["1. Văn bản được ban hành.", "2. Truyền đạt được nội dung."],
      },
      { code: "2.2", area: "Xây dựng kế hoạch công tác của cá nhân.", criteria: "Kế hoạch đúng hạn." },
      { code: "2.3", area: "Thực hiện các nhiệm vụ khác do cấp trên phân công." },
    ]);
  });

  it("keeps text as written: entities decoded, bullets dropped, notes apart, empty levels null", () => {
    expect(position.objective).toBe("Tham mưu & tổng hợp về chuyên ngành.");
    expect(position.workplace).toBeNull();
    expect(position.relations?.internal?.notes).toBe("(Lưu ý: Căn cứ vào tổ chức sử dụng vị trí này)");
    expect(position.relations?.external?.[0]?.nature).toEqual([
      "Tham gia các cuộc họp.",
      "Cung cấp thông tin.",
    ]);
    expect(position.requirements?.experience).toEqual({
      label: "Kinh nghiệm công tác",
      text: "Không yêu cầu",
    });
    expect(position.competencies?.groups).toEqual([
      {
        group: "chung",
        label: "Nhóm năng lực chung",
        items: [
          { name: "Đạo đức và bản lĩnh", level: "3-5" },
          { name: "Sử dụng công nghệ thông tin", level: null },
        ],
      },
      { group: "quan-ly", label: "Nhóm năng lực quản lý", items: [{ name: "Ra quyết định", level: 2 }] },
    ]);
    expect(position.approval).toEqual({ caption: "Phê duyệt của lãnh đạo" });
  });

  it("reports what it cannot place, with its line", () => {
    expect(description.unplaced.map((item) => [item.origin.line, item.text])).toEqual([
      [49, "Sở thích | Đọc sách"],
      [58, "Một đoạn văn lạc chỗ không thuộc mục nào."],
    ]);
  });
});

describe(".docx", () => {
  const docx = makeDocx([
    { paragraph: "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM" },
    {
      table: [
        [{ text: "Tên vị trí việc làm: Kỹ sư" }, { text: "Mã vị trí việc làm: KS-01" }],
        [{ text: "Quy trình công việc liên quan:" }, { text: ["Quy trình A", "Quy trình B"] }],
      ],
    },
    { paragraph: "1. Mục tiêu, vị trí việc làm: Thiết kế và giám sát kỹ thuật." },
    { paragraph: "2. Các công việc, định mức và tiêu chí đánh giá" },
    {
      table: [
        [
          { text: "TT", merge: "restart" },
          { text: "Các nhiệm vụ, công việc", span: 2 },
          { text: "Tiêu chí đánh giá hoàn thành công việc", merge: "restart" },
        ],
        [
          { text: "", merge: "continue" },
          { text: "Nhiệm vụ, mảng công việc" },
          { text: "Công việc cụ thể" },
          { text: "", merge: "continue" },
        ],
        [
          { text: "2.1", merge: "restart" },
          { text: "Thiết kế", merge: "restart" },
          { text: ["Lập hồ sơ", "Kiểm tra bản vẽ"], numbered: true },
          { text: "Đúng hạn" },
        ],
        [
          { text: "", merge: "continue" },
          { text: "", merge: "continue" },
          { text: "Trình duyệt\nLưu hồ sơ", numbered: true },
          { text: "Được duyệt" },
        ],
        [{ text: "2.2" }, { text: "Thực hiện các nhiệm vụ khác do cấp trên giao", span: 2 }, { text: "" }],
      ],
    },
    { paragraph: "5.2. Các năng lực" },
    {
      table: [
        [{ text: "Nhóm năng lực" }, { text: "Tên năng lực" }, { text: "Cấp độ" }],
        [
          { text: "Nhóm năng lực chuyên môn", merge: "restart" },
          { text: "Khả năng thẩm định" },
          { text: "3" },
        ],
        [{ text: "", merge: "continue" }, { text: "Khả năng phối hợp" }, { text: "2-3" }],
      ],
    },
  ]);
  const result = importDocument(readSource("kysu.docx", docx), { form: "qd-302-2025-ubnd" });
  const position = result.descriptions[0]!.position;

  it("reads gridSpan and vMerge, automatic numbering and soft line breaks", () => {
    expect(result.document.format).toBe("docx");
    expect(position.tasks).toEqual([
      {
        code: "2.1",
        area: "Thiết kế",
        work: ["1. Lập hồ sơ", "2. Kiểm tra bản vẽ", "3. Trình duyệt", "Lưu hồ sơ"],
        criteria: ["Đúng hạn", "Được duyệt"],
      },
      { code: "2.2", area: "Thực hiện các nhiệm vụ khác do cấp trên giao" },
    ]);
    expect(position.competencies?.groups).toEqual([
      {
        group: "chuyen-mon",
        label: "Nhóm năng lực chuyên môn",
        items: [
          { name: "Khả năng thẩm định", level: 3 },
          { name: "Khả năng phối hợp", level: "2-3" },
        ],
      },
    ]);
  });

  it("takes the form given with --form and the objective printed after its heading", () => {
    expect(position.form).toBe("qd-302-2025-ubnd");
    expect(position.objective).toBe("Thiết kế và giám sát kỹ thuật.");
    expect(position.headings).toBeUndefined();
    expect(position.relatedProcedures).toEqual(["Quy trình A", "Quy trình B"]);
    expect(position.code).toBe("KS-01");
  });
});

describe("a Word file as agencies type it", () => {
  const docx = makeDocx([
    { paragraph: "UBND XÃ AN BÌNH" },
    { paragraph: "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM" },
    { paragraph: "Tên vị trí việc làm: Công chức Văn phòng - Thống kê" },
    { paragraph: "Mã vị trí việc làm: VP-01" },
    { paragraph: "Mục tiêu vị trí việc làm" },
    { paragraph: "Tham mưu tổng hợp cho Ủy ban nhân dân xã." },
    { paragraph: "Các công việc và tiêu chí đánh giá" },
    {
      table: [
        [{ text: "STT" }, { text: "Công việc cụ thể" }, { text: "Tiêu chí đánh giá hoàn thành công việc" }],
        [
          { text: "1" },
          { text: ["Tổng hợp báo cáo", "Theo dõi văn bản đến"], numbered: true },
          { text: "Đúng hạn" },
        ],
      ],
    },
    { paragraph: "Phạm vi quyền hạn" },
    { paragraph: "Được cung cấp thông tin.", numbered: true },
  ]);
  const result = importDocument(readSource("van-phong.docx", docx));

  it("reads fields typed as lines, headings without numbers and automatic numbering", () => {
    expect(result.descriptions).toHaveLength(1);
    const description = result.descriptions[0]!;
    expect(description.position).toMatchObject({
      name: "Công chức Văn phòng - Thống kê",
      code: "VP-01",
      objective: "Tham mưu tổng hợp cho Ủy ban nhân dân xã.",
      tasks: [{ code: "1", work: ["1. Tổng hợp báo cáo", "2. Theo dõi văn bản đến"], criteria: "Đúng hạn" }],
    });
    expect(description.position.authority).toEqual([{ code: "3.", text: "Được cung cấp thông tin." }]);
    expect(description.unplaced).toEqual([]);
    expect(description.guessed).toBe(true);
  });
});

describe("vtvl import", () => {
  it("writes one YAML per description and the catalogue, then refuses to overwrite without --force", async () => {
    const out = tempDir();
    const first = await runCli("import", join(sources, "000_a7696d64b2f94493.txt"), "--out", out);
    expect(first.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(13);
    expect(files[0]).toBe("00-danh-muc-vi-tri-viec-lam.yaml");
    expect(first.stderr).toContain("12 bản mô tả");
    const text = readFileSync(join(out, files[1]!), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*tt-02-2023-vpcp\.schema\.json$/);
    const position = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Position;
    expect(position.tasks?.[0]?.code).toBe("2.1");

    writeFileSync(join(out, files[1]!), "# sửa tay\n");
    const again = await runCli("import", join(sources, "000_a7696d64b2f94493.txt"), "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("không ghi đè");
    expect(readFileSync(join(out, files[1]!), "utf8")).toBe("# sửa tay\n");

    const forced = await runCli("import", join(sources, "000_a7696d64b2f94493.txt"), "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, files[1]!), "utf8")).toBe(text);
    expect(readdirSync(out).some((name) => name.endsWith(".tmp"))).toBe(false);
  });

  it("keeps what it cannot place as a commented block, reports it, and exits 1", async () => {
    const out = tempDir();
    const run = await runCli("import", fixture("description.html"), "--out", out, "--lang", "en");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /description\.html:49: not placed \(requirement row label not recognised\): Sở thích \| Đọc sách/u,
    );
    const text = readFileSync(join(out, "01-chuyen-vien-ve-thu-nghiem.yaml"), "utf8");
    expect(text).toContain("#     Một đoạn văn lạc chỗ không thuộc mục nào.");
    expect(yaml.load(text, { schema: yaml.CORE_SCHEMA })).toMatchObject({
      name: "Chuyên viên về thử nghiệm",
    });
  });

  it("puts each of several inputs in its own folder; --dry-run writes nothing", async () => {
    const out = tempDir();
    const dry = await runCli(
      "import",
      join(sources, "003_bd0bbd630426eb45.txt"),
      join(sources, "002_04aa76548196e8dd.txt"),
      "--out",
      out,
      "--dry-run",
    );
    expect(dry.code).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    const run = await runCli(
      "import",
      join(sources, "003_bd0bbd630426eb45.txt"),
      join(sources, "002_04aa76548196e8dd.txt"),
      "--out",
      out,
    );
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["002-04aa76548196e8dd", "003-bd0bbd630426eb45"]);
    expect(readdirSync(join(out, "002-04aa76548196e8dd"))).toHaveLength(6);
  });

  it("exits 2 with a clear message for unreadable input and unknown forms", async () => {
    const out = tempDir();
    const missing = await runCli("import", join(out, "khong-co.docx"), "--out", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("khong-co.docx: không đọc được (không có tệp này)");
    const broken = await runCli(
      "import",
      writeTemp("hong.docx", "PK\u0003\u0004 không phải zip"),
      "--out",
      out,
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("không đọc được tệp Word");
    const legacy = await runCli(
      "import",
      writeTemp("cu.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])),
      "--out",
      out,
    );
    expect(legacy.stderr).toContain(".docx");
    const form = await runCli(
      "import",
      join(sources, "003_bd0bbd630426eb45.txt"),
      "--form",
      "mau-la",
      "--out",
      out,
    );
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('Mẫu "mau-la" không có');
    expect(existsSync(join(out, "01-truong-ban-to-chuc-dang.yaml"))).toBe(false);
  });
});

/** A zip holding `entries` deflated, each claiming `size` (its real size unless a test makes it lie). */
function zipOf(entries: Array<{ name: string; data: Uint8Array; size?: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const size = entry.size ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wordFile = (body: string) =>
  zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`) });
const MINI = "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM\nTên vị trí việc làm: X\n";

describe("vtvl import on hostile or broken input", () => {
  it("refuses HTML nested too deep, naming the file, line and column, in linear time", async () => {
    const out = tempDir();
    const deep = writeTemp("deep.html", `${"<div>".repeat(10_000)}x${"</div>".repeat(10_000)}`);
    const run = await runCli("import", deep, "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "deep.html: không đọc được (1:2561: các thẻ HTML lồng nhau quá sâu (quá 512 tầng)",
    );
    expect(run.stderr).not.toContain("internal");
    // Parsing used to cost time in proportion to the depth of every tag: 100 000 levels took about 6 s.
    const deeper = writeTemp("deeper.html", `<p>\n${"<span>".repeat(100_000)}x${"</span>".repeat(100_000)}`);
    const started = performance.now();
    const english = await runCli("import", deeper, "--out", out, "--lang", "en");
    expect(performance.now() - started).toBeLessThan(1500);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain("deeper.html: cannot be read (2:3067: HTML elements nested too deep");
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses a .docx nested too deep (tables in tables, runs never closed)", async () => {
    const out = tempDir();
    const tables = writeTemp(
      "bang.docx",
      wordFile(`${"<w:tbl><w:tr><w:tc>".repeat(2000)}${"</w:tc></w:tr></w:tbl>".repeat(2000)}`),
    );
    const run = await runCli("import", tables, "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /bang\.docx: không đọc được \(word\/document\.xml \(ký tự thứ \d+\): các thẻ XML lồng nhau quá sâu/u,
    );
    const runs = writeTemp("chu.docx", wordFile(`<w:p>${"<w:r>".repeat(20_000)}<w:t>x</w:t>`));
    const unclosed = await runCli("import", runs, "--out", out, "--lang", "en");
    expect(unclosed.code).toBe(2);
    expect(unclosed.stderr).toContain("XML elements nested too deep (more than 512 levels)");
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses a .docx that unpacks to more than 50 MB, whether its size is declared or hidden", async () => {
    const out = tempDir();
    const huge = new Uint8Array(51 * 1024 * 1024).fill(0x20);
    const declared = writeTemp("bom.docx", zipOf([{ name: "word/document.xml", data: huge }]));
    const run = await runCli("import", declared, "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "bom.docx: không đọc được (tệp Word giải nén ra quá lớn: word/document.xml là 51.0 MB (giới hạn 50.0 MB",
    );
    // The zip claims 100 bytes: the limit holds while inflating, not only on the claim.
    const lying = writeTemp("noi-doi.docx", zipOf([{ name: "word/document.xml", data: huge, size: 100 }]));
    const hidden = await runCli("import", lying, "--out", out, "--lang", "en");
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toContain("the Word file unpacks to too much: word/document.xml exceeds 50.0 MB");
    // The reader still reads what it should from a zip it did not write itself.
    const small = zipOf([
      {
        name: "word/document.xml",
        data: strToU8(
          `<w:document ${W}><w:body><w:p><w:r><w:t>Tên vị trí việc làm: X</w:t></w:r></w:p></w:body></w:document>`,
        ),
      },
    ]);
    expect(readSource("nho.docx", small).blocks).toEqual([
      { kind: "paragraph", text: "Tên vị trí việc làm: X", origin: { line: 1, endLine: 1 } },
    ]);
  });

  it("exits 2 naming the folder when --out cannot be a folder, and writes nothing", async () => {
    const dir = tempDir();
    const mini = writeTemp("mini.txt", MINI, dir);
    const onFile = await runCli("import", mini, "--out", mini);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toBe(
      `vtvl: Không ghi được vào thư mục "${mini}": đó là một tệp, không phải thư mục. Hãy chọn thư mục khác bằng --out.\n`,
    );
    const below = await runCli("import", mini, "--out", join(mini, "con"), "--lang", "en");
    expect(below.code).toBe(2);
    expect(below.stderr).toContain(`"${mini}" is a file, not a folder. Choose another folder with --out.`);
    expect(readFileSync(mini, "utf8")).toBe(MINI);
    expect(readdirSync(dir)).toEqual(["mini.txt"]);
    if (existsSync("/sys/kernel")) {
      const system = await runCli("import", mini, "--out", "/sys/vtvl-import-test");
      expect(system.code).toBe(2);
      expect(system.stderr).toMatch(/^vtvl: Không ghi được .*\/sys\/vtvl-import-test.*không có quyền ghi/u);
    }
    if (process.getuid?.() !== 0) {
      const locked = join(dir, "khoa");
      mkdirSync(locked, { mode: 0o555 });
      const denied = await runCli("import", mini, "--out", join(locked, "ra"));
      expect(denied.code).toBe(2);
      expect(denied.stderr).toContain(`không có quyền ghi vào "${locked}"`);
    }
  });

  it("does not hang on a folder the system refuses without saying so (/proc/sys)", () => {
    if (!existsSync("/proc/sys")) return;
    const mini = writeTemp("mini.txt", MINI);
    const child = runCliProcess(["import", mini, "--out", "/proc/sys/vtvl-x"], { timeout: 20_000 });
    expect(child.code).toBe(2);
    expect(child.stderr).toMatch(/^vtvl: Không ghi được .*\/proc\/sys/u);
  });

  it("gives inputs with the same name folders of their own (qd, qd-2), in the order given", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    const first = writeTemp("qd.txt", MINI, join(dir, "a"));
    const second = writeTemp("qd.txt", MINI, join(dir, "b"));
    const out = join(dir, "ra");
    const run = await runCli("import", first, second, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${second}: 1 bản mô tả (văn bản, mỗi ô một dòng) → ${join(out, "qd-2")}`);
    expect(readdirSync(out).sort()).toEqual(["qd", "qd-2"]);
    expect(readdirSync(join(out, "qd"))).toEqual(["01-x.yaml"]);
    expect(readdirSync(join(out, "qd-2"))).toEqual(["01-x.yaml"]);
  });

  it("leaves no partial output when a write fails midway", async () => {
    const dir = tempDir();
    const first = writeTemp("mot.txt", MINI, dir);
    const second = writeTemp("hai.txt", MINI, dir);
    const out = join(dir, "ra");
    // A folder where the second input's file goes: found only when writing (with --force).
    mkdirSync(join(out, "hai", "01-x.yaml"), { recursive: true });
    const run = await runCli("import", first, second, "--out", out, "--force");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^vtvl: Không ghi được ".*01-x\.yaml": đã có một thư mục mang tên này\. 1 tệp mới/u,
    );
    expect(existsSync(join(out, "mot"))).toBe(false);
    expect(readdirSync(out)).toEqual(["hai"]);
  });

  it("says which formats import reads when given random bytes", async () => {
    const out = tempDir();
    const bytes = new Uint8Array(3000).map((_, index) => (index * 7919) % 256);
    for (const name of ["rac.html", "rac.txt"]) {
      const run = await runCli("import", writeTemp(name, bytes), "--out", out);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${name}: không đọc được (1:1: tệp nhị phân, không phải văn bản (có byte 0)`,
      );
      expect(run.stderr).toContain(
        "vtvl import đọc tệp Word (.docx), HTML (.html, .htm) và văn bản thuần UTF-8 (.txt)",
      );
      expect(run.stderr).not.toContain(".yaml");
    }
  });
});
