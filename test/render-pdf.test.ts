/**
 * The PDFs themselves, printed by a real Chromium (one browser for the whole file) and read back with poppler:
 * A4 pages, only embedded Tinos fonts, every heading and column heading of each form, the tasks in reading
 * order, page numbers from page 2, user markup printed as text, nothing fetched, reproducible bytes.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textItems } from "../src/model/normalize.js";
import type { FormId, Position } from "../src/model/types.js";
import { packageRoot } from "../src/paths.js";
import { findBrowser } from "../src/render/browser.js";
import { renderBody, wrapDocument } from "../src/render/html.js";
import { loadForRender } from "../src/render/load.js";
import { FONT_BASE_URL, PdfEngine } from "../src/render/pdf.js";
import { tempDir } from "./helpers.js";

const fixtures = join(packageRoot, "test/fixtures/render");
const work = tempDir("vtvl-render-pdf-");

/** Every heading and column heading of each form, as GUIDE.md §c and the published documents print them. */
const FORM_TEXT: Record<FormId, string[]> = {
  "tt-02-2023-vpcp": [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM",
    "Tên Vị trí việc làm:",
    "Mã vị trí việc làm:",
    "Ngày bắt đầu thực hiện:",
    "Địa điểm làm việc:",
    "Quy trình công việc liên quan:",
    "1- Mục tiêu vị trí việc làm",
    "2- Các công việc và tiêu chí đánh giá",
    "Các nhiệm vụ, công việc",
    "Nhiệm vụ, mảng công việc",
    "Công việc cụ thể",
    "Tiêu chí đánh giá hoàn thành công việc",
    "3- Các mối quan hệ công việc",
    "3.1- Bên trong",
    "Được quản lý trực tiếp và kiểm duyệt kết quả bởi",
    "Quan hệ phối hợp trực tiếp trong đơn vị",
    "Các đơn vị phối hợp chính",
    "3.2- Bên ngoài",
    "Cơ quan, tổ chức có quan hệ chính",
    "Bản chất quan hệ",
    "4- Phạm vi quyền hạn",
    "Quyền hạn cụ thể",
    "5- Các yêu cầu về trình độ, năng lực",
    "5.1- Yêu cầu về trình độ",
    "Nhóm yêu cầu",
    "Yêu cầu cụ thể",
    "Kinh nghiệm (thành tích công tác)",
    "5.2- Các năng lực",
    "Nhóm năng lực",
    "Tên năng lực",
    "Cấp độ",
    "Phê duyệt của lãnh đạo",
  ],
  "qd-4135-btctw-a": [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM",
    "Tên VTVL:",
    "1- Mục tiêu vị trí việc làm",
    "2- Các công việc và tiêu chí đánh giá",
    "Mảng công việc",
    "3- Các mối quan hệ trong công việc",
    "3.1- Bên trong",
    "Quản lý trực tiếp",
    "3.2- Bên ngoài",
    "4- Phạm vi quyền hạn",
    "5- Các yêu cầu về trình độ, năng lực",
    "5.1- Yêu cầu về trình độ",
    "5.2- Các năng lực",
    "Theo yêu cầu năng lực của VTVL chuyên môn đảm nhiệm",
    "Phê duyệt của lãnh đạo",
  ],
  "qd-4135-btctw-b": [
    "Biểu số 3 (các ngành)",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM",
    "1. Mục tiêu vị trí việc làm",
    "3. Các mối quan hệ trong công việc",
    "3.1- Bên trong",
    "5. Các yêu cầu về năng lực và phẩm chất cá nhân",
    "Các yêu cầu cụ thể",
    "Trình độ chuyên môn",
    "Kiến thức, hiểu biết",
    "Kỹ năng",
    "Kinh nghiệm",
    "Phê duyệt của lãnh đạo",
  ],
  "hung-yen-pl1-1-2022": [
    "UBND TỈNH HƯNG YÊN",
    "SỞ NỘI VỤ",
    "PL1.1",
    "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM",
    "I. MỤC TIÊU VỊ TRÍ VIỆC LÀM",
    "Tóm tắt tổng quan về chức năng, vị trí việc làm:",
    "II. CÁC CÔNG VIỆC VÀ TIÊU CHÍ ĐÁNH GIÁ",
    "STT",
    "III. CÁC MỐI QUAN HỆ TRONG CÔNG VIỆC",
    "1. Các mối quan hệ bên trong",
    "2. Các mối quan hệ bên ngoài",
    "IV. PHẠM VI QUYỀN HẠN",
    "V. YÊU CẦU TRÌNH ĐỘ, NĂNG LỰC VÀ KỸ NĂNG",
    "1. Yêu cầu về trình độ",
    "Bồi dưỡng chứng chỉ",
    "Kinh nghiệm công tác",
    "2. Yêu cầu về năng lực",
    "a) Năng lực chung",
    "b) Năng lực chuyên môn",
    "Cấp độ năng lực",
    "Mức độ 1",
    "Mức độ 5",
    "Người phê duyệt",
    "(Ghi chú: Đánh giá theo cấp độ yêu cầu",
  ],
  "ninh-binh-xa-2026": [
    "PHỤ LỤC 3",
    "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM",
    "Ngạch công chức tương ứng:",
    "1- Mục tiêu vị trí việc làm",
    "2- Nhiệm vụ, công việc và tiêu chí đánh giá",
    "Mục tiêu, Kết quả đầu ra",
    "Nhiệm vụ, Mảng công việc",
    "Công việc, nhiệm vụ cụ thể",
    "3- Mối quan hệ trong công việc",
    "Cơ quan, đơn vị có quan hệ chính",
    "4- Phạm vi quyền hạn",
    "Thẩm quyền tài chính",
    "5- Điều kiện làm việc",
    "Dùng riêng",
    "Dùng chung",
    "Trang thiết bị",
    "Tính chất công việc, môi trường làm việc",
    "Mức độ tự chủ",
    "Sự hỗ trợ, phối hợp khác",
    "6- Yêu cầu về trình độ, kinh nghiệm, phẩm chất:",
    "7- Yêu cầu về năng lực:",
    "Năng lực quản lý",
  ],
  "qd-302-2025-ubnd": [
    "PHỤ LỤC III",
    "BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM CHỨC DANH NGHỀ NGHIỆP CHUYÊN NGÀNH",
    "Tên vị trí việc làm:",
    "1. Mục tiêu, vị trí việc làm",
    "2. Các công việc, định mức và tiêu chí đánh giá",
    "3. Các mối quan hệ công việc",
    "3.1. Bên trong",
    "Quản lý trực tiếp (số viên chức thuộc quyền quản lý)",
    "3.2. Bên ngoài",
    "Cơ quan tổ chức có quan hệ chính",
    "4. Phạm vi, quyền hạn",
    "5. Yêu cầu về trình độ năng lực",
    "5.1. Yêu cầu về trình độ",
    "5.2. Các năng lực",
    "Nhóm năng lực chuyên môn",
  ],
  "nd-232-2026": [
    "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM",
    "I. THÔNG TIN CHUNG",
    "Nhóm vị trí việc làm:",
    "Bậc nghề nghiệp được sử dụng",
    "Lĩnh vực hoạt động:",
    "II. MỤC TIÊU VỊ TRÍ VIỆC LÀM",
    "III. CÔNG VIỆC, KẾT QUẢ, SẢN PHẨM CHUYÊN MÔN",
    "Nội dung công việc",
    "Sản phẩm, Kết quả đầu ra",
    "Tiêu chí đánh giá",
    "IV. CÔNG VIỆC, KẾT QUẢ, SẢN PHẨM QUẢN LÝ",
    "V. CÔNG VIỆC, KẾT QUẢ, SẢN PHẨM HỖ TRỢ",
    "VI. KHUNG NĂNG LỰC",
    "Bậc nghề nghiệp áp dụng",
    "VII. MỐI QUAN HỆ CÔNG TÁC",
    "VIII. PHẠM VI QUYỀN HẠN",
    "IX. YÊU CẦU VỀ TRÌNH ĐỘ, KINH NGHIỆM, PHẨM CHẤT",
    "Kinh nghiệm chuyên môn",
    "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
    "(Ký tên, đóng dấu)",
  ],
};

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8" });
}

