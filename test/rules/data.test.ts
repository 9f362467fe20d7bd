/** The reference data in data/rules/ is complete, consistent with data/forms.yaml, and cites its sources. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { listForms } from "../../src/model/forms.js";
import { packageRoot } from "../../src/paths.js";
import {
  codeData,
  competencyData,
  experienceData,
  formRulesData,
  gradeData,
  levelPatterns,
  regimeData,
  textData,
} from "../../src/rules/data.js";
import { competencyKey } from "../../src/rules/support/competency.js";

const dir = join(packageRoot, "data/rules");

describe("data/rules", () => {
  it("every file is YAML that loads with the core schema", () => {
    for (const name of readdirSync(dir).filter((file) => file.endsWith(".yaml")))
      expect(
        () => yaml.load(readFileSync(join(dir, name), "utf8"), { schema: yaml.CORE_SCHEMA }),
        name,
      ).not.toThrow();
  });

  it("grade ladders: unique names and codes, tiers 0–5, ranks only on professional titles", () => {
    const { grades } = gradeData();
    expect(new Set(grades.map((grade) => grade.name.toLowerCase())).size).toBe(grades.length);
    const codes = grades.flatMap((grade) => (grade.code ? [grade.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const grade of grades) {
      expect(grade.tier).toBeGreaterThanOrEqual(0);
      expect(grade.tier).toBeLessThanOrEqual(5);
      if (grade.rank) expect(grade.kind).toBe("chuc-danh-nghe-nghiep");
      if (grade.code) expect(grade.code).toMatch(/^\d{2}\.\d{3}$/);
    }
    expect(grades.find((grade) => grade.name === "Chuyên viên chính")?.code).toBe("01.002");
  });

  it("competency catalogues match the group sizes of data/forms.yaml", () => {
    const { catalogues, aliases } = competencyData();
    for (const form of listForms()) {
      const catalogue = catalogues[form.id];
      for (const [group, size] of Object.entries(form.competencyGroups ?? {})) {
        expect(catalogue, form.id).toBeDefined();
        expect(
          catalogue!.groups[group as keyof NonNullable<typeof catalogue>["groups"]]?.length,
          `${form.id} ${group}`,
        ).toBe(size);
      }
      if (catalogue) expect(catalogue.source).toMatch(/\S/);
    }
    const allNames = new Set(
      Object.values(catalogues).flatMap((catalogue) => Object.values(catalogue!.groups).flat()),
    );
    for (const alias of aliases) {
      expect(allNames.has(alias.name), alias.name).toBe(true);
      expect(alias.source).toMatch(/\S/);
    }
  });

  it("level patterns name catalogue competencies and valid ranges, for forms that exist", () => {
    const forms = new Set(listForms().map((form) => form.id));
    for (const pattern of levelPatterns()) {
      for (const form of pattern.forms) expect(forms.has(form), form).toBe(true);
      const catalogue = competencyData().catalogues[pattern.forms[0]!]!;
      const names = new Set(Object.values(catalogue.groups).flat().map(competencyKey));
      for (const grade of pattern.grades) {
        expect(gradeData().grades.some((entry) => entry.tier === grade.tier)).toBe(true);
        for (const [name, range] of Object.entries(grade.names ?? {})) {
          expect(names.has(competencyKey(name)), name).toBe(true);
          expect(range).toMatch(/^[1-5](?:-[1-5])?$/);
        }
        for (const range of Object.values(grade.groups ?? {})) expect(range).toMatch(/^[1-5](?:-[1-5])?$/);
      }
    }
  });

  it("the TT 02/2023 pattern rises with the grade", () => {
    const tt = levelPatterns().find((pattern) => pattern.id === "tt-02-2023")!;
    const low = (tier: number): number =>
      Number(tt.grades.find((grade) => grade.tier === tier)!.groups!["chuyen-mon"]![0]);
    expect(low(1)).toBeGreaterThan(low(2));
    expect(low(2)).toBeGreaterThan(low(3));
  });

  it("experience rules: chuyên viên chính 9 years, chuyên viên cao cấp 6, each with 12 months in grade", () => {
    const { legacy } = experienceData();
    expect(legacy.byTier[2]).toMatchObject({
      minYears: 9,
      excludesProbation: true,
      minMonthsInLowerGrade: 12,
    });
    expect(legacy.byTier[1]).toMatchObject({ minYears: 6, minMonthsInLowerGrade: 12 });
    expect(legacy.byTier[3]?.notRequired).toBe(true);
    for (const rule of Object.values(legacy.byTier)) expect(rule.lines).toMatch(/L\d+/);
  });

  it("every form has its layout rules; headings and labels are non-empty", () => {
    const data = formRulesData();
    for (const form of listForms()) {
      const rules = data.forms[form.id];
      expect(rules, form.id).toBeDefined();
      expect(rules!.source).toMatch(/\S/);
      for (const row of rules!.requirementRows)
        expect(data.requirementLabels[row]?.length, row).toBeGreaterThan(0);
      for (const headings of Object.values(rules!.headings))
        for (const heading of headings) expect(heading.trim()).toBe(heading);
    }
  });

  it("code schemes compile and accept their own example", () => {
    for (const [form, scheme] of Object.entries(codeData().schemes)) {
      expect(new RegExp(scheme!.pattern, "u").test(scheme!.example), form).toBe(true);
      expect(scheme!.source).toMatch(/L\d+/);
    }
  });

  it("regime periods are ordered ISO dates, and successors exist", () => {
    const { regimes, districtAbolished } = regimeData();
    for (const [id, period] of Object.entries(regimes)) {
      expect(period.from, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (period.until) expect(period.until > period.from, id).toBe(true);
      if (period.successor) expect(regimes[period.successor], id).toBeDefined();
    }
    expect(districtAbolished.date).toBe("2025-07-01");
  });

  it("text patterns compile; every placeholder, typo and markup entry cites a source", () => {
    const text = textData();
    for (const entry of [...text.placeholders, ...text.markup]) {
      expect(() => new RegExp(entry.pattern, "gmu"), entry.id).not.toThrow();
      if ("scan" in entry) expect(() => new RegExp(entry.scan!, "gmu"), entry.id).not.toThrow();
      expect(entry.source).toMatch(/\S/);
    }
    for (const pattern of text.certificateScale.patterns)
      expect(() => new RegExp(pattern, "u")).not.toThrow();
    for (const typo of text.typos) {
      expect(typo.wrong).not.toBe(typo.right);
      expect(typo.source).toMatch(/L\d+/);
    }
  });
});
