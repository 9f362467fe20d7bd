import { chmodSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { runCli, tempDir, writeTemp } from "./helpers.js";

const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");

describe("vtvl lint: exit codes", () => {
  it("exits 0 with no output for a clean file", async () => {
    const run = await runCli("lint", writeTemp("ok.yaml", valid));
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 1 and names file:line:col for a schema error", async () => {
    const file = writeTemp("bad.yaml", valid.replace("name: Chuyên viên về", "nmae: Chuyên viên về"));
    const run = await runCli("lint", file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(file);
    expect(run.stdout).toMatch(/4:1\s+lỗi\s+Khóa không hợp lệ `nmae`.*Có phải ý bạn là `name`/);
  });

  it("speaks English with --lang en", async () => {
    const file = writeTemp("bad.yaml", valid.replace("name: Chuyên viên về", "nmae: Chuyên viên về"));
    const run = await runCli("lint", "--lang", "en", file);
    expect(run.stdout).toContain("Did you mean `name`");
  });

  it("exits 2 for a missing path, an empty directory, a bad option", async () => {
    const missing = await runCli("lint", "/nonexistent/file.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Không tìm thấy đường dẫn");
    const empty = await runCli("lint", tempDir());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("không có tệp .yaml");
    const option = await runCli("lint", "--fail-severity", "fatal", writeTemp("ok.yaml", valid));
    expect(option.code).toBe(2);
  });

  it("lints a directory recursively and keeps going past a broken file", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    writeTemp("a.yaml", valid, dir);
    writeTemp("sub/b.yml", "form: [unclosed", dir);
    writeTemp("notes.txt", "not yaml", dir);
    const run = await runCli("lint", "--format", "json", dir);
    const results = JSON.parse(run.stdout) as Array<{ file: string; fatal: boolean }>;
    expect(results.map((result) => [result.file.slice(dir.length + 1), result.fatal])).toEqual([
      ["a.yaml", false],
      ["sub/b.yml", true],
    ]);
    expect(run.code).toBe(1);
  });
});

describe("vtvl lint: bad input gets a clear message, never a stack trace", () => {
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ["syntax.yaml", "form: tt-02-2023-vpcp\nname: [a, b\n", /Lỗi cú pháp YAML/],
    ["dup.yaml", "form: tt-02-2023-vpcp\nname: a\nname: b\n", /3:1\s+lỗi\s+Khóa bị lặp/],
    ["binary.yaml", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]), /Tệp nhị phân/],
    ["utf16.yaml", new Uint8Array([0xff, 0xfe, 0x66, 0x00, 0x6f, 0x00]), /UTF-16/],
    [
      "cp1258.yaml",
      new Uint8Array([...Buffer.from("name: Chuy"), 0xea, 0x6e, 0x0a]),
      /1:11\s+lỗi\s+Tệp không phải UTF-8/,
    ],
    [
      "bomb.yaml",
      `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ).join("\n")}\n`,
      /alias/,
    ],
    ["deep.yaml", `a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, /lồng nhau/],
    ["empty.yaml", "", /Tệp rỗng/],
    ["list.yaml", "- a\n- b\n", /khối khóa: giá trị/],
  ];
  for (const [name, content, pattern] of cases) {
    it(name, async () => {
      const run = await runCli("lint", writeTemp(name, content));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(pattern);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    });
  }

  it("warns about a UTF-8 byte order mark and still lints the file", async () => {
    const run = await runCli("lint", writeTemp("bom.yaml", `\uFEFF${valid}`));
    expect(run.stdout).toMatch(/1:1\s+cảnh báo\s+Tệp bắt đầu bằng dấu BOM/);
    expect(run.code).toBe(0);
  });

  // root reads every file, so the check only means something for an ordinary user.
  it.skipIf(process.getuid?.() === 0)("reports a file it may not read", async () => {
    const file = writeTemp("secret.yaml", valid);
    chmodSync(file, 0o000);
    const run = await runCli("lint", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("EACCES");
  });
});
