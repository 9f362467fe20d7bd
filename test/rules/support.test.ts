/** The helpers the rules share: numbering, legacy-encoding signatures, doubled words, headings, code initials. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { titleInitials } from "../../src/rules/code/code-title-suffix.js";
import { headingWords } from "../../src/rules/structure/heading-text.js";
import { cleanCompetencyName, matchCompetency } from "../../src/rules/support/competency.js";
import { factsFromText } from "../../src/rules/support/experience.js";
import { gradeInName } from "../../src/rules/support/grade.js";
import { isBelow, parseRange, within } from "../../src/rules/support/levels.js";
import { checkNumbering } from "../../src/rules/support/numbering.js";
import { perText } from "../../src/rules/support/memo.js";
import { comparisonKey, withoutTrailing } from "../../src/rules/support/text.js";
import { doubledPhrases } from "../../src/rules/text/doubled-word.js";
import { mojibakeWord } from "../../src/rules/text/legacy-encoding.js";

const rows = (...codes: Array<string | undefined>) => codes.map((code, index) => ({ code, path: [index] }));

describe("numbering", () => {
  it("accepts 2.1 … 2.n and 1 … n", () => {
    expect(checkNumbering(rows("2.1", "2.2", "2.3"), "2")).toEqual([]);
    expect(checkNumbering(rows("1", "2.", "3"), "")).toEqual([]);
  });
  it("reads QĐ 4135's defects: '22', a repeat, a gap", () => {
    const kinds = checkNumbering(rows("2.1", "22", "2.2", "2.6"), "2").map((problem) => problem.kind);
    expect(kinds).toEqual(["malformed", "duplicate", "gap"]);
    const malformed = checkNumbering(rows("2.1", "22"), "2")[0];
    expect(malformed).toMatchObject({ kind: "malformed", suggestion: "2.2" });
  });
  it("lists the codes a short gap skips, and tells a long one by its ends", () => {
    expect(checkNumbering(rows("2.1", "2.4"), "2")[0]).toMatchObject({
      kind: "gap",
      missing: ["2.2", "2.3"],
      count: 2,
    });
    // A year typed for "2.2", or a number far beyond any list: told, not enumerated (found by a property test:
    // the codes of "1960425796998445" filled memory until the process died).
    expect(checkNumbering(rows("1", "2022"), "")[0]).toMatchObject({
      kind: "gap",
      missing: ["2", "2021"],
      count: 2020,
    });
    const huge = checkNumbering(rows("1", "1960425796998445", "3"), "");
    expect(huge.map((problem) => problem.kind)).toEqual(["gap", "order"]);
    expect(huge[0]).toMatchObject({ missing: ["2", "1960425796998444"], count: 1960425796998443 });
  });
  it("ignores files without numbers", () => {
    expect(checkNumbering(rows(undefined, undefined), "2")).toEqual([]);
  });
});

describe("legacy encodings", () => {
  it("recognises TCVN3 and VNI mojibake", () => {
    expect(mojibakeWord("Chuyªn viªn chÝnh")).toEqual({ word: "Chuyªn", encoding: "TCVN3" });
    expect(mojibakeWord("Chuyeân vieân")).toEqual({ word: "Chuyeân", encoding: "VNI" });
    expect(mojibakeWord("Tröôøng phoøng")?.encoding).toBe("VNI");
  });
  it("leaves Vietnamese, quotes and symbols alone", () => {
    for (const text of ["Chuyên viên chính", "xuân, thuê, khuya", "«trích dẫn»", "© 2024 § 3", "KH&CN 2°C"])
      expect(mojibakeWord(text), text).toBeUndefined();
  });
});

describe("doubled words", () => {
  it("finds repeated function words and syllable pairs", () => {
    expect(doubledPhrases("theo theo quy định")).toEqual(["theo theo"]);
    expect(doubledPhrases("các nhiệm vụ nhiệm vụ, giải pháp")).toEqual(["nhiệm vụ nhiệm vụ"]);
    expect(doubledPhrases("(theo theo quy định)")).toEqual(["theo theo"]);
    expect(doubledPhrases("trong công tác công tác Công đoàn")).toEqual(["công tác công tác"]);
  });
  it("leaves overlapping compounds, lists and conjunction pairs alone", () => {
    for (const text of [
      "phân công công việc",
      "đảm bảo bảo mật",
      "theo, theo",
      "ngành hoặc ngành hoặc chuyên ngành",
      "6 6 tháng",
    ])
      expect(doubledPhrases(text), text).toEqual([]);
  });
});

describe("names and headings", () => {
  it("cleans competency names and finds them in the catalogue, through aliases", () => {
    expect(cleanCompetencyName("- Ra quyết định;")).toBe("Ra quyết định");
    expect(cleanCompetencyName("Khả năng thẩm định các đề án , dự án")).toBe(
      "Khả năng thẩm định các đề án, dự án",
    );
    expect(matchCompetency("qd-4135-btctw-a", "Ngoại ngữ")).toMatchObject({
      name: "Sử dụng ngoại ngữ",
      viaAlias: true,
    });
    expect(matchCompetency("tt-02-2023-vpcp", "• Ra quyết định")).toMatchObject({
      group: "quan-ly",
      viaAlias: false,
    });
  });
  it("strips heading numbers of every style, never a word", () => {
    expect(headingWords("3.1- Bên trong")).toBe("Bên trong");
    expect(headingWords("III. CÁC MỐI QUAN HỆ TRONG CÔNG VIỆC")).toBe("CÁC MỐI QUAN HỆ TRONG CÔNG VIỆC");
    expect(headingWords("a) Năng lực chung")).toBe("Năng lực chung");
    expect(headingWords("Mục tiêu vị trí việc làm:")).toBe("Mục tiêu vị trí việc làm");
    expect(headingWords("Xây dựng")).toBe("Xây dựng");
  });
  it("compares sentences without numbers, bullets, case or final punctuation", () => {
    expect(comparisonKey("1. Thực hiện chế độ hội họp.")).toBe(comparisonKey("Thực hiện chế độ hội họp"));
  });
  it("abbreviates professional titles as QĐ 302/2025 does", () => {
    expect(titleInitials("Công nghệ thông tin hạng II")).toBe("CNTTII");
    expect(titleInitials("Kỹ thuật viên")).toBe("KTV");
    expect(titleInitials("Nghiên cứu viên chính")).toBe("NCVC");
  });
});

describe("grades, levels, experience", () => {
  it("reads the grade a name begins with, longest first", () => {
    expect(gradeInName("Chuyên viên chính về kiểm soát thủ tục hành chính")?.name).toBe("Chuyên viên chính");
    expect(gradeInName("Chuyên viên về thư ký - biên tập")?.name).toBe("Chuyên viên");
    expect(gradeInName("Chuyên viênxyz")).toBeUndefined();
    expect(gradeInName(undefined)).toBeUndefined();
  });
  it("compares ranges", () => {
    expect(parseRange("4–5")).toEqual({ min: 4, max: 5 });
    expect(within({ min: 4, max: 4 }, { min: 3, max: 4 })).toBe(true);
    expect(isBelow({ min: 2, max: 2 }, { min: 4, max: 4 })).toBe(true);
    expect(isBelow({ min: 2, max: 3 }, { min: 2, max: 3 })).toBe(false);
  });
  it("reads the facts of TT 02/2023's chuyên viên chính text", () => {
    const facts = factsFromText([
      "Có thời gian giữ ngạch chuyên viên và tương đương từ đủ 09 năm trở lên (không kể thời gian tập sự, thử việc). Trường hợp có thời gian tương đương với ngạch chuyên viên thì thời gian giữ ngạch chuyên viên tối thiểu 01 năm (đủ 12 tháng).",
    ]);
    expect(facts).toMatchObject({
      minYears: 9,
      excludesProbation: true,
      minMonthsInGradeIfEquivalent: 12,
      inGrade: "chuyên viên",
    });
    expect(factsFromText(["Không yêu cầu"]).notRequired).toBe(true);
  });
});

describe("perText", () => {
  it("analyses each distinct text once, whichever file's string holds it", () => {
    let runs = 0;
    const lengthOf = perText((text) => {
      runs++;
      return { length: text.length, text };
    });
    const fileA = "form: x\nname: Chuyên viên về tổng hợp\n";
    const fileB = `${"#".repeat(10)}\nname: Chuyên viên về tổng hợp\n`;
    const a = { text: fileA.slice(14, fileA.length - 1) };
    const b = { text: fileB.slice(17, fileB.length - 1) };
    expect(a.text).toBe(b.text);
    const first = lengthOf(a);
    expect(lengthOf(b)).toBe(first);
    expect(lengthOf(a)).toBe(first);
    expect(runs).toBe(1);
    expect(first).toEqual({ length: 23, text: "Chuyên viên về tổng hợp" });
    // A second analysis reads the same record, and a new text is analysed anew.
    const upper = perText((text) => text.toUpperCase());
    expect(upper(b)).toBe("CHUYÊN VIÊN VỀ TỔNG HỢP");
    expect(lengthOf({ text: "khác" })).toEqual({ length: 4, text: "khác" });
    expect(runs).toBe(2);
  });
});

describe("trailing runs cut by hand", () => {
  // The patterns they replace (/[…]+$/) retried from every character of a long run that stops short of the end.
  const text = fc
    .array(fc.constantFrom("a", "b", " ", "\u00a0", ".", "…", ":", ";", ",", "\n", "-"), { maxLength: 14 })
    .map((pieces) => pieces.join(""));

  it("cut what the patterns cut", () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const [char, pattern] of [
          [/[\s.;:,…]/u, /[\s.;:,…]+$/u],
          [/[\s.…:]/u, /[\s.…:]+$/u],
          [/[\s:]/u, /[\s:]+$/u],
        ] as const)
          expect(withoutTrailing(value, char)).toBe(value.replace(pattern, ""));
        const before = value
          .normalize("NFC")
          .replace(/[\s\u00a0]+/g, " ")
          .replace(/ ([,;.])/g, "$1")
          .trim()
          .replace(/^[•\-–—+*]\s*/u, "")
          .replace(/\s*[.;,]+$/u, "")
          .trim();
        expect(cleanCompetencyName(value)).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it("read a long run once", () => {
    const run = `x${".".repeat(300_000)}y`;
    // Not a timing: with the patterns each of these took minutes.
    expect(comparisonKey(run)).toBe(run.toLowerCase());
    expect(cleanCompetencyName(run)).toBe(run);
    expect(withoutTrailing(`${run} .`, /[\s.]/u)).toBe(run);
  });
});
