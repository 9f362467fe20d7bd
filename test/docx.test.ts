/**
 * Editable Word output (`vtvl render --format docx`) and the round trip through `vtvl import`: every example
 * rendered to .docx and imported back gives the same description; the file has the PDF's page, type and
 * merged header cells; an edit made in Word survives the import; and LibreOffice (a Word file vtvl did not
 * write) opens ours and writes one from our HTML that imports to the same printed content.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../src/docx/index.js";
import { importDocument } from "../src/import/index.js";
import { readSource } from "../src/import/source.js";
import type { Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { renderHtmlDocument } from "../src/render/html.js";
import { runCli, tempDir, writeTemp } from "./helpers.js";

const examples = readdirSync(join(packageRoot, "examples")).flatMap((folder) =>
  readdirSync(join(packageRoot, "examples", folder))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => join("examples", folder, name)),
);
const load = (path: string) =>
  yaml.load(readFileSync(join(packageRoot, path), "utf8"), { schema: yaml.CORE_SCHEMA }) as Position;
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const part = (docx: Uint8Array, name: string) =>
  strFromU8(unzipSync(docx, { filter: (entry) => entry.name === name })[name]!);

describe("render to .docx, import back", () => {
  it("covers every example", () => {
    expect(examples.length).toBeGreaterThan(50);
  });
  for (const path of examples) {
    it(`${path} comes back the same`, async () => {
      const position = load(path);
      const result = importDocument(readSource("ban-mo-ta.docx", await renderDocx(position)));
      expect(result.descriptions).toHaveLength(1);
      const [description] = result.descriptions;
      expect(description!.unplaced).toEqual([]);
      expect(plain(description!.position)).toEqual(plain(position));
    });
  }
});

describe("render to .docx, import back: one description of every layout (test/fixtures/render/)", () => {
  const fixtures = readdirSync(join(packageRoot, "test", "fixtures", "render")).filter((name) =>
    name.endsWith(".yaml"),
  );
  it("has all seven layouts", () => {
    expect(fixtures).toHaveLength(7);
  });
  for (const name of fixtures) {
    it(`${name} comes back the same`, async () => {
      const position = load(join("test", "fixtures", "render", name));
      const [description] = importDocument(readSource("mo-ta.docx", await renderDocx(position))).descriptions;
      expect(description?.form).toBe(position.form);
      expect(plain(description!.position)).toEqual(plain(position));
    });
  }
});

describe("the Word file", () => {
  const path = "examples/tt-02-2023-vpcp/02-chuyen-vien-chinh-tham-muu-tong-hop-ve-chuyen-nganh.yaml";

  it("has the PDF's page, type, page numbers and merged header cells", async () => {
    const docx = await renderDocx(load(path));
    const document = part(docx, "word/document.xml");
    // A4 portrait; margins 20 / 15 / 20 / 30 mm (print.css, NĐ 30/2020).
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/u);
    expect(document).toContain("<w:titlePg/>");
    expect(part(docx, "word/styles.xml")).toMatch(/w:ascii="Times New Roman"/u);
    expect(part(docx, "word/header1.xml") + part(docx, "word/header2.xml")).toMatch(/PAGE/u);
    // "Các nhiệm vụ, công việc" spans two columns; "TT" and the criterion column span the two header rows.
    expect(document).toMatch(/<w:gridSpan w:val="2"\/>.*?Các nhiệm vụ, công việc/su);
    expect(document).toMatch(/<w:vMerge w:val="restart"\/>.*?>TT</su);
    expect(document).toContain("<w:tblHeader/>");
    // The headings are Word headings (navigation pane), with the layout's own text.
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>.*?1- Mục tiêu vị trí việc làm/su);
    expect(part(docx, "docProps/core.xml")).toMatch(/<dc:creator>vtvl /u);
  });

  it("keeps an edit made in Word and drops only what the edit made stale", async () => {
    const position = load(path);
    const docx = await renderDocx(position);
    const files = unzipSync(docx);
    const before = "Có thời gian giữ ngạch chuyên viên và tương đương từ đủ 09 năm trở lên";
    const after = "Có thời gian giữ ngạch chuyên viên và tương đương từ đủ 10 năm trở lên";
    const document = strFromU8(files["word/document.xml"]!);
    expect(document).toContain(before);
    files["word/document.xml"] = strToU8(document.replace(before, after));
    files["word/document.xml"] = strToU8(
      strFromU8(files["word/document.xml"]).replace(
        "Tham dự đầy đủ, chuẩn bị tài liệu",
        "Tham dự đầy đủ và đúng giờ, chuẩn bị tài liệu",
      ),
    );
    const description = importDocument(readSource("da-sua.docx", zipSync(files))).descriptions[0]!;
    const imported = description.position;
    expect(imported.tasks?.[6]?.criteria).toBe(
      "Tham dự đầy đủ và đúng giờ, chuẩn bị tài liệu và ý kiến phát biểu theo yêu cầu.",
    );
    // The experience text was edited: the page wins, and the facts stored for the old text are not restored.
    expect(imported.requirements?.experience).toEqual([
      expect.stringContaining("từ đủ 10 năm trở lên"),
      expect.stringContaining("Trong thời gian giữ ngạch chuyên viên"),
    ]);
    expect(description.edited).toBe(1);
    // Everything the page cannot show is still restored.
    expect(imported.grade).toEqual(position.grade);
    expect(imported.source).toEqual(position.source);
    expect(isDeepStrictEqual(plain(imported.relations), plain(position.relations))).toBe(true);
  });
});

describe("vtvl render --format docx", () => {
  it("writes .docx files beside the other formats, replaces its own and protects the user's", async () => {
    const out = tempDir();
    const input = join(packageRoot, "examples", "hung-yen-pl1-1-2022", "01-truong-ban-to-chuc-dang.yaml");
    const first = await runCli("render", input, "--format", "docx", "--out", out, "-q");
    expect(first.code).toBe(0);
    const written = join(out, "01-truong-ban-to-chuc-dang.docx");
    expect(statSync(written).size).toBeGreaterThan(5000);
    expect(first.stderr).toBe("");
    const again = await runCli("render", input, "--format", "docx", "--out", out);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("1 DOCX");

    const imported = await runCli("import", written, "--out", join(out, "yaml"));
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/tệp Word do vtvl tạo: khôi phục \d+ giá trị/u);
    expect(
      yaml.load(readFileSync(join(out, "yaml", "01-truong-ban-to-chuc-dang.yaml"), "utf8"), {
        schema: yaml.CORE_SCHEMA,
      }),
    ).toEqual(plain(load("examples/hung-yen-pl1-1-2022/01-truong-ban-to-chuc-dang.yaml")));

    const catalogue = await runCli(
      "render",
      "--catalog",
      join(packageRoot, "examples", "tt-02-2023-vpcp"),
      "--format",
      "docx",
      "--out",
      out,
    );
    expect(catalogue.code).toBe(2);

    const mine = writeTemp("cua-toi.docx", "tệp của người dùng");
    const refused = await runCli("render", input, "-o", mine);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("không ghi đè");
    expect(readFileSync(mine, "utf8")).toBe("tệp của người dùng");
  });
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((candidate) => existsSync(candidate));

describe.skipIf(!soffice)("LibreOffice", () => {
  it("opens the Word file (converted to PDF headlessly), and writes one from our HTML that imports to the same text", async () => {
    const folder = tempDir();
    const profile = join(folder, "profile");
    mkdirSync(profile);
    const pick = [
      "examples/qd-4135-btctw/07-chu-tich-ldld-tinh-va-tuong-duong.yaml",
      "examples/ninh-binh-xa-2026/03-pho-chanh-van-phong-hdnd-va-ubnd-xa.yaml",
      "examples/qd-302-2025-ubnd/07-cong-nghe-thong-tin-hang-ii.yaml",
    ];
    writeFileSync(join(folder, "ban-mo-ta.docx"), await renderDocx(load(pick[0]!)));
    pick.forEach((path, index) => {
      const position = load(path);
      writeFileSync(join(folder, `tu-html-${index}.html`), renderHtmlDocument(position, position.form));
    });
    const run = (args: string[]) =>
      spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, "--headless", ...args], {
        cwd: folder,
        encoding: "utf8",
        timeout: 240_000,
      });
    const toPdf = run([
      "--convert-to",
      "pdf",
      "--outdir",
      join(folder, "pdf"),
      join(folder, "ban-mo-ta.docx"),
    ]);
    expect(toPdf.status, toPdf.stderr).toBe(0);
    const pdf = readFileSync(join(folder, "pdf", "ban-mo-ta.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = spawnSync("pdftotext", ["-layout", join(folder, "pdf", "ban-mo-ta.pdf"), "-"], {
      encoding: "utf8",
    });
    if (text.status === 0) expect(text.stdout).toContain("Các nhiệm vụ, công việc");

    const html = pick.map((_, index) => join(folder, `tu-html-${index}.html`));
    const toDocx = run(["--convert-to", "docx:MS Word 2007 XML", "--outdir", join(folder, "docx"), ...html]);
    expect(toDocx.status, toDocx.stderr).toBe(0);
    pick.forEach((path, index) => {
      const position = load(path);
      const file = join(folder, "docx", `tu-html-${index}.docx`);
      const [description] = importDocument(readSource(file, readFileSync(file))).descriptions;
      expect(description?.form).toBe(position.form);
      expect(description?.unplaced).toEqual([]);
      const printed = description!.position;
      // What the page prints comes back as written; what it cannot print (facts, grade codes, source) is absent.
      expect(plain(printed.tasks)).toEqual(plain(position.tasks));
      expect(plain(printed.competencies)).toEqual(plain(position.competencies));
      expect(plain(printed.authority)).toEqual(plain(position.authority));
      expect(plain(printed.objective)).toEqual(plain(position.objective));
      const experience = position.requirements?.experience;
      expect(printed.requirements?.experience).toEqual(
        typeof experience === "object" && !Array.isArray(experience) ? experience.text : experience,
      );
    });
  }, 300_000);
});