/** Text in content order (Chromium draws cell by cell), whitespace collapsed. */
function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return poppler("pdftotext", "-raw", "-enc", "UTF-8", ...range, file, "-").replace(/\s+/g, " ");
}

function loadFixture(form: FormId): Position {
  const file = join(fixtures, `${form}.yaml`);
  const loaded = loadForRender(file, readFileSync(file));
  if (!loaded.ok) throw new Error(`fixture ${file} does not load`);
  return loaded.position;
}

let engine: PdfEngine;

async function printPdf(
  html: string,
  name: string,
  fresh = false,
): Promise<{ file: string; blocked: string[] }> {
  const result = await engine.render(html, { fresh });
  const file = join(work, name);
  writeFileSync(file, result.pdf);
  return { file, blocked: result.blocked };
}

beforeAll(async () => {
  engine = await PdfEngine.start({
    executablePath: findBrowser().path,
    concurrency: 2,
    userAgent: "vtvl/test",
    sourceDateEpoch: 1_700_000_000,
  });
});

afterAll(async () => {
  await engine?.close();
});

describe("each layout printed to PDF", () => {
  const forms = Object.keys(FORM_TEXT) as FormId[];
  const printed = new Map<FormId, Promise<{ file: string; blocked: string[] }>>();
  const pdfOf = (form: FormId) => {
    let promise = printed.get(form);
    if (!promise) {
      const rendered = renderBody(loadFixture(form), form);
      promise = printPdf(wrapDocument(rendered, { kind: "url", baseUrl: FONT_BASE_URL }), `${form}.pdf`);
      printed.set(form, promise);
    }
    return promise;
  };

  for (const form of forms) {
    it(`${form}: A4, Tinos only and embedded, the form's headings, the tasks in order, numbered from page 2`, async () => {
      const { file, blocked } = await pdfOf(form);
      expect(blocked).toEqual([]);

      const info = poppler("pdfinfo", file);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      expect(info).toMatch(/Title:\s+\S/);

      const fonts = poppler("pdffonts", file).split("\n").slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toMatch(/\+Tinos-(Regular|Bold|Italic|BoldItalic)\s/);
        expect(font).toMatch(/\byes\s+yes\s+yes\b/);
      }

      const text = pdfText(file);
      expect(text.normalize("NFC")).toBe(text);
      for (const heading of FORM_TEXT[form]) expect(text, heading).toContain(heading);

      const position = loadFixture(form);
      expect(text).toContain(position.name);
      let cursor = 0;
      for (const task of position.tasks ?? []) {
        const first = textItems(task.work ?? task.area)[0]!;
        const probe = first.slice(0, 40);
        const at = text.indexOf(probe, cursor);
        expect(at, `task "${probe}" after offset ${cursor}`).toBeGreaterThanOrEqual(cursor);
        cursor = at + probe.length;
      }

      const headings = FORM_TEXT[form].filter((text) => /^([IVX]+\.|\d+(\.\d+)*[-.])\s/.test(text));
      for (let page = 1; page <= pages; page++) {
        const lines = poppler("pdftotext", "-raw", "-f", String(page), "-l", String(page), file, "-")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean);
        expect(headings, `page ${page} ends with a heading`).not.toContain(lines.at(-1));
      }

      expect(pdfText(file, { first: 1, last: 1 }).trim().startsWith("1 ")).toBe(false);
      expect(pdfText(file, { first: 2, last: 2 }).trim()).toMatch(/^2 /);
      if (pages >= 3) expect(pdfText(file, { first: 3, last: 3 }).trim()).toMatch(/^3 /);
    });
  }

  it("repeats the table header on every page a table runs over", async () => {
    const base = loadFixture("tt-02-2023-vpcp");
    const tasks = Array.from({ length: 36 }, (_, index) => ({
      code: `2.${index + 1}`,
      area: `Mảng công việc số ${index + 1}`,
      work: [`Công việc thứ nhất của mảng ${index + 1}.`, `Công việc thứ hai của mảng ${index + 1}.`],
      criteria: `Tiêu chí của mảng ${index + 1}.`,
    }));
    const rendered = renderBody({ ...base, tasks }, "tt-02-2023-vpcp");
    const { file } = await printPdf(
      wrapDocument(rendered, { kind: "url", baseUrl: FONT_BASE_URL }),
      "long.pdf",
    );
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", file))?.[1]);
    let tablePages = 0;
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, { first: page, last: page });
      if (!/Mảng công việc số \d+/.test(text)) continue;
      tablePages++;
      expect(text, `page ${page}`).toContain("Nhiệm vụ, mảng công việc");
      expect(text, `page ${page}`).toContain("Tiêu chí đánh giá hoàn thành công việc");
    }
    expect(tablePages).toBeGreaterThanOrEqual(3);
  });

  it("prints markup and special characters of the data as text, and fetches nothing", async () => {
    const { file, blocked } = await pdfOf("tt-02-2023-vpcp");
    const text = pdfText(file);
    expect(text).toContain('<img src="http://127.0.0.1:9/leak.png">');
    expect(text).toContain("<b>thẻ</b>");
    expect(text).toContain("Sở KH&CN về “chuyển đổi số” – giai đoạn 2025–2030");
    expect(blocked).toEqual([]);
  });

  it("carries the position's name as title and vi as language", async () => {
    const { file } = await pdfOf("tt-02-2023-vpcp");
    const title = /^Title:\s+(.*)$/m.exec(poppler("pdfinfo", file))?.[1];
    expect(title).toBe(loadFixture("tt-02-2023-vpcp").name);
    expect(readFileSync(file).toString("latin1")).toMatch(/\/Lang \(vi\)/);
  });
});

