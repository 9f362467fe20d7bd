/**
 * The shortcuts that make a large lint run fast must give the answers of the slow paths they replace: the
 * quick scan patterns of the data, the proof of a fix on its line, and VTVL_TIMING's table.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import type { TextEdit } from "../src/lint/finding.js";
import type { Position } from "../src/model/types.js";
import { dataRegExp, textData } from "../src/rules/data.js";
import { applyEdits } from "../src/lint/fix.js";
import { editsProduce, proofOnLine } from "../src/rules/support/scalar.js";
import { textEntries } from "../src/rules/support/text.js";
import { doubledPhraseRanges, doubledPhrases } from "../src/rules/text/doubled-word.js";
import { normalized, spaceOnlyInLines } from "../src/rules/text/whitespace.js";
import { packageRoot } from "../src/paths.js";
import { runCliProcess } from "./helpers.js";

function exampleFiles(dir = join(packageRoot, "examples")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? exampleFiles(join(dir, entry.name))
      : entry.name.endsWith(".yaml")
        ? [join(dir, entry.name)]
        : [],
  );
}

const examples = exampleFiles().map(
  (file) => yaml.load(readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA }) as Position,
);

describe("the scan patterns of the data", () => {
  it("match wherever their pattern does", () => {
    const piece = fc.constantFrom("a", " ", "\n", ".", "..", "...", "…", ":", "khác", "Phê duyệt", "\t");
    const text = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(""));
    const withScan = textData().placeholders.filter((entry) => entry.scan);
    expect(withScan.length).toBeGreaterThan(0);
    const check = (value: string) => {
      for (const entry of withScan)
        if (dataRegExp(entry.pattern, "mu").test(value))
          expect(dataRegExp(entry.scan!, "mu").test(value)).toBe(true);
    };
    for (const position of examples) for (const entry of textEntries(position)) check(entry.text);
    fc.assert(
      fc.property(text, (value) => check(value)),
      { numRuns: 2000 },
    );
  });
});

describe("the placeholder patterns", () => {
  // The patterns as first written. Each tried, from every "(" or dot of a long run, every way to split the rest:
  // 2,000 dots in a row took 6 s, 32,000 several minutes. The data now holds linear equivalents.
  const firstWritten: Record<string, string> = {
    "fill-in": "\\((?:bổ sung|Bổ sung)\\b[^)]*\\)",
    "model-hint":
      "\\((?:Tóm tắt tổng quan về vị trí việc làm|địa chỉ trụ sở[^)]*|tên tài liệu, quy trình[^)]*)\\)",
    "ellipsis-blank": "^\\s*(?:…|\\.{3,})\\s*$|(?<=(?:^|[^\\p{L}])khác\\s*|:\\s*)(?:…|\\.{3,})[.…]*",
    "signature-blank": "(?:…|\\.{3,})[.…]*\\s*$",
    "lone-bullet": "^\\s*[•\\-–+*]\\s*$",
  };
  const placeholders = textData().placeholders;

  it("find a blank wherever the patterns as first written did, and the same one", () => {
    const piece = fc.constantFrom(
      "x",
      " ",
      "  ",
      "\n",
      ".",
      "..",
      "...",
      "…",
      ":",
      "khác",
      "(",
      ")",
      "(bổ sung",
      "Bổ sung",
      "(địa chỉ trụ sở",
      "(tên tài liệu, quy trình",
      "-",
      "•",
      "\u00a0",
    );
    const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, (value) => {
        for (const [id, pattern] of Object.entries(firstWritten)) {
          const now = placeholders.find((entry) => entry.id === id)!;
          const before = new RegExp(pattern, "mu").exec(value);
          const after = dataRegExp(now.pattern, "mu").exec(value);
          expect(Boolean(after), `${id}: ${JSON.stringify(value)}`).toBe(Boolean(before));
          // The text reported: the same blank, without the blank lines an unbounded \s* took before it.
          if (before && after) expect(before[0].trim().endsWith(after[0].trim()), id).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("read a long run once: a text of 200,000 dots, spaces or openings is linted like any other", () => {
    const long = [
      `x${".".repeat(200_000)}y`,
      `x${"….".repeat(50_000)}y`,
      "(bổ sung ".repeat(20_000),
      "(địa chỉ trụ sở ".repeat(10_000),
      `:${" ".repeat(200_000)}x...`,
      `${"\n".repeat(200_000)}x...`,
    ];
    // Not a timing: each of these took minutes before (see above); now each is one pass.
    for (const value of long) for (const entry of placeholders) dataRegExp(entry.pattern, "mu").exec(value);
  });
});

describe("doubled words and line breaks", () => {
  it("does not join the last word of one text to the first of the next", () => {
    expect(doubledPhraseRanges("làm theo\ntheo quy định")).toEqual([]);
    expect(doubledPhrases("làm theo theo\nquy định")).toEqual(["theo theo"]);
  });
});

/** The proof editsProduce replaced: parse the whole edited file. */
function provedByWholeFile(
  text: string,
  edits: readonly TextEdit[],
  path: Array<string | number>,
  expected: unknown,
): boolean {
  try {
    let node = yaml.load(applyEdits(text, edits), { schema: yaml.CORE_SCHEMA }) as unknown;
    for (const segment of path) node = (node as Record<string, unknown> | null)?.[String(segment)];
    return JSON.stringify(node) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

describe("the proof of a fix on its line", () => {
  it("proves what parsing the whole edited file proves, and nothing it refutes", () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[a-zà-ỹ][a-zà-ỹ .,:#'"-]{0,12}$/),
      fc.stringMatching(/^"[a-z :#'\\-]{0,10}"$/),
      fc.stringMatching(/^'[a-z :#"-]{0,10}'$/),
    );
    const replacement = fc.constantFrom("", " ", "x", ":", ": ", " #", "#", '"', "'", "-", "a b", "\\");
    fc.assert(
      fc.property(
        scalar,
        fc.constantFrom("", "  # note"),
        fc.nat(),
        fc.nat(),
        replacement,
        fc.boolean(),
        (value, comment, from, length, inserted, expectTrue) => {
          const before = `form: x\nduties:\n  - first\n  - ${value}${comment}\n  - last\n`;
          let data: unknown;
          try {
            data = yaml.load(before, { schema: yaml.CORE_SCHEMA });
          } catch {
            return; // not a file vtvl would lint
          }
          if (
            !Array.isArray((data as { duties?: unknown }).duties) ||
            (data as { duties: unknown[] }).duties.length !== 3 ||
            typeof (data as { duties: unknown[] }).duties[1] !== "string"
          )
            return;
          const valueStart = before.indexOf(`  - ${value}`) + 4;
          const start = valueStart + (from % (value.length + 1));
          const end = Math.min(valueStart + value.length, start + (length % 4));
          const edits: TextEdit[] = [{ start, end, text: inserted }];
          const path = ["duties", 1];
          const wholeFile = provedByWholeFile(before, edits, path, "anything");
          // Expect the value the edited file really holds (true) or another one (false).
          let expected: unknown = "not this";
          if (expectTrue) {
            try {
              expected = (
                yaml.load(applyEdits(before, edits), { schema: yaml.CORE_SCHEMA }) as { duties: unknown[] }
              ).duties[1];
            } catch {
              expected = "unparsable";
            }
          }
          // Sound: a fix is never proved that the whole file would refute. Complete for the fixes rules make
          // (a text stays a text): the line proof may refuse only an edit that turns the line into another kind
          // of node ("- a:" is a mapping), and then the fix is dropped.
          const proved = editsProduce(before, edits, path, expected);
          const byWholeFile = provedByWholeFile(before, edits, path, expected);
          if (proved) expect(byWholeFile).toBe(true);
          if (byWholeFile && typeof expected === "string") expect(proved).toBe(true);
          expect(wholeFile).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("VTVL_TIMING", () => {
  it("prints the time of each rule and phase on stderr and leaves the report alone", () => {
    const run = (timing: string) =>
      runCliProcess(["lint", "-f", "json", "examples/tt-02-2023-vpcp"], { env: { VTVL_TIMING: timing } });
    const timed = run("all");
    const plain = run("");
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe("");
    const rows = timed.stderr.trim().split("\n").slice(2);
    const names = rows.map((row) => row.split("|")[0]!.trim());
    expect(names).toEqual(
      expect.arrayContaining(["(parse)", "(schema)", "competency-level-grade", "whitespace"]),
    );
    const times = rows.map((row) => Number(row.split("|")[1]));
    expect(times.every((ms) => ms >= 0)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("the irregular-space fix proved on its line", () => {
  it("never calls an edit safe that changes more than spaces", () => {
    const token = fc.constantFrom(
      "x",
      "yy",
      "từ\u00a0ngữ",
      "a\u200bb",
      " ",
      "\u00a0",
      "\u200b",
      "\u3000",
      ":",
      ": ",
      "- ",
      "? ",
      "#",
      " #",
      "&a",
      "*a",
      "!t ",
      '"',
      "'",
      "[",
      "]",
      "{",
      "}",
      ",",
      "\\",
      "|",
      ">",
      "k: ",
    );
    const line = fc
      .tuple(fc.constantFrom("", "  ", "    "), fc.array(token, { minLength: 1, maxLength: 7 }))
      .map(([indent, tokens]) => indent + tokens.join(""));
    let provedOnLine = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const text = `${lines.join("\n")}\n`;
        let data: unknown;
        try {
          data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
        } catch {
          return; // vtvl lints only files that parse
        }
        const edits: TextEdit[] = [];
        for (const match of text.matchAll(/[\u00a0\u3000]|\u200b/g))
          if (match.index > 0)
            edits.push({
              start: match.index,
              end: match.index + 1,
              text: match[0] === "\u200b" ? "" : " ",
            });
        if (!edits.length || !spaceOnlyInLines(text, edits)) return;
        provedOnLine++;
        let edited: unknown;
        try {
          edited = yaml.load(applyEdits(text, edits), { schema: yaml.CORE_SCHEMA });
        } catch {
          expect.fail(`the edit breaks the file: ${JSON.stringify(text)}`);
        }
        expect(normalized(edited), JSON.stringify(text)).toBe(normalized(data));
      }),
      {
        numRuns: 4000,
        // A flow mapping left open by a line whose "}" is in a comment, or in a quoted string: found at 45,000
        // cases.
        examples: [
          [["{ #}x", "a\u200bb}"]],
          [['{ "}"', "a\u200bb}"]],
          [["{ a: '}'", "a\u200bb}"]],
          // A key of a one-pair mapping in a flow sequence, found at 100,000 cases.
          [["[từ\u00a0ngữ:]", " #x"]],
          [['["a\u00a0b":c]']],
          // An anchor right after a flow indicator, whose name would end at the new space: found at 1,000,000.
          [["[&a\u3000x]"]],
          [["[&atừ\u00a0ngữx", "]"]],
        ],
      },
    );
    expect(provedOnLine).toBeGreaterThan(50);
  });
});

describe("the proof of a fix inside a flow collection on its line", () => {
  it("proves only edits after which the whole file holds the intended value and nothing else changed", () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[a-zà-ỹ][a-zà-ỹ .,:#'"()&*-]{0,12}$/),
      fc.stringMatching(/^"[a-z :#,'\\{}-]{0,10}"$/),
      fc.stringMatching(/^'[a-z :#,"{}-]{0,10}'$/),
    );
    const replacement = fc.constantFrom(
      "",
      " ",
      "x",
      ":",
      ": ",
      ",",
      ", b: 1",
      "}",
      "{",
      "]",
      "#",
      " #",
      '"',
      "'",
      "&a ",
      "*a",
      "!t ",
    );
    let provedOnLine = 0;
    fc.assert(
      fc.property(
        scalar,
        fc.constantFrom("", "  # note"),
        fc.constantFrom("{ name: V, level: 2 }", "{ level: 2, name: V }", "[ first, V ]", "{ name: [ V ] }"),
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        replacement,
        (value, comment, shape, aliased, from, length, inserted) => {
          const collection = shape.replace("V", value);
          // With an anchor before the line and its alias after it, an anchor the edit adds would change the alias.
          const [first, last] = aliased
            ? ["&a { name: first, level: 1 }", "*a"]
            : ["{ name: first, level: 1 }", "last"];
          const before = `form: x\nitems:\n  - ${first}\n  - ${collection}${comment}\n  - ${last}\n`;
          let data: { items: unknown[] };
          try {
            data = yaml.load(before, { schema: yaml.CORE_SCHEMA }) as { items: unknown[] };
          } catch {
            return;
          }
          const path: Array<string | number> = shape.startsWith("[")
            ? ["items", 1, 1]
            : shape.includes("[ V ]")
              ? ["items", 1, "name", 0]
              : ["items", 1, "name"];
          let original: unknown = data;
          for (const segment of path)
            original = (original as Record<string, unknown> | null)?.[String(segment)];
          if (typeof original !== "string") return;
          const valueStart = before.indexOf(collection) + shape.indexOf("V");
          const start = valueStart + (from % (value.length + 1));
          const end = Math.min(valueStart + value.length, start + (length % 4));
          const edits: TextEdit[] = [{ start, end, text: inserted }];
          let edited: unknown;
          try {
            edited = yaml.load(applyEdits(before, edits), { schema: yaml.CORE_SCHEMA });
          } catch {
            edited = undefined;
          }
          let actual: unknown = edited;
          for (const segment of path) actual = (actual as Record<string, unknown> | null)?.[String(segment)];
          const expected = typeof actual === "string" ? actual : "not this";
          const proof = proofOnLine(before, edits, path, expected);
          if (proof === true) {
            provedOnLine++;
            // Sound in the strong sense: the edited file is the original with just this value changed.
            const intended = structuredClone(data) as Record<string, unknown>;
            let node: Record<string, unknown> = intended;
            for (const segment of path.slice(0, -1)) node = node[String(segment)] as Record<string, unknown>;
            node[String(path.at(-1))] = expected;
            expect(edited).toEqual(intended);
          }
          if (proof === false) expect(provedByWholeFile(before, edits, path, expected)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
    // The line proof does the work for most edits (it is what makes the competency-name fix cheap).
    expect(provedOnLine).toBeGreaterThan(300);
  });
});
