import { chmodSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fsProblem } from "../src/cli/inputs.js";
import { packageRoot } from "../src/paths.js";
import { onlyRulesConfig } from "./fixtures/lint/only-rules.js";
import { runCli, runCliProcess, tempDir, writeTemp } from "./helpers.js";

/** A folder whose root config leaves only `keep` on, so these tests do not depend on the full rule set. */
function isolated(
  keep: readonly string[] = ["schema"],
  severities: Record<string, string> = {},
  topLevel = "",
): string {
  const dir = tempDir();
  writeFileSync(join(dir, ".vtvlrc.yaml"), onlyRulesConfig(keep, severities, topLevel));
  return dir;
}

const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");

describe("vtvl lint: exit codes", () => {
  it("exits 0 with no output for a clean file", async () => {
    const run = await runCli("lint", writeTemp("ok.yaml", valid, isolated()));
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
    const run = await runCli("lint", writeTemp("bom.yaml", `\uFEFF${valid}`, isolated()));
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

const nfdValid = valid.replace(
  "objective: Tham gia kiểm soát",
  `objective: ${"Tham gia kiểm soát".normalize("NFD")}`,
);
const misspelt = valid.replace("name: Chuyên viên về", "nmae: Chuyên viên về");

describe("vtvl lint: inputs", () => {
  it("expands globs, skipping files that are not YAML", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a/b"), { recursive: true });
    writeTemp("a/one.yaml", valid, dir);
    writeTemp("a/b/two.yml", misspelt, dir);
    writeTemp("a/b/notes.txt", "x", dir);
    const run = await runCli("lint", "-f", "json", `${dir}/**/*`);
    const files = (JSON.parse(run.stdout) as Array<{ file: string }>).map((result) =>
      relative(dir, result.file),
    );
    expect(files.sort()).toEqual(["a/b/two.yml", "a/one.yaml"]);
    expect(run.code).toBe(1);
    const none = await runCli("lint", `${dir}/**/*.json`);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("không khớp tệp .yaml");
  });

  it("keeps linting the other files when one path is missing, and exits 2", async () => {
    const file = writeTemp("ok.yaml", misspelt);
    const run = await runCli("lint", "/nonexistent/a.yaml", file);
    expect(run.stdout).toContain("nmae");
    expect(run.stderr).toContain("Không tìm thấy đường dẫn");
    expect(run.code).toBe(2);
  });

  it("reports files over --max-file-size without reading them", async () => {
    const file = writeTemp("big.yaml", `${valid}# ${"x".repeat(3000)}\n`, isolated());
    const run = await runCli("lint", "--max-file-size", "2KB", file);
    expect(run.stdout).toMatch(/1:1\s+lỗi\s+Tệp quá lớn/);
    expect(run.code).toBe(1);
    expect((await runCli("lint", "--max-file-size", "lots", file)).code).toBe(2);
    expect((await runCli("lint", "--max-file-size", "1MB", file)).code).toBe(0);
  });

  it("reads standard input with - and names it by --stdin-filepath (a real process)", () => {
    const dir = isolated(["schema"], { schema: "warning" });
    const child = runCliProcess(["lint", "--stdin-filepath", join(dir, "from-stdin.yaml"), "-"], {
      input: misspelt,
    });
    expect(child.stderr).toBe("");
    expect(child.stdout).toContain(join(dir, "from-stdin.yaml"));
    // The config next to --stdin-filepath applies: schema findings are warnings there.
    expect(child.stdout).toMatch(/4:1\s+cảnh báo\s+Khóa không hợp lệ `nmae`/);
    expect(child.code).toBe(0);
  });
});

describe("unreadable paths are named with the reason", () => {
  it("maps file system errors to messages (root reads everything, so EACCES cannot be staged here)", () => {
    const problem = (code: string) => fsProblem("a/b.yaml", Object.assign(new Error(code), { code }));
    expect(problem("EACCES")).toMatchObject({ kind: "unreadable", path: "a/b.yaml" });
    expect(problem("EACCES").message.vi).toContain("Không có quyền đọc");
    expect(problem("EPERM").message.en).toContain("Permission denied");
    expect(problem("ENOENT").kind).toBe("missing");
    expect(problem("EISDIR").message.vi).toContain("là một thư mục");
    expect(problem("EIO").message.en).toContain("EIO");
  });

  it("fixes the target of a symbolic link and keeps the link", async () => {
    const dir = isolated(["unicode-nfc"]);
    const target = writeTemp("target.yaml", nfdValid, dir);
    symlinkSync(target, join(dir, "link.yaml"));
    const run = await runCli("lint", "--fix", join(dir, "link.yaml"));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, "link.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe(nfdValid.normalize("NFC"));
  });
});

describe("vtvl lint: configuration", () => {
  it("finds .vtvlrc.yaml above the file and applies severities and ignores", async () => {
    const dir = isolated(["unicode-nfc"], { "unicode-nfc": "warning" }, "ignores: [drafts/]\n");
    mkdirSync(join(dir, "positions/drafts"), { recursive: true });
    writeTemp("positions/a.yaml", nfdValid, dir);
    writeTemp("positions/drafts/b.yaml", "not: [valid", dir);
    const run = await runCli("lint", "-f", "json", join(dir, "positions"));
    const results = JSON.parse(run.stdout) as Array<{ file: string; findings: Array<{ severity: string }> }>;
    expect(results.map((result) => relative(dir, result.file))).toEqual(["positions/a.yaml"]);
    expect(results[0]!.findings.map((finding) => finding.severity)).toEqual(["warning"]);
    expect(run.code).toBe(0);
    // Named on its own, an ignored file is still linted.
    expect((await runCli("lint", join(dir, "positions/drafts/b.yaml"))).code).toBe(1);
    const withConfig = await runCli(
      "lint",
      "--config",
      writeTemp("strict.yaml", "rules: {}\n"),
      join(dir, "positions/a.yaml"),
    );
    expect(withConfig.code).toBe(1);
  });

  it("exits 2 with file:line:col for an invalid config, before any report", async () => {
    const dir = tempDir();
    writeTemp(".vtvlrc.yaml", "rules:\n  unicode-nfc: warn\n", dir);
    const run = await runCli("lint", writeTemp("a.yaml", valid, dir));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${join(dir, ".vtvlrc.yaml")}:2:16:`);
    expect(run.stderr).toContain('"warning"');
    const english = await runCli("lint", "--lang", "en", join(dir, "a.yaml"));
    expect(english.stderr).toContain("Invalid severity");
  });
});

describe("vtvl lint: exit codes and filters", () => {
  it("--fail-severity, --max-warnings and --quiet", async () => {
    const warningOnly = writeTemp("bom.yaml", `\uFEFF${valid}`, isolated());
    expect((await runCli("lint", warningOnly)).code).toBe(0);
    expect((await runCli("lint", "--fail-severity", "warning", warningOnly)).code).toBe(1);
    expect((await runCli("lint", "--max-warnings", "0", warningOnly)).code).toBe(1);
    expect((await runCli("lint", "--max-warnings", "1", warningOnly)).code).toBe(0);
    const quiet = await runCli("lint", "--quiet", "--max-warnings", "0", warningOnly);
    expect(quiet).toMatchObject({ code: 0, stdout: "" });
  });
});

describe("vtvl lint: output formats", () => {
  it("writes several formats in one run: each -f takes the -o after it", async () => {
    const dir = tempDir();
    const file = writeTemp("bad.yaml", misspelt, dir);
    const sarif = join(dir, "out/lint.sarif");
    mkdirSync(join(dir, "out"));
    const run = await runCli(
      "lint",
      "-f",
      "sarif",
      "-o",
      sarif,
      "-f",
      "stylish",
      "-f",
      "junit",
      "-o",
      join(dir, "out/junit.xml"),
      file,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Khóa không hợp lệ `nmae`/);
    expect((JSON.parse(readFileSync(sarif, "utf8")) as { version: string }).version).toBe("2.1.0");
    expect(readFileSync(join(dir, "out/junit.xml"), "utf8")).toContain("<testsuites");
    const json = await runCli("lint", "-o", join(dir, "out/default.txt"), file);
    expect(json.stdout).toBe("");
    expect(readFileSync(join(dir, "out/default.txt"), "utf8")).toContain("nmae");
  });

  it("replaces its own earlier report in every format, but no other file without --force", async () => {
    const dir = tempDir();
    const file = writeTemp("bad.yaml", misspelt, dir);
    for (const format of ["stylish", "json", "sarif", "github", "junit", "gitlab"]) {
      const report = join(dir, `report.${format}`);
      expect((await runCli("lint", "-f", format, "-o", report, file)).code).toBe(1);
      const again = await runCli("lint", "-f", format, "-o", report, file);
      expect(again, format).toMatchObject({ code: 1, stderr: "" });
    }
    // A clean run's stylish report is empty, and an empty file loses nothing.
    const clean = writeTemp("ok.yaml", valid, isolated());
    const empty = join(dir, "empty.txt");
    expect((await runCli("lint", "-o", empty, clean)).code).toBe(0);
    expect(readFileSync(empty, "utf8")).toBe("");
    expect((await runCli("lint", "-f", "json", "-o", empty, clean)).code).toBe(0);

    const before = readFileSync(file, "utf8");
    const ontoInput = await runCli("lint", "-f", "json", "-o", file, file);
    expect(ontoInput.code).toBe(2);
    expect(ontoInput.stderr).toMatch(/Không ghi đè ".*bad\.yaml".*--force/);
    expect(readFileSync(file, "utf8")).toBe(before);
    const notes = writeTemp("notes.txt", "my notes\n", dir);
    expect((await runCli("lint", "-o", notes, file)).code).toBe(2);
    expect(readFileSync(notes, "utf8")).toBe("my notes\n");
    expect((await runCli("lint", "--force", "-o", notes, file)).code).toBe(1);
    expect(readFileSync(notes, "utf8")).toContain("nmae");
  });

  it("writes -o - to standard output; refuses a folder, a blank name and numbers it cannot read", async () => {
    const dir = tempDir();
    const file = writeTemp("bad.yaml", misspelt, dir);
    const dash = await runCli("lint", "-f", "json", "-o", "-", file);
    expect(JSON.parse(dash.stdout)).toHaveLength(1);
    for (const args of [
      ["-o", `${dir}/`],
      ["-o", dir],
      ["-o", ""],
      ["--max-warnings", ""],
      ["--max-warnings", "0x10"],
      ["--concurrency", "0x2"],
      ["--config", ""],
    ]) {
      const run = await runCli("lint", ...args, file);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^vtvl: (-o|--max-warnings|--concurrency|--config) /);
    }
  });

  it("says why a report could not be written, in the words of writing", async () => {
    const file = writeTemp("bad.yaml", misspelt);
    const full = await runCli("lint", "-o", "/dev/full", file);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('Không ghi được "/dev/full": hết chỗ trên đĩa (ENOSPC)');
    const parent = writeTemp("plain.txt", "x");
    const under = await runCli("lint", "--lang", "en", "-o", join(parent, "report.txt"), file);
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/Cannot write ".*plain\.txt\/report\.txt": .*part of the path is a file/);
  });

  it("rejects an unknown format and more -o than -f", async () => {
    const file = writeTemp("ok.yaml", valid);
    const unknown = await runCli("lint", "-f", "xml", file);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("stylish, json, sarif, github, junit, gitlab");
    expect((await runCli("lint", "-f", "json", "-o", "a.json", "-o", "b.json", file)).code).toBe(2);
  });

  it("uses GitHub annotations when GITHUB_ACTIONS=true and no -f is given", async () => {
    const file = writeTemp("bad.yaml", misspelt);
    vi.stubEnv("GITHUB_ACTIONS", "true");
    try {
      const run = await runCli("lint", file);
      expect(run.stdout).toMatch(
        /^::error file=.*bad\.yaml,line=4,col=1,endLine=4,endColumn=5,title=vtvl schema::/m,
      );
      const explicit = await runCli("lint", "-f", "stylish", file);
      expect(explicit.stdout).not.toContain("::error");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("vtvl rules", () => {
  it("lists every rule with severity, regimes, fixability and its docs page; --json for machines", async () => {
    const table = await runCli("rules");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /unused-suppression\s+cảnh báo\s+tất cả\s+✓\s+docs\/rules\/unused-suppression\.md/,
    );
    const json = await runCli("rules", "--json", "--lang", "en");
    const rules = JSON.parse(json.stdout) as Array<{
      id: string;
      severity: string;
      docsUrl: string;
      description: string;
    }>;
    for (const id of [
      "encoding",
      "parse-error",
      "form-unknown",
      "schema",
      "unused-suppression",
      "unicode-nfc",
    ])
      expect(rules.map((rule) => rule.id)).toContain(id);
    expect(rules.find((rule) => rule.id === "schema")).toMatchObject({
      severity: "error",
      docsUrl: expect.stringMatching(/docs\/rules\/schema\.md$/),
      description: expect.stringMatching(/JSON Schema/),
    });
  });

  it("has a docs page for every built-in rule", () => {
    for (const id of ["encoding", "parse-error", "form-unknown", "schema", "unused-suppression"]) {
      const page = readFileSync(`${packageRoot}docs/rules/${id}.md`, "utf8");
      expect(page).toContain(`# ${id}`);
    }
  });
});
