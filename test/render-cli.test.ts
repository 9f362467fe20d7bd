/** `vtvl render` end to end through the CLI: outputs, exit codes, messages. HTML except one PDF run. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { runCli, tempDir } from "./helpers.js";

const fixtures = join(packageRoot, "test/fixtures/render");

function tree(): string {
  const dir = tempDir("vtvl-render-cli-");
  mkdirSync(join(dir, "in/sub"), { recursive: true });
  copyFileSync(join(fixtures, "tt-02-2023-vpcp.yaml"), join(dir, "in/a.yaml"));
  copyFileSync(join(fixtures, "hung-yen-pl1-1-2022.yaml"), join(dir, "in/sub/b.yaml"));
  return dir;
}

describe("vtvl render", () => {
  it("mirrors the input tree under --out, in HTML without any browser", async () => {
    const dir = tree();
    const run = await runCli(
      "render",
      join(dir, "in"),
      "--out",
      join(dir, "out"),
      "--format",
      "html",
      "--browser-path",
      "/nonexistent/chrome",
    );
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "out/sub/b.html"), "utf8");
    expect(html).toContain("BẢN MÔ TẢ VỊ TRÍ VIỆC LÀM");
    expect(html).toContain('<html lang="vi">');
    expect(existsSync(join(dir, "out/a.html"))).toBe(true);
    expect(run.stderr).toContain("Đã in 2/2 tệp");
  });

  it("reports a broken file with file:line:col, renders the rest, and exits 1", async () => {
    const dir = tree();
    writeFileSync(join(dir, "in/broken.yaml"), "form: tt-02-2023-vpcp\nname: [unclosed\n");
    const run = await runCli("render", join(dir, "in"), "--out", join(dir, "out"), "--format", "html");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(existsSync(join(dir, "out/a.html"))).toBe(true);
    expect(run.stderr).toContain("Đã in 2/3 tệp");
  });

  it("warns about schema problems but still renders", async () => {
    const dir = tree();
    const text = readFileSync(join(dir, "in/a.yaml"), "utf8").replace(/^title: .*\n/m, "");
    writeFileSync(join(dir, "in/a.yaml"), text);
    const run = await runCli("render", join(dir, "in/a.yaml"), "-o", join(dir, "a.html"));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/a\.yaml:\d+:\d+ .*title/);
    expect(readFileSync(join(dir, "a.html"), "utf8")).toContain("BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC");
  });

  it("never overwrites a file it did not write, unless --force", async () => {
    const dir = tree();
    const target = join(dir, "mine.html");
    writeFileSync(target, "<p>my own notes</p>");
    const refused = await runCli("render", join(dir, "in/a.yaml"), "-o", target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(target, "utf8")).toBe("<p>my own notes</p>");
    expect((await runCli("render", join(dir, "in/a.yaml"), "-o", target, "--force")).code).toBe(0);
    expect((await runCli("render", join(dir, "in/a.yaml"), "-o", target)).code).toBe(0);
  });

  it("draws a file in another layout when the data allows, and names what is missing otherwise", async () => {
    const dir = tree();
    const ok = await runCli(
      "render",
      join(dir, "in/a.yaml"),
      "--layout",
      "qd-302-2025-ubnd",
      "-o",
      join(dir, "x.html"),
    );
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, "x.html"), "utf8")).toContain(
      "Các công việc, định mức và tiêu chí đánh giá",
    );
    const missing = await runCli(
      "render",
      join(dir, "in/a.yaml"),
      "--layout",
      "ninh-binh-xa-2026",
      "-o",
      join(dir, "y.html"),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("workingConditions");
    const unknown = await runCli(
      "render",
      join(dir, "in/a.yaml"),
      "--layout",
      "nope",
      "-o",
      join(dir, "z.html"),
    );
    expect(unknown.code).toBe(2);
  });

  it("takes a template dropped next to the YAML", async () => {
    const dir = tree();
    writeFileSync(
      join(dir, "in/approval.hbs"),
      '<p class="custom">Người lập biểu: {{identification.name}}</p>',
    );
    const run = await runCli("render", join(dir, "in/a.yaml"), "-o", join(dir, "a.html"));
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "a.html"), "utf8");
    expect(html).toContain('<p class="custom">Người lập biểu: Chuyên viên chính');
    expect(html).not.toContain("Phê duyệt của lãnh đạo");
  });

  it("renders the catalogue of a folder", async () => {
    const dir = tree();
    const run = await runCli("render", "--catalog", join(dir, "in"), "-o", join(dir, "catalog.html"));
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "catalog.html"), "utf8");
    expect(html).toContain("DANH MỤC VỊ TRÍ VIỆC LÀM");
    expect(html).toContain("Trưởng ban Tổ chức Đảng");
    expect(html).toContain("Cấp trung ương");
  });

  it("exits 2 with a clear message when the browser for a PDF is not there", async () => {
    const dir = tree();
    const run = await runCli(
      "render",
      join(dir, "in/a.yaml"),
      "-o",
      join(dir, "a.pdf"),
      "--browser-path",
      "/nonexistent/chrome",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("/nonexistent/chrome");
    expect(existsSync(join(dir, "a.pdf"))).toBe(false);
  });

  it("prints a PDF that vtvl recognises as its own", async () => {
    const dir = tree();
    const target = join(dir, "a.pdf");
    const run = await runCli("render", join(dir, "in/a.yaml"), "-o", target, "--format", "pdf,html");
    expect(run.code).toBe(0);
    const pdf = readFileSync(target).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).toMatch(/\/Creator \(vtvl\/\d+\.\d+\.\d+\)/);
    expect(existsSync(join(dir, "a.html"))).toBe(true);
  });
});
