/**
 * Bad input at the engine level: every kind of file a user can hand vtvl by mistake gets a finding with
 * a location and a message that says what to do; and, by property, no input makes the engine throw.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { INTERNAL_ERROR_MARK, lintBytes, lintText } from "../src/lint/engine.js";
import { lintSources } from "../src/lint/run.js";
import { decodeSource, guessLegacyEncoding, isDecodeProblem } from "../src/load/decode.js";
import { packageRoot } from "../src/paths.js";
import { runCli, writeTemp } from "./helpers.js";
import { valuePaths, whatYamlCanHold, withValueAt } from "./wrong-shapes.js";

const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)),
  );

describe("encodings", () => {
  it("names the legacy Vietnamese encoding the bytes look like", () => {
    // "Chuyên viên chính" in each encoding.
    const tcvn3 = bytes("name: Chuy", [0xaa], "n vi", [0xaa], "n ch", [0xdd], "nh\n");
    const vni = bytes(
      "name: Chuye",
      [0xe2],
      "n vie",
      [0xe2],
      "n ch",
      [0xf8],
      "nh ",
      [0xf1],
      "o",
      [0xef],
      "c\n",
    );
    const cp1258 = bytes(
      "name: Chuy",
      [0xea],
      "n vi",
      [0xea],
      "n chi",
      [0xec],
      "nh ",
      [0xf0],
      "i",
      [0xea, 0xcc],
      "u\n",
    );
    expect(guessLegacyEncoding(tcvn3)).toBe("TCVN3");
    expect(guessLegacyEncoding(vni)).toBe("VNI");
    expect(guessLegacyEncoding(cp1258)).toBe("Windows-1258");
    for (const [input, name] of [
      [tcvn3, "TCVN3"],
      [vni, "VNI-Windows"],
      [cp1258, "Windows-1258"],
    ] as const) {
      const problem = decodeSource(input);
      expect(isDecodeProblem(problem) && problem.message.vi).toContain(name);
    }
  });

  it("points at the first byte that is not UTF-8", () => {
    const problem = decodeSource(bytes("form: x\nname: Chuy", [0xaa], "n\n"));
    expect(isDecodeProblem(problem) && [problem.kind, problem.line, problem.column]).toEqual([
      "not-utf8",
      2,
      11,
    ]);
  });

  it("tells UTF-16 with and without a BOM, binary files, and strips a UTF-8 BOM", () => {
    const utf16le = new Uint8Array(Buffer.from("form: x\n", "utf16le"));
    const kind = (input: Uint8Array) => {
      const decoded = decodeSource(input);
      return isDecodeProblem(decoded) ? decoded.kind : "text";
    };
    expect(kind(new Uint8Array([0xff, 0xfe, ...utf16le]))).toBe("utf16");
    expect(kind(new Uint8Array([0xfe, 0xff, 0x00, 0x66]))).toBe("utf16");
    expect(kind(utf16le)).toBe("utf16");
    expect(kind(bytes("%PDF-1.7\n", [0, 1, 2, 3], "stream"))).toBe("binary");
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], "form: x\n"))).toEqual({ text: "form: x\n", hadBom: true });
  });

  it("stops at the size limit", () => {
    const result = lintBytes("big.yaml", new Uint8Array(2048).fill(0x61), { maxFileBytes: 1024 });
    expect(result.fatal).toBe(true);
    expect(result.findings[0]).toMatchObject({ ruleId: "encoding", line: 1, column: 1 });
    expect(result.findings[0]!.message).toContain("--max-file-size");
  });
});

describe("YAML problems", () => {
  const cases: Array<[string, string, number, number, RegExp]> = [
    ["unclosed flow", "form: tt-02-2023-vpcp\nname: [a, b\n", 3, 1, /thiếu dấu đóng ngoặc/],
    ["two documents", "# đầu tệp\n---\nform: a\n---\nform: b\n", 4, 1, /nhiều tài liệu YAML/],
    ["tab indentation", "form: a\ntasks:\n\t- x\n", 3, 1, /Tab/],
    ["duplicate key", "form: a\nname: x\nname: y\n", 3, 1, /Khóa bị lặp/],
    ["a list", "- a\n", 1, 1, /khối khóa: giá trị/],
    ["a scalar", "just text\n", 1, 1, /khối khóa: giá trị/],
    ["empty", "\n\n", 1, 1, /Tệp rỗng/],
    ["deep nesting", `a: ${"[".repeat(70)}${"]".repeat(70)}\n`, 1, 1, /lồng nhau quá 64 cấp/],
    [
      "deeper nesting, stopped by the parser",
      `a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
      1,
      103,
      /lồng nhau quá sâu/,
    ],
  ];
  for (const [name, text, line, column, pattern] of cases) {
    it(name, () => {
      const result = lintText(`${name}.yaml`, text);
      expect(result.fatal).toBe(true);
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ ruleId: "parse-error", severity: "error", line, column });
      expect(result.findings[0]!.message).toMatch(pattern);
      expect(lintText(`${name}.yaml`, text, { lang: "en" }).findings[0]!.message).toMatch(
        /^[\x20-\x7e\n"“”–—…→]*$/u,
      );
    });
  }

  it("refuses an alias bomb before expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const started = performance.now();
    const result = lintText("bomb.yaml", `${levels.join("\n")}\n`);
    expect(result.findings[0]!.message).toMatch(/alias/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("block scalars and Windows line ends", () => {
  // The position scanner looped forever on a "|" or ">" scalar with an empty line in or after it, and on a blank
  // line inside a plain scalar of a CRLF file: any finding in such a file hung the run.
  it("places findings in files with paragraphs, with LF and with CRLF line ends", () => {
    const withParagraphs = valid.replace(
      /^objective: .*$/m,
      "objective: |\n  Tham gia kiểm soát thủ tục hành chính.\n\n  Theo theo dõi việc thực hiện.\n",
    );
    for (const text of [withParagraphs, withParagraphs.replace(/\n/g, "\r\n")]) {
      const result = lintText("x.yaml", text);
      const doubled = result.findings.find((finding) => finding.ruleId === "doubled-word");
      expect(doubled?.line, JSON.stringify(result.findings.map((f) => f.ruleId))).toBe(
        text.split(/\r?\n/).findIndex((line) => line.includes("Theo theo")) + 1,
      );
    }
  });
});

describe("long runs of one character", () => {
  // Not a timing: a run of dots this long took minutes before placeholder-left read it in one pass; the
  // special spaces make one fix of 50,000 edits, applied and proved.
  it("are linted, with their findings and fixes, like any other text", () => {
    const withObjective = (objective: string) =>
      valid.replace(/^objective: .*$/m, `objective: ${JSON.stringify(objective)}`);
    const run = 50_000;
    const nbsp = lintText("x.yaml", withObjective(`a${"\u00a0".repeat(run)}b`));
    const irregular = nbsp.findings.find((finding) => finding.ruleId === "whitespace");
    expect(irregular?.fix?.edits).toHaveLength(run);
    const spaces = lintText("x.yaml", withObjective(`a${" ".repeat(run)}b `));
    expect(spaces.findings.some((finding) => finding.ruleId === "whitespace")).toBe(true);
    const dots = lintText("x.yaml", withObjective(`x${".".repeat(run)}y`));
    expect(dots.findings.some((finding) => finding.ruleId === "placeholder-left")).toBe(true);
  });
});

describe("property: any input gives findings or a clean result, never an exception", () => {
  const noCrash = (results: ReturnType<typeof lintSources>["results"]) => {
    for (const result of results) {
      expect(Array.isArray(result.findings)).toBe(true);
      for (const finding of result.findings) {
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.column).toBeGreaterThanOrEqual(1);
        expect(finding.message.includes(INTERNAL_ERROR_MARK), finding.message).toBe(false);
      }
    }
  };

  it("arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (input) => {
        noCrash(lintSources([{ file: "x.yaml", bytes: input }], { fix: true }).results);
      }),
      { numRuns: 150 },
    );
  });

  it("arbitrary text, and YAML-like text built from the pieces of a description", () => {
    const lines = valid.split("\n");
    const yamlish = fc
      .array(
        fc.oneof(
          fc.constantFrom(...lines),
          fc.constantFrom(
            "- ",
            "  ",
            ": ",
            "# vtvl-disable-next-line unicode-nfc",
            "# vtvl-enable",
            "&a ",
            "*a",
            "[",
            "]",
            "{",
            "}",
            '"',
            "'",
            "|",
            ">",
            "---",
            "\t",
            "\u0301",
            "\uFEFF",
          ),
          fc.string({ maxLength: 12 }),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(fc.sample(fc.constantFrom("\n", "", " "), 1)[0]));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.fullUnicodeString({ maxLength: 200 }), yamlish),
        (text) => {
          noCrash(
            lintSources([{ file: "x.yaml", bytes: new TextEncoder().encode(text) }], { fix: true }).results,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a description of each form with any one value replaced by whatever YAML can hold", () => {
    const files = [
      "test/fixtures/valid/tt-02-2023-minimal.yaml",
      ...[
        "hung-yen-pl1-1-2022",
        "ninh-binh-xa-2026",
        "qd-302-2025-ubnd",
        "qd-4135-btctw",
        "tt-02-2023-vpcp",
      ].map((folder) => `examples/${folder}/${readdirSync(`${packageRoot}examples/${folder}`).sort()[0]}`),
      "test/fixtures/render/nd-232-2026.yaml",
    ];
    const places = files.flatMap((file) => {
      const data: unknown = parse(readFileSync(`${packageRoot}${file}`, "utf8"));
      return valuePaths(data).map((path) => ({ data, path }));
    });
    fc.assert(
      fc.property(fc.constantFrom(...places), whatYamlCanHold, ({ data, path }, junk) => {
        const text = stringify(withValueAt(data, path, junk));
        noCrash(
          lintSources([{ file: "x.yaml", bytes: new TextEncoder().encode(text) }], { fix: true }).results,
        );
      }),
      { numRuns: Number(process.env.VTVL_PROPERTY_RUNS ?? 150) },
    );
  });

  it("the valid description with one line dropped, duplicated or shuffled with another", () => {
    const lines = valid.split("\n");
    fc.assert(
      fc.property(
        fc.nat(lines.length - 1),
        fc.nat(lines.length - 1),
        fc.constantFrom("drop", "duplicate", "swap", "nfd"),
        (a, b, how) => {
          const copy = [...lines];
          if (how === "drop") copy.splice(a, 1);
          if (how === "duplicate") copy.splice(a, 0, copy[b]!);
          if (how === "swap") [copy[a], copy[b]] = [copy[b]!, copy[a]!];
          if (how === "nfd") copy[a] = copy[a]!.normalize("NFD");
          noCrash(
            lintSources([{ file: "x.yaml", bytes: new TextEncoder().encode(copy.join("\n")) }], { fix: true })
              .results,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("through the command line: exit code 0 or 1 and JSON output for any bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (input) => {
        const run = await runCli("lint", "-f", "json", writeTemp("x.yaml", input));
        expect([0, 1]).toContain(run.code);
        expect(run.stderr).toBe("");
        expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
