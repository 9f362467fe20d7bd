import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfigFile, MAX_CONFIG_BYTES } from "../src/config/load.js";
import { ConfigResolver } from "../src/config/resolve.js";
import { builtinRules } from "../src/lint/builtin.js";
import type { RuleMeta } from "../src/rules/types.js";
import { tempDir } from "./helpers.js";

const schemaMeta = builtinRules.schema!;
const nfcMeta: RuleMeta = { ...builtinRules.schema!, severity: "error" };

function project(files: Record<string, string>): string {
  const root = tempDir("vtvl-config-");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("config discovery", () => {
  it("merges .vtvlrc.yaml files from the root down, nearer files winning, stopping at root: true", () => {
    const root = project({
      ".vtvlrc.yaml": "rules:\n  schema: info\n  unicode-nfc: warning\n",
      "agency/.vtvlrc.yaml": "root: true\nrules:\n  schema: warning\n",
      "agency/unit/.vtvlrc.yml": "rules:\n  unicode-nfc: off\n",
      "other/.vtvlrc.yaml": "rules:\n  schema: off\n",
    });
    const resolver = new ConfigResolver({ cwd: root });
    const unit = resolver.settingsFor(join(root, "agency/unit/a.yaml"));
    expect(unit.severity("schema", schemaMeta)).toBe("warning");
    expect(unit.severity("unicode-nfc", nfcMeta)).toBe("off");
    expect(resolver.configFilesFor(join(root, "agency/unit/a.yaml"))).toEqual([
      join(root, "agency/.vtvlrc.yaml"),
      join(root, "agency/unit/.vtvlrc.yml"),
    ]);
    const top = resolver.settingsFor(join(root, "top.yaml"));
    expect(top.severity("schema", schemaMeta)).toBe("info");
    expect(top.severity("unicode-nfc", nfcMeta)).toBe("warning");
    expect(resolver.settingsFor(join(root, "other/x.yaml")).severity("schema", schemaMeta)).toBe("off");
    // Rules the configs do not mention keep their default severity.
    expect(top.severity("encoding", builtinRules.encoding!)).toBe("error");
  });

  it("uses only the --config file when given, its globs relative to the working directory", () => {
    const root = project({
      ".vtvlrc.yaml": "rules:\n  schema: off\n",
      "ci/vtvl.yaml":
        "rules:\n  schema: info\noverrides:\n  - files: positions/**\n    rules:\n      schema: warning\n",
    });
    const resolver = new ConfigResolver({ cwd: root, configFile: "ci/vtvl.yaml" });
    expect(resolver.settingsFor(join(root, "x.yaml")).severity("schema", schemaMeta)).toBe("info");
    expect(resolver.settingsFor(join(root, "positions/a/x.yaml")).severity("schema", schemaMeta)).toBe(
      "warning",
    );
    const noLookup = new ConfigResolver({ cwd: root, lookup: false });
    expect(noLookup.settingsFor(join(root, "x.yaml")).severity("schema", schemaMeta)).toBe("error");
  });

  it("applies overrides in order (later entries win), basename patterns anywhere, ! to exclude", () => {
    const root = project({
      ".vtvlrc.yaml": [
        "rules:",
        "  schema: error",
        "overrides:",
        "  - files: ['templates/**/*.yaml']",
        "    rules: { schema: warning }",
        "  - files: '*.draft.yaml'",
        "    rules: { schema: info }",
        "  - files: ['templates/**', '!templates/keep/**']",
        "    rules: { schema: off }",
        "",
      ].join("\n"),
    });
    const resolver = new ConfigResolver({ cwd: root });
    const severity = (path: string) => resolver.settingsFor(join(root, path)).severity("schema", schemaMeta);
    expect(severity("a.yaml")).toBe("error");
    expect(severity("deep/b.draft.yaml")).toBe("info");
    expect(severity("templates/x/c.yaml")).toBe("off");
    expect(severity("templates/keep/d.yaml")).toBe("warning");
  });

  it("passes rule options as opaque objects, replaced (not merged) by nearer settings", () => {
    const root = project({
      ".vtvlrc.yaml":
        "rules:\n  unicode-nfc:\n    severity: warning\n    options: { ranges: { chuyen-vien: [2, 3] }, note: a }\n",
      "unit/.vtvlrc.yaml": "rules:\n  unicode-nfc: error\n",
      "other/.vtvlrc.yaml": "rules:\n  unicode-nfc: { options: { note: b } }\n",
    });
    const resolver = new ConfigResolver({ cwd: root });
    const unit = resolver.settingsFor(join(root, "unit/a.yaml"));
    expect(unit.severity("unicode-nfc", nfcMeta)).toBe("error");
    expect(unit.options("unicode-nfc")).toEqual({ ranges: { "chuyen-vien": [2, 3] }, note: "a" });
    const other = resolver.settingsFor(join(root, "other/a.yaml"));
    expect(other.severity("unicode-nfc", nfcMeta)).toBe("warning");
    expect(other.options("unicode-nfc")).toEqual({ note: "b" });
    expect(other.options("schema")).toEqual({});
  });

  it("ignores files by glob relative to the config file", () => {
    const root = project({ "repo/.vtvlrc.yaml": "ignores: ['drafts/**', 'notes.yaml']\n" });
    const resolver = new ConfigResolver({ cwd: root });
    expect(resolver.isIgnored(join(root, "repo/drafts/a.yaml"))).toBe(true);
    expect(resolver.isIgnored(join(root, "repo/sub/notes.yaml"))).toBe(true);
    expect(resolver.isIgnored(join(root, "repo/positions/a.yaml"))).toBe(false);
    expect(resolver.isIgnored(join(root, "drafts/a.yaml"))).toBe(false);
  });
});

describe("invalid configuration names file:line:col and what to do", () => {
  const cases: Array<[string, string, number, number, RegExp]> = [
    ["unknown key", "root: true\nrule:\n  schema: off\n", 2, 1, /Khóa không hợp lệ `rule`.*`rules`/],
    ["misspelt severity", "rules:\n  schema: warn\n", 2, 11, /"warn" không hợp lệ.*"warning"/],
    ["unknown rule", "rules:\n  shema: off\n", 2, 3, /Không có quy tắc `shema`.*`schema`/],
    [
      "bad option shape",
      "rules:\n  schema:\n    severity: error\n    option: {}\n",
      4,
      5,
      /`option`.*`options`/,
    ],
    ["root not boolean", "root: yes\n", 1, 7, /`root` cần true hoặc false/],
    ["overrides without files", "overrides:\n  - rules: { schema: off }\n", 2, 5, /Thiếu `files`/],
    ["YAML syntax", "rules: [\n", 2, 1, /Lỗi cú pháp YAML/],
    ["duplicate key", "rules: {}\nrules: {}\n", 2, 1, /Khóa bị lặp/],
    ["fatal rules cannot be configured", "rules:\n  parse-error: off\n", 2, 3, /ignores/],
    [
      "rule id not in lowercase (named, at its key)",
      "rules:\n  whitespace: off\n  Whitespace: off\n",
      3,
      3,
      /Mã quy tắc "Whitespace" không hợp lệ/,
    ],
    [
      "a list instead of a mapping",
      "- rules\n",
      1,
      1,
      /Tệp cấu hình phải là một khối khóa: giá trị \(ví dụ `rules:`\)/,
    ],
    [
      "code-format pattern that is not a regular expression",
      'rules:\n  code-format:\n    options: { pattern: "[" }\n',
      3,
      25,
      /`options.pattern` không phải biểu thức chính quy hợp lệ/,
    ],
    [
      "placeholder-left pattern with nested repetition (could hang a run)",
      'rules:\n  placeholder-left:\n    options:\n      patterns: ["ok", "(a+)+$"]\n',
      4,
      24,
      /`options.patterns.1` có lặp lồng nhau/,
    ],
    [
      "competency-level-grade level out of 1-5",
      "rules:\n  competency-level-grade:\n    options:\n      ranges: { Chuyên viên chính: { groups: { chung: 7 } } }\n",
      4,
      55,
      /`options.ranges.Chuyên viên chính.groups.chung` phải là một cấp độ từ 1 đến 5/,
    ],
    [
      "competency-level-grade unknown group",
      "rules:\n  competency-level-grade:\n    options:\n      ranges: { '2': { groups: { chuyen_mon: '3-5' } } }\n",
      4,
      34,
      /có khóa không dùng được `chuyen_mon`; có phải ý bạn là `chuyen-mon`\?/,
    ],
    [
      "id-fields-filled fields as a string",
      "rules:\n  id-fields-filled: { options: { fields: code } }\n",
      2,
      42,
      /`options.fields` phải là một danh sách/,
    ],
    [
      "known-typo entry without its correction",
      "rules:\n  known-typo: { options: { typos: [{ wrong: teh }] } }\n",
      2,
      36,
      /`options.typos.0` thiếu khóa `right`/,
    ],
  ];
  for (const [name, text, line, column, pattern] of cases) {
    it(name, () => {
      const root = project({ ".vtvlrc.yaml": text });
      const error = configError(() => loadConfigFile(join(root, ".vtvlrc.yaml")));
      expect(error.file).toBe(join(root, ".vtvlrc.yaml"));
      expect(error.text.vi).toMatch(pattern);
      expect(error.text.en.length).toBeGreaterThan(10);
      expect([error.line, error.column]).toEqual([line, column]);
    });
  }

  it("accepts the options each rule documents", () => {
    const root = project({
      ".vtvlrc.yaml": [
        "rules:",
        "  code-format: { options: { pattern: '^DV-[0-9]{2}$', example: DV-01 } }",
        "  placeholder-left: { options: { patterns: ['\\[điền[^\\]]*\\]'] } }",
        "  known-typo: { options: { typos: [{ wrong: cán bô, right: cán bộ }] } }",
        "  id-fields-filled: { options: { fields: [code, workplace] } }",
        "  competency-level-grade:",
        "    options:",
        "      mode: within",
        "      ranges:",
        "        Chuyên viên chính:",
        "          groups: { chuyen-mon: '3-5', chung: 4 }",
        "          names: { Đạo đức và bản lĩnh: '4-5' }",
        "",
      ].join("\n"),
    });
    expect(loadConfigFile(join(root, ".vtvlrc.yaml")).rules.size).toBe(5);
  });

  it("refuses a configuration that is a device or far too large, without reading it all", () => {
    const device = configError(() => loadConfigFile("/dev/zero"));
    expect(device.text.en).toMatch(/not a configuration file/);
    const root = project({ ".vtvlrc.yaml": `# ${"x".repeat(MAX_CONFIG_BYTES)}\n` });
    const large = configError(() => loadConfigFile(join(root, ".vtvlrc.yaml")));
    expect(large.text.vi).toMatch(/quá lớn/);
  });

  it("an empty config file is a valid empty config", () => {
    const root = project({ ".vtvlrc.yaml": "# nothing yet\n" });
    expect(loadConfigFile(join(root, ".vtvlrc.yaml")).rules.size).toBe(0);
  });

  it("a broken config on the way up stops resolution for the files below it", () => {
    const root = project({ ".vtvlrc.yaml": "rules:\n  schema: sometimes\n" });
    const resolver = new ConfigResolver({ cwd: root });
    expect(() => resolver.settingsFor(join(root, "a/b.yaml"))).toThrow(ConfigError);
  });
});
