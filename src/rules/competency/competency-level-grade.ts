import type { PathSegment } from "../../lint/finding.js";
import type { CompetencyGroupId } from "../../model/types.js";
import { levelPatterns, type GradePattern, type LevelPattern } from "../data.js";
import { competencyKey, matchCompetency } from "../support/competency.js";
import { findGrade, positionGrade } from "../support/grade.js";
import { formatRange, parseRange, rangeOf, sameRange, within, type LevelRange } from "../support/levels.js";
import type { Rule, RuleContext } from "../types.js";

interface GradeOverride {
  names?: Record<string, string>;
  groups?: Partial<Record<CompetencyGroupId, string>>;
}

interface Options {
  /** Replacement ranges per grade name ("Chuyên viên chính") or tier ("2"). */
  ranges?: Record<string, GradeOverride>;
  /** "within" (default): the level lies inside the pattern's range; "exact": the same range. */
  mode?: "within" | "exact";
}

/** A level or range as the pattern data writes it: 3, "3", "3-5" (`minimum` applies to numbers, `pattern` to strings). */
const LEVEL_RANGE_SCHEMA = {
  type: ["integer", "string"],
  minimum: 1,
  maximum: 5,
  pattern: "^\\s*[1-5]\\s*(?:[-–]\\s*[1-5])?\\s*$",
};

const GROUP_LABELS: Record<CompetencyGroupId, string> = {
  chung: "năng lực chung",
  "chuyen-mon": "năng lực chuyên môn",
  "quan-ly": "năng lực quản lý",
};

const GROUP_LABELS_EN: Record<CompetencyGroupId, string> = {
  chung: "general",
  "chuyen-mon": "professional",
  "quan-ly": "management",
};

function readOptions(raw: Record<string, unknown>): Options {
  const options: Options = {};
  if (raw.ranges && typeof raw.ranges === "object") options.ranges = raw.ranges as Options["ranges"];
  if (raw.mode === "exact" || raw.mode === "within") options.mode = raw.mode;
  return options;
}

function withOverrides(pattern: LevelPattern, options: Options): GradePattern[] {
  return pattern.grades.map((grade) => {
    const override = Object.entries(options.ranges ?? {}).find(
      ([key]) => key === String(grade.tier) || findGrade(key)?.tier === grade.tier,
    )?.[1];
    if (!override) return grade;
    return {
      ...grade,
      label: `${grade.label} (cấu hình)`,
      names: { ...grade.names, ...override.names },
      groups: { ...grade.groups, ...override.groups },
    };
  });
}

function expectedFor(grade: GradePattern, name: string, group: CompetencyGroupId): string | undefined {
  const key = competencyKey(name);
  const byName = Object.entries(grade.names ?? {}).find(([candidate]) => competencyKey(candidate) === key);
  return byName ? byName[1] : grade.groups?.[group];
}

function applicablePattern(context: RuleContext): LevelPattern | undefined {
  const category = context.position.category;
  return levelPatterns().find(
    (pattern) =>
      pattern.forms.includes(context.form.id) &&
      (!pattern.categories || !category || pattern.categories.includes(category)),
  );
}

/**
 * The model descriptions set competency levels by grade (TT 02/2023: chuyên viên chính 4-5 / 3-4 / 3-4 /
 * 2-3). A description whose levels leave its grade's pattern is probably copied from another grade: the
 * circular itself gives two chuyên viên chính positions (8 and 11) the chuyên viên cao cấp levels. A pattern,
 * not law: a warning, with ranges an agency can replace in its configuration.
 */
