/**
 * Scaffolding end to end with the real pieces: the generated templates, the CLI commands run in-process,
 * the lint engine on what they write, ajv on the standalone schemas, readline on in-memory streams.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint/engine.js";
import { fromPointer } from "../src/lint/finding.js";
import { listForms } from "../src/model/forms.js";
import { packageRoot } from "../src/paths.js";
import { findBlanks, isBlank } from "../src/scaffold/blank.js";
import { listTemplates, readTemplate, resolveTemplate, searchTemplates } from "../src/scaffold/catalog.js";
import { createFromTemplate } from "../src/scaffold/create.js";
import { FileExistsError, slugify, writeFileSafely } from "../src/scaffold/files.js";
import { MANIFEST, sha256 } from "../src/scaffold/init.js";
import { IDENTIFICATION_FIELDS } from "../src/scaffold/new.js";
import { askInteractively } from "../src/scaffold/prompt.js";
import { runCli, tempDir } from "./helpers.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const templates = listTemplates();

/** Fills every blank and empty identification field the way an officer would, with plausible text. */
function fillBlanks(text: string): string {
  const lines = text.split("\n").map((line) => {
    const blank = /^(\s*(?:- )?(?:[\w]+: )?)"\(bổ sung: ([^)]*)\)"\s*$/.exec(line);
    if (blank) return `${blank[1]}"Nội dung đã điền cho ${blank[2]!.replace(/"/g, "")}"`;
    return line;
  });
  let filled = lines.join("\n");
  filled = filled.replace(/^code: null$/m, 'code: "VTVL-01"');
  filled = filled.replace(/^startDate: null$/m, "startDate: 2026-12-01");
  filled = filled.replace(/^workplace: null$/m, "workplace: Trụ sở cơ quan, số 1 đường Lê Lợi");
  return filled;
}

function exampleCount(): number {
  const families = ["tt-02-2023-vpcp", "qd-4135-btctw", "ninh-binh-xa-2026", "qd-302-2025-ubnd"];
  return families
    .map((family) => join(packageRoot, "examples", family))
    .filter((dir) => existsSync(dir))
    .reduce((sum, dir) => sum + readdirSync(dir).filter((name) => name.endsWith(".yaml")).length, 0);
}

describe("templates/positions", () => {
  it("has one template per description the source documents print", () => {
    expect(templates.length).toBe(exampleCount());
    expect(templates.length).toBe(12 + 34 + 6 + 10);
    expect(new Set(templates.map((entry) => entry.id)).size).toBe(templates.length);
    const perForm = (prefix: string) => templates.filter((entry) => entry.form.startsWith(prefix)).length;
    expect([perForm("tt-02"), perForm("qd-4135"), perForm("ninh-binh"), perForm("qd-302")]).toEqual([
      12, 34, 6, 10,
    ]);
  });

  for (const entry of templates) {
    it(`${entry.id}: lints without errors under ${entry.regime}, cites its source, marks its blanks`, () => {
      const text = readTemplate(entry);
      const result = lintText(`templates/positions/${entry.file}`, text);
      const errors = result.findings.filter((finding) => finding.severity === "error");
      expect(
        errors.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`),
      ).toEqual([]);
      const position = result.position as unknown as Record<string, unknown>;
      expect(position.form).toBe(entry.form);
      expect(position.name).toBe(entry.name);
      expect((position.regime as string | undefined) ?? result.form?.regime).toBe(entry.regime);
      const source = position.source as { instrument: string; note: string };
      expect(source.instrument.length).toBeGreaterThan(5);
      expect(source.note).toContain("examples/");
      // Each warning is about something the agency still has to fill.
      const blankPaths = new Set(findBlanks(position).map((site) => `/${site.path.join("/")}`));
      for (const field of IDENTIFICATION_FIELDS) if (position[field] === null) blankPaths.add(`/${field}`);
      const unrelated = result.findings.filter(
        (finding) =>
          finding.severity === "warning" && ![...blankPaths].some((path) => finding.path.startsWith(path)),
      );
      expect(
        unrelated.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`),
      ).toEqual([]);
      expect(
        text.startsWith(`# yaml-language-server: $schema=../../../schemas/${entry.form}.schema.json\n`),
      ).toBe(true);
      expect(
        existsSync(
          resolve(
            dirname(join(packageRoot, "templates/positions", entry.file)),
            `../../../schemas/${entry.form}.schema.json`,
          ),
        ),
      ).toBe(true);
      expect(text.normalize("NFC")).toBe(text);
    });
  }

  it("corrects the published defects the transcriptions keep", () => {
    const levelsOf = (id: string) => {
      const position = parse(readTemplate(templates.find((entry) => entry.id === id)!)) as {
        competencies: { groups: Array<{ group: string; items: Array<{ name: string; level: unknown }> }> };
      };
      return Object.fromEntries(
        position.competencies.groups.flatMap((group) => group.items.map((item) => [item.name, item.level])),
      );
    };
    // TT 02/2023 positions 8 and 11 print the chuyên viên cao cấp levels for a chuyên viên chính post.
    for (const id of ["vpcp-cvc-ve-kiem-soat-thu-tuc-hanh-chinh", "vpcp-cvc-ve-quan-ly-thong-tin-lanh-dao"]) {
      const levels = levelsOf(id);
      expect(levels["Đạo đức và bản lĩnh"]).toBe("4-5");
      expect(levels["Tổ chức thực hiện công việc"]).toBe("3-4");
      expect(levels["Tư duy chiến lược"]).toBe("2-3");
      expect(levels).toEqual(levelsOf("vpcp-cvc-tham-muu-tong-hop-ve-chuyen-nganh"));
    }
    // Position 6 is printed without its title and name.
    const untitled = parse(
      readTemplate(templates.find((entry) => entry.id === "vpcp-cv-ve-thu-ky-bien-tap")!),
    ) as Record<string, unknown>;
    expect(untitled.name).toBe("Chuyên viên về thư ký - biên tập");
    expect(untitled.title).toBe("BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC VỊ TRÍ VIỆC LÀM");
  });
});