describe("the page sandbox", () => {
  let server: Server;
  let hits: string[];
  let connections: number;
  let base: string;

  beforeAll(async () => {
    hits = [];
    connections = 0;
    server = createServer((request, response) => {
      hits.push(request.url ?? "");
      response.end("x");
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses every request outside the document and its fonts, and runs no script", async () => {
    const body = [
      `<img src="${base}/image.png">`,
      `<link rel="stylesheet" href="${base}/style.css">`,
      `<iframe src="${base}/frame.html"></iframe>`,
      `<img src="file:///etc/hostname">`,
      '<p id="p">static text</p>',
      '<script>document.getElementById("p").textContent = "SCRIPT RAN";</script>',
    ].join("\n");
    const html = wrapDocument(
      { title: "sandbox", body, css: "", layout: "test" },
      { kind: "url", baseUrl: FONT_BASE_URL },
    ).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
    const { file, blocked } = await printPdf(html, "sandbox.pdf", true);
    const text = pdfText(file);
    expect(text).toContain("static text");
    expect(text).not.toContain("SCRIPT RAN");
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    expect(blocked).toEqual(expect.arrayContaining([`${base}/image.png`, `${base}/style.css`]));
  });
});

describe("reproducible output", () => {
  it("gives byte-identical PDFs for the same input with SOURCE_DATE_EPOCH", async () => {
    const rendered = renderBody(loadFixture("qd-302-2025-ubnd"), "qd-302-2025-ubnd");
    const html = wrapDocument(rendered, { kind: "url", baseUrl: FONT_BASE_URL });
    const first = await printPdf(html, "repro-1.pdf");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await printPdf(html, "repro-2.pdf");
    const a = readFileSync(first.file);
    const b = readFileSync(second.file);
    expect(a.equals(b)).toBe(true);
    expect(poppler("pdfinfo", first.file)).toMatch(/CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC/);
  });
});