export const competencyLevelGrade: Rule = {
  id: "competency-level-grade",
  meta: {
    description: {
      vi: "Cấp độ năng lực phù hợp với ngạch của vị trí theo mẫu của văn bản (ví dụ TT 02/2023: chuyên viên chính 3-4).",
      en: "Competency levels match the grade of the position as the model descriptions set them (e.g. TT 02/2023: chuyên viên chính 3-4).",
    },
    severity: "warning",
    regimes: ["cc-nd62", "dang-qd4135"],
    category: "competency",
    optionsSchema: {
      type: "object",
      properties: {
        mode: { enum: ["within", "exact"] },
        ranges: {
          type: "object",
          additionalProperties: {
            type: "object",
            properties: {
              names: { type: "object", additionalProperties: LEVEL_RANGE_SCHEMA },
              groups: {
                type: "object",
                properties: {
                  chung: LEVEL_RANGE_SCHEMA,
                  "chuyen-mon": LEVEL_RANGE_SCHEMA,
                  "quan-ly": LEVEL_RANGE_SCHEMA,
                },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    pattern: true,
    source:
      "Thông tư 02/2023/TT-VPCP Phụ lục II mục 5.2; Quyết định 4135-QĐ/BTCTW mẫu A mục 5.2 (data/rules/level-patterns.yaml; GUIDE.md §d.6)",
    messages: {
      outsidePattern: {
        vi: "{count} {group} có cấp độ {actual}, ngoài mẫu của ngạch {grade} ({expected}).",
        en: "{count} {groupEn} competencies at level {actual}, outside the pattern of grade {grade} ({expected}).",
      },
      outsidePatternMatchesOther: {
        vi: "{count} {group} có cấp độ {actual}, ngoài mẫu của ngạch {grade} ({expected}) — đúng mẫu của ngạch {other}.",
        en: "{count} {groupEn} competencies at level {actual}, outside the pattern of grade {grade} ({expected}) — the pattern of grade {other}.",
      },
    },
  },
  check(context) {
    const pattern = applicablePattern(context);
    const grade = positionGrade(context.position);
    if (!pattern || !grade) return;
    const options = readOptions(context.options);
    const grades = withOverrides(pattern, options);
    const own = grades.find((candidate) => candidate.tier === grade.tier);
    if (!own) return;
    const fits = (actual: LevelRange, expected: LevelRange): boolean =>
      options.mode === "exact" ? sameRange(actual, expected) : within(actual, expected);
    (context.position.competencies?.groups ?? []).forEach((group, groupIndex) => {
      const deviations = new Map<
        string,
        { expected: string; paths: PathSegment[][]; others: GradePattern[][] }
      >();
      group.items.forEach((item, itemIndex) => {
        const actual = rangeOf(item.level);
        if (!actual) return;
        const name = matchCompetency(context.form.id, item.name)?.name ?? item.name;
        const expectedText = expectedFor(own, name, group.group);
        const expected = expectedText ? parseRange(expectedText) : undefined;
        if (!expected || fits(actual, expected)) return;
        const others = grades.filter((candidate) => {
          if (candidate === own) return false;
          const text = expectedFor(candidate, name, group.group);
          const range = text ? parseRange(text) : undefined;
          return range !== undefined && fits(actual, range);
        });
        const key = `${formatRange(actual)}|${formatRange(expected)}`;
        const entry = deviations.get(key) ?? { expected: formatRange(expected), paths: [], others: [] };
        entry.paths.push(["competencies", "groups", groupIndex, "items", itemIndex, "level"]);
        entry.others.push(others);
        deviations.set(key, entry);
      });
      for (const [key, deviation] of deviations) {
        const actual = key.split("|")[0]!;
        const common = deviation.others.reduce((shared, list) =>
          shared.filter((grade) => list.includes(grade)),
        );
        context.report({
          messageId: common.length ? "outsidePatternMatchesOther" : "outsidePattern",
          data: {
            count: deviation.paths.length,
            group: GROUP_LABELS[group.group],
            groupEn: GROUP_LABELS_EN[group.group],
            actual,
            grade: own.label,
            expected: deviation.expected,
            other: common.map((grade) => grade.label).join(", "),
          },
          path: deviation.paths[0]!,
        });
      }
    });
  },
};