describe("template search", () => {
  it("finds names with or without diacritics, the closest first", () => {
    const plain = searchTemplates("chuyen vien chinh").map((entry) => entry.name);
    const accented = searchTemplates("Chuyên viên chính").map((entry) => entry.name);
    expect(plain).toEqual(accented);
    expect(plain[0]).toMatch(/^Chuyên viên chính /);
    expect(plain.slice(0, 5).every((name) => name.startsWith("Chuyên viên chính"))).toBe(true);
  });

  it("keeps the words in order, so “chính” does not match “hành chính”", () => {
    const found = searchTemplates("chuyen vien chinh kiem soat").map((entry) => entry.id);
    expect(found).toEqual(["vpcp-cvc-ve-kiem-soat-thu-tuc-hanh-chinh"]);
    expect(resolveTemplate("chuyen vien chinh kiem soat")).toEqual({
      found: templates.find((entry) => entry.id === found[0]),
    });
  });

  it("resolves ids exactly and reports ambiguous text as candidates", () => {
    expect(resolveTemplate("btctw-lai-xe")).toMatchObject({ found: { name: "Lái xe" } });
    const ambiguous = resolveTemplate("pho truong");
    expect("candidates" in ambiguous && ambiguous.candidates.length).toBeGreaterThan(1);
    expect(searchTemplates("khong co vi tri nay")).toEqual([]);
  });
});

