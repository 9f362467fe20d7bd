import { readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { applyPatch } from "diff";
import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint/engine.js";
import { applyFixes } from "../src/lint/fix.js";
import type { Finding } from "../src/lint/finding.js";
import { chooseFixes, lintSources } from "../src/lint/run.js";
import { packageRoot } from "../src/paths.js";
import { onlyRules, onlyRulesConfig } from "./fixtures/lint/only-rules.js";
import { runCli, tempDir, writeTemp } from "./helpers.js";

const settingsFor = () => onlyRules("unicode-nfc", "unused-suppression", "schema");

const valid = readFileSync(`${packageRoot}test/fixtures/valid/tt-02-2023-minimal.yaml`, "utf8");
const nfd = (text: string) => text.normalize("NFD");
const broken = valid
  .replace("objective: Tham gia kiểm soát", `objective: ${nfd("Tham gia kiểm soát")} # ghi chú giữ nguyên`)
  .replace("text: Được chủ động", `text: ${nfd("Được chủ động")}`);

function finding(edits: Array<{ start: number; end: number; text: string }>): Finding {
  return {
    ruleId: "x",
    severity: "error",
    message: "",
    file: "f",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: "",
    fix: { description: "", edits },
  };
}

describe("applyFixes", () => {
  it("applies non-overlapping fixes, all edits of a fix or none, and skips the rest for the next pass", () => {
    const text = "abcdefghij";
    const { text: fixed, applied } = applyFixes(text, [
      finding([{ start: 8, end: 10, text: "IJ" }]),
      finding([
        { start: 0, end: 1, text: "A" },
        { start: 4, end: 5, text: "E" },
      ]),
      finding([{ start: 4, end: 6, text: "??" }]),
      finding([{ start: 20, end: 30, text: "out of range" }]),
      finding([{ start: 2, end: 3, text: "c" }]),
    ]);
    expect(fixed).toBe("AbcdEfghIJ");
    expect(applied).toBe(2);
  });
});

describe("--fix loop", () => {
  it("fixes until stable, keeps comments and formatting, and lints the fixed text", () => {
    const run = lintSources([{ file: "a.yaml", bytes: new TextEncoder().encode(broken) }], {
      fix: true,
      settingsFor,
    });
    expect(run.fixes).toHaveLength(1);
    expect(run.fixes[0]!.fixed).toBe(broken.normalize("NFC"));
    expect(run.fixes[0]!.fixed).toContain("# ghi chú giữ nguyên");
    expect(run.results[0]!.findings).toEqual([]);
    expect(run.passes).toBe(1);
  });

  it("removes an unused suppression as a fix, leaving the lines around it", () => {
    const text = valid
      .replace("objective:", "# vtvl-disable-next-line unicode-nfc\nobjective:")
      .replace("code: VP-KSTTHC-03", "code: VP-KSTTHC-03 # vtvl-disable-line schema");
    const run = lintSources([{ file: "a.yaml", bytes: new TextEncoder().encode(text) }], {
      fix: true,
      settingsFor,
    });
    expect(run.fixes[0]!.fixed).toBe(valid);
  });
});

describe("vtvl lint --fix / --fix-dry-run", () => {
  it("--fix rewrites only files with fixes, keeps the BOM and the mode, and exits by what remains", async () => {
    const dir = tempDir();
    writeTemp(".vtvlrc.yaml", onlyRulesConfig(["unicode-nfc", "schema"]), dir);
    const fixable = writeTemp("fixable.yaml", `\uFEFF${broken}`, dir);
    const clean = writeTemp("clean.yaml", valid, dir);
    chmodSync(fixable, 0o640);
    const cleanBefore = statSync(clean).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const run = await runCli("lint", "--fix", dir);
    const fixedBytes = readFileSync(fixable);
    expect([...fixedBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fixedBytes.toString("utf8").slice(1)).toBe(broken.normalize("NFC"));
    expect(statSync(fixable).mode & 0o777).toBe(0o640);
    expect(statSync(clean).mtimeMs).toBe(cleanBefore);
    // Only the BOM warning remains.
    expect(run.stdout).toMatch(/cảnh báo\s+Tệp bắt đầu bằng dấu BOM/);
    expect(run.stdout).not.toContain("unicode-nfc");
    expect(run.code).toBe(0);
  });

  it("--fix-dry-run prints a diff that applies to the original, and writes nothing", async () => {
    const dir = tempDir();
    writeTemp(".vtvlrc.yaml", onlyRulesConfig(["unicode-nfc", "schema"]), dir);
    const file = writeTemp("a.yaml", broken, dir);
    const run = await runCli("lint", "--fix-dry-run", file);
    expect(readFileSync(file, "utf8")).toBe(broken);
    expect(run.stdout).toMatch(/^--- a\//);
    expect(run.stdout).toContain("+++ b/");
    const patched = applyPatch(broken, run.stdout);
    expect(patched).toBe(broken.normalize("NFC"));
    // The report of what would remain goes to stderr, keeping stdout a clean patch.
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const nothing = await runCli("lint", "--fix-dry-run", writeTemp("ok.yaml", valid, dir));
    expect(nothing.stdout).toBe("");
  });

  it("refuses --fix on standard input and --fix with --fix-dry-run", async () => {
    expect((await runCli("lint", "--fix", "-")).code).toBe(2);
    const file = join(tempDir(), "a.yaml");
    writeFileSync(file, valid);
    const both = await runCli("lint", "--fix", "--fix-dry-run", file);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--fix-dry-run");
  });
});

// ---------------------------------------------------------------------------------------------------------
// --fix must never change the data beyond what its fixes say. The checks below are written here on purpose,
// apart from src/lint/verify.ts: a special space may become a plain space (an invisible one may go), text may be
// put in NFC, spaces and tabs may be collapsed and trimmed at the ends of a text, never a line break; nothing
// else, keys included, and no scalar may change its type.

const load = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });

function plain(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .replace(/[\u200b\u2060\ufeff]/g, "")
    .normalize("NFC")
    .replace(/[ \t]+/g, " ")
    .replace(/^[ \t]+|[ \t]+$/g, "");
}

/** Where `after` differs from `before` other than by the whitespace and NFC fixes; undefined if nowhere. */
function unintended(before: unknown, after: unknown, at = ""): string | undefined {
  if (typeof before === "string")
    return typeof after === "string" && plain(after) === plain(before)
      ? undefined
      : `${at}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return `${at}: list changed`;
    for (let i = 0; i < before.length; i++) {
      const found = unintended(before[i], after[i], `${at}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (before !== null && typeof before === "object") {
    if (after === null || typeof after !== "object" || Array.isArray(after)) return `${at}: mapping changed`;
    const beforeKeys = Object.keys(before);
    const afterKeys = Object.keys(after);
    // Keys paired by their plain form; keys that share one cannot be told apart and must stay as they were.
    const byPlain = new Map(afterKeys.map((key) => [plain(key), key]));
    const distinct =
      byPlain.size === afterKeys.length && new Set(beforeKeys.map(plain)).size === beforeKeys.length;
    const partner = (key: string) =>
      distinct ? byPlain.get(plain(key)) : afterKeys.includes(key) ? key : undefined;
    if (afterKeys.length !== beforeKeys.length)
      return `${at}: keys ${JSON.stringify(beforeKeys)} → ${JSON.stringify(afterKeys)}`;
    for (const key of beforeKeys) {
      const other = partner(key);
      if (other === undefined) return `${at}: key ${JSON.stringify(key)} gone`;
      const found = unintended(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[other],
        `${at}/${key}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(before, after) ? undefined : `${at}: ${String(before)} → ${String(after)}`;
}

const textRules = () => onlyRules("whitespace", "unicode-nfc", "unused-suppression");

function fixed(text: string, settings?: typeof settingsFor): string {
  const run = lintSources([{ file: "x.yaml", bytes: new TextEncoder().encode(text) }], {
    fix: true,
    ...(settings ? { settingsFor: settings } : {}),
  });
  return run.fixes[0]?.fixed ?? text;
}

/** The text after --fix (every rule on), which must parse and hold the original data but for the fixes. */
function safelyFixed(text: string): { out: string; data: Record<string, unknown> } {
  const out = fixed(text);
  let data: unknown;
  expect(() => (data = load(out)), JSON.stringify(out)).not.toThrow();
  expect(unintended(load(text), data), JSON.stringify(out)).toBeUndefined();
  return { out, data: data as Record<string, unknown> };
}

describe("--fix keeps the data", () => {
  it("does not turn a text into a null, a boolean or a number by fixing a special space", () => {
    const cases: Array<[string, string, unknown]> = [
      ["form: tt-02-2023-vpcp\nobjective: \u00a0null\n", "objective", "\u00a0null"],
      ["form: tt-02-2023-vpcp\nobjective: nu\u200bll\n", "objective", "nu\u200bll"],
      ["form: tt-02-2023-vpcp\nobjective: 1\u200b2\n", "objective", "1\u200b2"],
      ["form: tt-02-2023-vpcp\nt: \u00a0false\n", "t", "\u00a0false"],
      ["form: tt-02-2023-vpcp\nt: \u3000true\n", "t", "\u3000true"],
      ["form: tt-02-2023-vpcp\nt: 1\ufeff2\n", "t", "1\ufeff2"],
      ["form: tt-02-2023-vpcp\nt: nu\u2060ll\n", "t", "nu\u2060ll"],
      ["form: tt-02-2023-vpcp\nt: 0x\u205f1F\n", "t", "0x 1F"],
      ["form: tt-02-2023-vpcp\ns: [ \u205f1]\n", "s", ["\u205f1"]],
    ];
    for (const [text, key, value] of cases) {
      const { data } = safelyFixed(text);
      expect(data[key], JSON.stringify(text)).toEqual(value);
    }
    // The finding stays, without its fix.
    const run = lintSources([{ file: "x.yaml", bytes: new TextEncoder().encode(cases[0]![0]) }], {
      fix: true,
    });
    const finding = run.results[0]!.findings.find((f) => f.ruleId === "whitespace");
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeUndefined();
    // A text stays a text: the fix is kept.
    expect(fixed("form: tt-02-2023-vpcp\nobjective: a\u00a0null\n")).toBe(
      "form: tt-02-2023-vpcp\nobjective: a null\n",
    );
  });

  it("applies special-space fixes proved together only together", () => {
    // The alias line's fix overlaps the unicode-nfc fix of its line: renaming the anchor alone broke the alias.
    const anchorAndNfc = "form: tt-02-2023-vpcp\nname: &x\u00a0 Chuyên viên\nobjective: *x\u00a0 # e\u0301\n";
    expect(safelyFixed(anchorAndNfc).out).toBe(
      "form: tt-02-2023-vpcp\nname: &x  Chuyên viên\nobjective: *x  # \u00e9\n",
    );
    // A directive keeps the alias line as it is: the anchor line must then stay too.
    const silenced =
      "form: tt-02-2023-vpcp\nname: &x\u00a0 Chuyên viên\n# vtvl-disable-next-line whitespace -- keep\nobjective: *x\u00a0\n";
    expect(safelyFixed(silenced).out).toBe(silenced);
    // One line of a folded block scalar fixed without the other kept a line break the original folded away.
    safelyFixed("form: qd-4135-btctw-a\nk: >\n  \u3000e\u0301\n  \u00a0c");
    safelyFixed("form: ninh-binh-xa-2026\nk: >\n  \u00a0\n  \u00a0e\u0301");
  });

  it("proves the unicode-nfc fix: keys, anchors and YAML indicators", () => {
    const duplicateKeys = "form: tt-02-2023-vpcp\ne\u0301: 1\n\u00e9: 2\n";
    expect(safelyFixed(duplicateKeys).out).toBe(duplicateKeys);
    const anchors = "form: tt-02-2023-vpcp\na: &e\u0301 x\nb: &\u00e9 y\nc: *e\u0301\n";
    expect(safelyFixed(anchors).data.c).toBe("x");
    const silenced =
      "form: tt-02-2023-vpcp\n# vtvl-disable-next-line unicode-nfc -- t\nname: &e\u0301 Chuyên viên\nobjective: *e\u0301\n";
    expect(safelyFixed(silenced).out).toBe(silenced);
    // U+1FEF normalises to "`", which no plain scalar may start with.
    const backtick = "form: tt-02-2023-vpcp\nobjective: \u1fef\n";
    expect(safelyFixed(backtick).out).toBe(backtick);
    const backtickKey = "form: tt-02-2023-vpcp\n\u1fef: x\n";
    expect(safelyFixed(backtickKey).out).toBe(backtickKey);
    // Anchors and aliases renamed together still are.
    const both = "form: tt-02-2023-vpcp\nname: &e\u0301 Chuyên viên\nobjective: *e\u0301\n";
    expect(safelyFixed(both).out).toBe(both.normalize("NFC"));
    // The other lines keep their fix when one cannot have it.
    const mixed = `form: tt-02-2023-vpcp\nobjective: \u1fef\nname: ${nfd("Chuyên viên")}\n`;
    expect(safelyFixed(mixed).out).toBe("form: tt-02-2023-vpcp\nobjective: \u1fef\nname: Chuyên viên\n");
  });

  it("treats a bare carriage return as a line break", () => {
    safelyFixed("form: tt-02-2023-vpcp\rname: x\robjective: |\r  \u00a0b\r  c\r");
    safelyFixed("form: tt-02-2023-vpcp\r\nname: x\r\nobjective: |\r\n  \u00a0b\r\n  c\r\n");
  });

  it("builds no fix on a range the fallback locator got from a text it could not read", () => {
    const unclosed = 'form: tt-02-2023-vpcp\ne:\n  ?\n  : "\n"k": v\n';
    expect(safelyFixed(unclosed).data).toHaveProperty('k"', "v");
    const quote = "form: ninh-binh-xa-2026\ne: '\n'\u00a0':\n \u00a0";
    expect(safelyFixed(quote).data).toHaveProperty("\u00a0'");
  });

  it("keeps of a pass only the fixes that keep the data, and reports the others without a fix", () => {
    const text = "form: tt-02-2023-vpcp\nname: a\u00a0b\nobjective: x\n";
    const { position } = lintText("x.yaml", text);
    const good: Finding = { ...finding([{ start: 29, end: 30, text: " " }]), ruleId: "whitespace" };
    const typeChange: Finding = { ...finding([{ start: 43, end: 44, text: "12" }]), ruleId: "some-rule" };
    const breaking: Finding = {
      ...finding([{ start: 22, end: 26, text: "name:\n- " }]),
      ruleId: "some-rule",
    };
    const chosen = chooseFixes(text, position, [good, typeChange, breaking]);
    expect(chosen.text).toBe("form: tt-02-2023-vpcp\nname: a b\nobjective: x\n");
    expect(chosen.applied).toBe(1);
    expect(chosen.rejected).toEqual([typeChange, breaking]);
    // A rule that rewrites a text may, at its own path only.
    const typo: Finding = {
      ...finding([{ start: 43, end: 44, text: "y" }]),
      ruleId: "known-typo",
      path: "/objective",
    };
    expect(chooseFixes(text, position, [typo]).text).toBe(
      "form: tt-02-2023-vpcp\nname: a\u00a0b\nobjective: y\n",
    );
    expect(chooseFixes(text, position, [{ ...typo, path: "/name" }]).applied).toBe(0);
  });

  it("changes documents only as their fixes say (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => {
        const text = generatedDocument(seed);
        let before: unknown;
        try {
          before = load(text);
        } catch {
          return; // vtvl fixes only files that parse
        }
        const out = fixed(text, textRules);
        if (out === text) return;
        let after: unknown;
        try {
          after = load(out);
        } catch (error) {
          expect.fail(`--fix broke ${JSON.stringify(text)} → ${JSON.stringify(out)}: ${String(error)}`);
        }
        expect(unintended(before, after), `${JSON.stringify(text)} → ${JSON.stringify(out)}`).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * A small description-like YAML document from a seed: special spaces, NFD text, anchors and aliases, tags,
 * directives, comments, quoted, flow and block scalars, and LF, CRLF or CR line ends.
 */
function generatedDocument(seed: number): string {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  const atoms = [
    "a",
    "x",
    "ê",
    "e\u0301",
    "o\u031b",
    "1",
    "2",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u3000",
    "\u2002",
    "\u205f",
  ];
  const more = [
    "\u200b",
    "\ufeff",
    "\u2060",
    "#",
    ":",
    "-",
    ",",
    "'",
    '"',
    "?",
    "&",
    "*",
    "[",
    "]",
    "{",
    "}",
    "`",
  ];
  const words = ["null", "true", "12", "~", "từ", "viê\u0323c", "nội dung", "\u1fef"];
  const safe = [...atoms, ...words.slice(0, 4), " #", "\u00a0#c"];
  const word = (loose: boolean) => {
    let text = "";
    for (let n = 1 + below(4); n > 0; n--) text += pick(loose ? [...atoms, ...more, ...words] : safe);
    return text;
  };
  const key = () =>
    pick(["k", "name", "a", "b", "viê\u0323c", "việc", "k\u00a0x", '"k "', "'q\u00a0'", "e\u0301", "é"]);
  const anchors: string[] = [];
  const props = () => {
    let text = "";
    if (random() < 0.15) {
      const name = pick(["a", "n\u00a0", "e\u0301", "é", "z\u200b"]);
      anchors.push(name);
      text += `&${name}${pick([" ", "\u00a0 "])}`;
    }
    if (random() < 0.05) text += pick(["!!str ", "!!str\u00a0 "]);
    return text;
  };
  const scalar = (indent: number, inFlow: boolean): string => {
    const roll = random();
    if (anchors.length && roll < 0.1) return `*${pick(anchors)}${pick(["", " ", "\u00a0"])}`;
    const text = word(random() < 0.4);
    if (roll < 0.45 || (inFlow && roll < 0.6)) return props() + text.replace(/^[ \t]+|[ \t]+$/g, "");
    if (roll < 0.6) return `${props()}"${text.replace(/["\\]/g, "")}"`;
    if (roll < 0.72) return `${props()}'${text.replace(/'/g, "''")}'`;
    if (inFlow) return text;
    const lines: string[] = [];
    for (let n = 1 + below(3); n > 0; n--)
      lines.push(random() < 0.15 ? "" : " ".repeat(indent + 2) + word(false));
    return `${props()}${pick(["|", ">", "|-", ">+"])}${pick(["", " # e\u0301"])}\n${lines.join("\n")}`;
  };
  const flow = (depth: number): string => {
    if (depth > 1 || random() < 0.5) return scalar(0, true);
    const items: string[] = [];
    for (let n = below(3); n > 0; n--) items.push(pick(["", " ", "\u00a0"]) + flow(depth + 1));
    return `${props()}[${items.join(pick([", ", ",\u00a0"]))}]`;
  };
  const comment = () =>
    random() < 0.2
      ? pick([
          " # note",
          " # e\u0301",
          " #\u00a0nb",
          " # vtvl-disable-line whitespace -- r",
          " # vtvl-disable-line unicode-nfc -- r",
        ])
      : "";
  const block = (indent: number, depth: number): string | undefined => {
    if (random() < 0.35 || depth > 2) return undefined;
    const pad = " ".repeat(indent);
    const sequence = random() < 0.3;
    const out: string[] = [];
    for (let n = 1 + below(3); n > 0; n--) {
      if (random() < 0.1)
        out.push(
          pad +
            pick([
              "# e\u0301",
              "# vtvl-disable-next-line whitespace -- r",
              "# vtvl-disable-next-line unicode-nfc -- r",
            ]),
        );
      const head = sequence ? `${pad}- ` : `${pad}${key()}:${pick([" ", " ", "\u00a0"])}`;
      const inner = block(indent + 2, depth + 1);
      if (inner) out.push(head.trimEnd() + comment() + "\n" + inner);
      else out.push(head + (random() < 0.25 ? flow(0) : scalar(indent, false)) + comment());
    }
    return out.join("\n");
  };
  let text = `form: tt-02-2023-vpcp\n${block(0, 0) ?? `k: ${scalar(0, false)}`}\n`;
  const ends = random();
  if (ends < 0.2) text = text.replace(/\n/g, "\r\n");
  else if (ends < 0.3) text = text.replace(/\n/g, "\r");
  return text;
}