describe("vtvl new", () => {
  it("writes a file that lints with warnings only for its blanks, and is clean once they are filled", async () => {
    const dir = tempDir();
    const file = join(dir, "x.yaml");
    const made = await runCli(
      "new",
      "--template",
      "vc-302-cong-nghe-thong-tin-hang-iii",
      "--yes",
      "-o",
      file,
      "--code",
      "TTCNTT-SKHCN-NNCN08-CNTTIII",
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("vtvl lint");
    expect(made.stdout).toContain("vtvl render");
    const text = readFileSync(file, "utf8");
    const modeline = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
    expect(modeline).not.toBeNull();
    expect(existsSync(resolve(dir, modeline![1]!))).toBe(true);
    expect(text).toContain("code: TTCNTT-SKHCN-NNCN08-CNTTIII");

    const lint = await runCli("lint", "-f", "json", file);
    expect(lint.code, lint.stdout).toBe(0);
    const findings = (
      JSON.parse(lint.stdout) as Array<{
        messages?: unknown[];
        findings?: Array<{ severity: string; path: string; ruleId: string }>;
      }>
    ).flatMap(
      (result) =>
        (result.findings ?? result.messages ?? []) as Array<{
          severity: string;
          path: string;
          ruleId: string;
        }>,
    );
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
    const data = parse(text) as Record<string, unknown>;
    const blanks = findBlanks(data).map((site) => `/${site.path.join("/")}`);
    const warnings = findings.filter((finding) => finding.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    for (const finding of warnings)
      expect(
        [...blanks, ...IDENTIFICATION_FIELDS.map((field) => `/${field}`)].some((path) =>
          finding.path.startsWith(path),
        ),
        JSON.stringify(finding),
      ).toBe(true);

    writeFileSync(file, fillBlanks(text));
    const filled = lintText(file, readFileSync(file, "utf8"));
    expect(findBlanks(filled.position)).toEqual([]);
    expect(
      filled.findings
        .filter((finding) => finding.severity !== "info")
        .map((finding) => `${finding.ruleId} ${finding.path} ${finding.message}`),
    ).toEqual([]);
  });

  it("names the file after the position without diacritics and never overwrites it without --force", async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const first = await runCli(
        "new",
        "--template",
        "vpcp-cvcc-ve-thu-ky-bien-tap",
        "--yes",
        "--agency",
        "Văn phòng Chính phủ",
      );
      expect(first.code, first.stderr).toBe(0);
      const file = join(dir, "chuyen-vien-cao-cap-ve-thu-ky-bien-tap.yaml");
      const original = readFileSync(file, "utf8");
      expect(original).toContain("agency: Văn phòng Chính phủ");
      writeFileSync(file, `${original}# ghi chú của cán bộ\n`);
      const second = await runCli("new", "--template", "vpcp-cvcc-ve-thu-ky-bien-tap", "--yes");
      expect(second.code).toBe(2);
      expect(second.stderr).toContain("--force");
      expect(readFileSync(file, "utf8")).toContain("# ghi chú của cán bộ");
      const forced = await runCli("new", "--template", "vpcp-cvcc-ve-thu-ky-bien-tap", "--yes", "--force");
      expect(forced.code).toBe(0);
      expect(readFileSync(file, "utf8")).not.toContain("# ghi chú của cán bộ");
      expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("puts the file in a folder given with -o", async () => {
    const dir = tempDir();
    const made = await runCli(
      "new",
      "--template",
      "btctw-le-tan-phuc-vu",
      "--yes",
      "-o",
      `${join(dir, "positions")}/`,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(readdirSync(join(dir, "positions"))).toEqual(["le-tan-phuc-vu.yaml"]);
    const again = await runCli("new", "--template", "btctw-lai-xe", "--yes", "-o", join(dir, "positions"));
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(dir, "positions")).sort()).toEqual(["lai-xe.yaml", "le-tan-phuc-vu.yaml"]);
  });

  it("refuses unknown and ambiguous templates with exit 2 and says how to list them", async () => {
    const unknown = await runCli("new", "--template", "khong-co", "--yes", "-o", join(tempDir(), "a.yaml"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("vtvl new --list");
    const ambiguous = await runCli(
      "new",
      "--template",
      "pho chu tich",
      "--yes",
      "-o",
      join(tempDir(), "a.yaml"),
    );
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("btctw-pho-chu-tich-ldld-tinh-va-tuong-duong");
    const none = await runCli("new", "--yes");
    expect(none.code).toBe(2);
  });

  it("lists the templates as a table and as JSON", async () => {
    const table = await runCli("new", "--list");
    expect(table.code).toBe(0);
    for (const entry of templates) expect(table.stdout).toContain(entry.id);
    const json = await runCli("new", "--list", "--json");
    expect(JSON.parse(json.stdout)).toEqual(templates);
  });

  it("points at the published URL when asked, and prints to stdout with -o -", async () => {
    const online = await runCli("new", "--template", "btctw-thu-quy", "--yes", "-o", "-", "--schema", "url");
    expect(online.code).toBe(0);
    expect(online.stdout.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=https://vtvl.github.io/schemas/v1/qd-4135-btctw-b.schema.json",
    );
  });

  it("says so when the form has no agency header for --agency, and adds none", async () => {
    const file = join(tempDir(), "xa.yaml");
    const run = await runCli(
      "new",
      "--template",
      "xa-2026-pho-truong-phong",
      "--yes",
      "-o",
      file,
      "--agency",
      "UBND xã",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("bỏ qua --agency");
    expect((parse(readFileSync(file, "utf8")) as Record<string, unknown>).header).toBeUndefined();
    expect(templates.find((entry) => entry.id === "xa-2026-pho-truong-phong")!.header).toBe(false);
    expect(templates.find((entry) => entry.id === "vpcp-cv-ve-thu-ky-bien-tap")!.header).toBe(true);
  });

  it("keeps the template's comments and changes only the answered fields", () => {
    const entry = templates.find((candidate) => candidate.id === "xa-2026-pho-truong-phong")!;
    const template = readTemplate(entry);
    const text = createFromTemplate(
      entry,
      template,
      { code: "LDQL-04", startDate: "2026-07-01" },
      { schemaRef: "s.json", generator: "vtvl test" },
    );
    const changed = text.split("\n").filter((line) => !template.includes(line));
    expect(changed).toEqual(
      [
        "# yaml-language-server: $schema=s.json",
        `# Tạo bởi vtvl test từ mẫu "xa-2026-pho-truong-phong" (${entry.source}).`,
        "code: LDQL-04",
        "startDate: 2026-07-01",
        "effectiveDate: 2026-07-01",
      ].filter((line) => !template.includes(line)),
    );
    expect(text).toContain("# 5- Điều kiện làm việc");
  });
});

describe("vtvl new, interactively", () => {
  async function converse(lines: string[]) {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = "";
    output.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
    const pending = askInteractively({ input, output, terminal: false }, templates, { answers: {} }, "vi");
    for (const line of lines) input.write(`${line}\n`);
    input.end();
    return { result: await pending, screen };
  }

  it("finds “Chuyên viên chính …” from words typed without diacritics, then asks for the rest", async () => {
    const { result, screen } = await converse([
      "chuyen vien chinh tham muu",
      "Văn phòng UBND tỉnh",
      "Phòng Tổng hợp",
      "",
      "2026-12-01",
    ]);
    expect(result?.template.name).toBe("Chuyên viên chính tham mưu tổng hợp về chuyên ngành");
    expect(result?.answers).toEqual({
      agency: "Văn phòng UBND tỉnh",
      unit: "Phòng Tổng hợp",
      startDate: "2026-12-01",
    });
    expect(screen).toContain("Tìm mẫu");
    expect(screen).toContain("Mã vị trí việc làm");
  });

  it("lets the user pick by number among several, search again, and quit with end of input", async () => {
    const { result, screen } = await converse(["zzz", "pho chu tich", "2", "", "", "", ""]);
    expect(screen).toContain('Không có mẫu nào khớp "zzz"');
    expect(screen).toContain("1. Phó Chủ tịch");
    expect(result?.template.name).toMatch(/^Phó Chủ tịch/);
    const quit = await converse(["chuyen vien"]);
    expect(quit.result).toBeUndefined();
  });
});

describe("vtvl schema", () => {
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);

  it("prints one standalone schema per form that judges files as the linter does", async () => {
    for (const form of listForms()) {
      const run = await runCli("schema", "--form", form.id);
      expect(run.code).toBe(0);
      const schema = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(JSON.stringify(schema)).not.toContain('"position.schema.json"');
      const validate = ajv.compile(schema);
      for (const entry of templates.filter((candidate) => candidate.form === form.id)) {
        const data = parse(readTemplate(entry)) as Record<string, unknown>;
        expect(validate(data), `${entry.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        const wrong = structuredClone(data) as {
          competencies?: { groups: Array<{ items: Array<{ level: unknown }> }> };
        };
        if (wrong.competencies?.groups[0]?.items[0]) {
          wrong.competencies.groups[0].items[0].level = 6;
          expect(validate(wrong)).toBe(false);
        }
      }
    }
  });

  it("carries the Vietnamese titles where editors show them, unless --no-editor", async () => {
    const editor = JSON.parse((await runCli("schema")).stdout) as {
      properties: Record<string, { markdownDescription?: string }>;
    };
    expect(editor.properties.name!.markdownDescription).toContain("**Tên vị trí việc làm**");
    const plain = await runCli("schema", "--no-editor");
    expect(plain.stdout).not.toContain("markdownDescription");
  });

  it("writes with -o, refuses to overwrite, and suggests the form meant", async () => {
    const file = join(tempDir(), "tt02.schema.json");
    expect((await runCli("schema", "--form", "tt-02-2023-vpcp", "-o", file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).$id).toContain("tt-02-2023-vpcp");
    expect((await runCli("schema", "--form", "tt-02-2023-vpcp", "-o", file)).code).toBe(2);
    const typo = await runCli("schema", "--form", "tt-02-2023-vpc");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"tt-02-2023-vpcp"');
  });

  it("lists every form in schemas/catalog.json with a local path that exists", () => {
    const catalog = JSON.parse(readFileSync(join(packageRoot, "schemas/catalog.json"), "utf8")) as {
      schemas: Array<{ fileMatch: string[]; localPath: string; url: string }>;
    };
    for (const form of listForms()) {
      const entry = catalog.schemas.find((schema) => schema.localPath === `${form.id}.schema.json`);
      expect(entry?.fileMatch.length).toBeGreaterThan(0);
      expect(existsSync(join(packageRoot, "schemas", entry!.localPath))).toBe(true);
    }
  });
});

describe("vtvl init", () => {
  it("sets up a repository whose workflows are valid YAML and whose lint passes", async () => {
    const root = join(tempDir(), "kho");
    const run = await runCli("init", root, "--agency", "Sở Nội vụ");
    expect(run.code, run.stderr).toBe(0);
    for (const file of [
      ".vtvlrc.yaml",
      "README.md",
      ".gitignore",
      ".vscode/settings.json",
      ".vscode/extensions.json",
      MANIFEST,
    ])
      expect(existsSync(join(root, file)), file).toBe(true);
    const github = parse(readFileSync(join(root, ".github/workflows/vtvl.yml"), "utf8")) as {
      jobs: Record<string, { steps: Array<{ run?: string; uses?: string; if?: string }> }>;
    };
    const lintSteps = github.jobs.lint!.steps;
    expect(
      lintSteps.some(
        (step) => step.run?.includes("-f github") && step.run.includes("-f sarif -o vtvl.sarif"),
      ),
    ).toBe(true);
    const upload = lintSteps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload?.if).toContain("!cancelled()");
    expect(
      github.jobs.render!.steps.some((step) =>
        step.run?.includes("vtvl render positions/ --out out/ --format pdf,html"),
      ),
    ).toBe(true);
    expect(github.jobs.render!.steps.some((step) => step.uses?.startsWith("actions/upload-artifact"))).toBe(
      true,
    );
    const gitlab = parse(readFileSync(join(root, ".gitlab-ci.yml"), "utf8")) as Record<
      string,
      { script?: string[]; artifacts?: { reports?: Record<string, string> } }
    >;
    expect(gitlab["vtvl-lint"]!.artifacts!.reports).toEqual({
      junit: "vtvl-junit.xml",
      codequality: "gl-code-quality-report.json",
    });
    expect(gitlab["vtvl-lint"]!.script!.join("\n")).toContain(
      "-f junit -o vtvl-junit.xml -f gitlab -o gl-code-quality-report.json",
    );
    const settings = JSON.parse(readFileSync(join(root, ".vscode/settings.json"), "utf8")) as {
      "yaml.schemas": Record<string, string[]>;
    };
    for (const schema of Object.keys(settings["yaml.schemas"]))
      expect(existsSync(join(root, schema)), schema).toBe(true);
    expect(settings["yaml.schemas"]["./.vtvl/schemas/position.schema.json"]).toContain("positions/**/*.yaml");
    for (const form of listForms())
      expect(existsSync(join(root, ".vtvl/schemas", `${form.id}.schema.json`))).toBe(true);

    const positions = readdirSync(join(root, "positions"));
    expect(positions).toHaveLength(1);
    const sample = readFileSync(join(root, "positions", positions[0]!), "utf8");
    expect(sample).toContain("# yaml-language-server: $schema=../.vtvl/schemas/tt-02-2023-vpcp.schema.json");
    expect(sample).toContain("agency: Sở Nội vụ");
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const lint = await runCli("lint");
      expect(lint.code, lint.stdout + lint.stderr).toBe(0);
      // vtvl new inside the repository: into positions/, pointing at the repository's schema copies.
      expect((await runCli("new", "--template", "vc-302-ky-su", "--yes")).code).toBe(0);
      expect(readFileSync(join(root, "positions", "ky-su.yaml"), "utf8").split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../.vtvl/schemas/qd-302-2025-ubnd.schema.json",
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it("changes nothing the user edited when run again, says what it kept, and updates what nobody touched", async () => {
    const root = tempDir();
    expect((await runCli("init", root)).code).toBe(0);
    const config = join(root, ".vtvlrc.yaml");
    writeFileSync(config, `${readFileSync(config, "utf8")}# sửa của cơ quan\n`);
    const readme = join(root, "README.md");
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), "utf8")) as {
      files: Record<string, string>;
    };
    // A README written by an older vtvl that nobody edited since: brought up to date.
    writeFileSync(readme, "# bản cũ\n");
    manifest.files["README.md"] = sha256("# bản cũ\n");
    writeFileSync(join(root, MANIFEST), JSON.stringify(manifest));
    const sampleName = readdirSync(join(root, "positions"))[0]!;
    const before = readFileSync(join(root, "positions", sampleName), "utf8");

    const again = await runCli("init", root);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/giữ nguyên \(đã sửa tay\)\s+\.vtvlrc\.yaml/);
    expect(again.stdout).toMatch(/cập nhật\s+README\.md/);
    expect(again.stdout).toContain("--force");
    expect(again.stdout).toContain("không tạo bản mẫu");
    expect(readFileSync(config, "utf8")).toContain("# sửa của cơ quan");
    expect(readFileSync(readme, "utf8")).toContain("# Bản mô tả vị trí việc làm");
    expect(readdirSync(join(root, "positions"))).toEqual([sampleName]);
    expect(readFileSync(join(root, "positions", sampleName), "utf8")).toBe(before);

    const third = await runCli("init", root);
    expect(third.stdout).not.toMatch(/tạo mới|cập nhật/);
    const forced = await runCli("init", root, "--force");
    expect(forced.stdout).toMatch(/ghi đè\s+\.vtvlrc\.yaml/);
    expect(readFileSync(config, "utf8")).not.toContain("# sửa của cơ quan");
  });

  it("keeps files that were there before vtvl", async () => {
    const root = tempDir();
    writeFileSync(join(root, "README.md"), "# Kho của Sở\n");
    const run = await runCli("init", root, "--no-github", "--no-gitlab", "--no-sample");
    expect(run.code).toBe(0);
    expect(readFileSync(join(root, "README.md"), "utf8")).toBe("# Kho của Sở\n");
    expect(run.stdout).toMatch(/giữ nguyên \(đã có\)\s+README\.md/);
    expect(existsSync(join(root, ".github"))).toBe(false);
    expect(existsSync(join(root, ".gitlab-ci.yml"))).toBe(false);
    expect(existsSync(join(root, "positions"))).toBe(false);
  });
});

describe("safe writes", () => {
  it("never replaces an existing file unless asked, and leaves no temporary file behind", () => {
    const dir = tempDir();
    const path = join(dir, "a.yaml");
    writeFileSafely(path, "một\n");
    expect(() => writeFileSafely(path, "hai\n")).toThrow(FileExistsError);
    expect(readFileSync(path, "utf8")).toBe("một\n");
    writeFileSafely(path, "hai\n", { overwrite: true });
    expect(readFileSync(path, "utf8")).toBe("hai\n");
    expect(readdirSync(dir)).toEqual(["a.yaml"]);
  });

  it("names files from Vietnamese names without diacritics", () => {
    expect(slugify("Chuyên viên chính về kiểm soát thủ tục hành chính")).toBe(
      "chuyen-vien-chinh-ve-kiem-soat-thu-tuc-hanh-chinh",
    );
    expect(slugify("Đội trưởng Đội Quản lý thị trường số 1")).toBe("doi-truong-doi-quan-ly-thi-truong-so-1");
    expect(isBlank("(bổ sung: tên cơ quan)")).toBe(true);
    expect(isBlank("Văn phòng")).toBe(false);
    expect(fromPointer("/header/agency")).toEqual(["header", "agency"]);
  });
});
