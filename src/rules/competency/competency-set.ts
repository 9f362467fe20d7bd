import type { PathSegment } from "../../lint/finding.js";
import type { CompetencyGroupId } from "../../model/types.js";
import { didYouMean } from "../../util/similar.js";
import { competencyData } from "../data.js";
import { cleanCompetencyName, competencyKey, matchCompetency } from "../support/competency.js";
import { scalarFix } from "../support/scalar.js";
import type { Rule, RuleContext } from "../types.js";

const GROUP_LABELS: Record<CompetencyGroupId, string> = {
  chung: "Nhóm năng lực chung",
  "chuyen-mon": "Nhóm năng lực chuyên môn",
  "quan-ly": "Nhóm năng lực quản lý",
};

const suggestions = new Map<string, string | undefined>();

/**
 * The catalogue name an unknown name most resembles, in its group first, then in the whole catalogue.
 * Remembered per form, group and name: the same misspelling recurs across an agency's files, and each guess
 * compares it with every name of the catalogue.
 */
function suggestionFor(
  form: string,
  group: CompetencyGroupId,
  clean: string,
  names: readonly string[] | undefined,
  groups: Partial<Record<CompetencyGroupId, string[]>>,
): string | undefined {
  const key = `${form}\0${group}\0${clean}`;
  if (suggestions.has(key)) return suggestions.get(key);
  const all = Object.values(groups).flat();
  const suggestion = didYouMean(clean, names ?? all) ?? didYouMean(clean, all);
  if (suggestions.size >= 5_000) suggestions.clear();
  suggestions.set(key, suggestion);
  return suggestion;
}

/** One finding per group for list marks and stray punctuation, with one fix for all of them. */
function reportNoise(
  context: RuleContext,
  noisy: ReadonlyArray<{ name: string; clean: string; path: PathSegment[] }>,
): void {
  if (!noisy.length) return;
  const fixes = noisy.map((entry) =>
    scalarFix(context.text, entry.path, [[entry.name, entry.clean]], entry.clean, ""),
  );
  const edits = fixes.every((fix) => fix !== undefined) ? fixes.flatMap((fix) => fix!.edits) : [];
  context.report({
    messageId: noisy.length === 1 ? "nameNoise" : "namesNoise",
    data: { name: noisy[0]!.name, clean: noisy[0]!.clean, count: noisy.length },
    path: noisy[0]!.path,
    fix: edits.length ? { description: "− list marks, punctuation", edits } : undefined,
  });
}

/**
 * Each form has its catalogue of competencies: 7 general, 5 professional (4 in QĐ 302/2025), 5 management,
 * with fixed names. A name outside the catalogue is a typo, a renamed or merged competency; a missing one is
 * a requirement nobody set.
 */
export const competencySet: Rule = {
  id: "competency-set",
  meta: {
    description: {
      vi: "Khung năng lực có đúng các nhóm và các năng lực trong danh mục của mẫu biểu, tên viết như danh mục.",
      en: "The framework has the form's groups and the competencies of its catalogue, named as in the catalogue.",
    },
    severity: "warning",
    regimes: "all",
    category: "competency",
    source:
      "Danh mục năng lực của từng mẫu biểu (data/rules/competencies.yaml; số năng lực mỗi nhóm: data/forms.yaml); Thông tư 07/2023/TT-BCT Điều 5 khoản 2b",
    fixable: true,
    messages: {
      unknownName: {
        vi: "Năng lực “{name}” không có trong danh mục {group} của mẫu biểu {form}.",
        en: "Competency “{name}” is not in the {group} catalogue of form {form}.",
      },
      unknownNameGuess: {
        vi: "Năng lực “{name}” không có trong danh mục {group} của mẫu biểu {form}. Có phải “{suggestion}”?",
        en: "Competency “{name}” is not in the {group} catalogue of form {form}. Did you mean “{suggestion}”?",
      },
      aliasName: {
        vi: "“{name}” là cách gọi khác của năng lực “{canonical}” trong danh mục.",
        en: "“{name}” is another name for the catalogue's competency “{canonical}”.",
      },
      nameNoise: {
        vi: "Tên năng lực có ký hiệu đầu dòng hoặc dấu câu thừa: “{name}” → “{clean}”.",
        en: "The competency name carries a list mark or stray punctuation: “{name}” → “{clean}”.",
      },
      namesNoise: {
        vi: "{count} tên năng lực trong nhóm có ký hiệu đầu dòng hoặc dấu câu thừa, như “{name}” → “{clean}”.",
        en: "{count} competency names of the group carry list marks or stray punctuation, such as “{name}” → “{clean}”.",
      },
      wrongGroup: {
        vi: "Năng lực “{name}” thuộc {expected}, không thuộc {actual}.",
        en: "Competency “{name}” belongs to {expected}, not {actual}.",
      },
      duplicateName: {
        vi: "Năng lực “{name}” đã có trong nhóm.",
        en: "Competency “{name}” is already in the group.",
      },
      missingName: {
        vi: "{group} thiếu năng lực “{name}” của danh mục.",
        en: "{group} lacks the catalogue competency “{name}”.",
      },
      missingGroup: {
        vi: "Khung năng lực thiếu {group} ({count} năng lực) của mẫu biểu {form}.",
        en: "The framework lacks the {group} ({count} competencies) of form {form}.",
      },
      groupSize: {
        vi: "{group} có {actual} năng lực; mẫu biểu {form} có {expected}.",
        en: "{group} has {actual} competencies; form {form} has {expected}.",
      },
    },
  },
  check(context) {
    const competencies = context.position.competencies;
    if (!competencies) return;
    const form = context.form.id;
    const catalogue = competencyData().catalogues[form];
    const sizes = context.form.competencyGroups ?? {};
    const expectedGroups = new Set<CompetencyGroupId>([
      ...(Object.keys(sizes) as CompetencyGroupId[]),
      ...(Object.keys(catalogue?.groups ?? {}) as CompetencyGroupId[]),
    ]);
    for (const group of expectedGroups) {
      if (competencies.groups.some((entry) => entry.group === group)) continue;
      context.report({
        messageId: "missingGroup",
        data: {
          group: GROUP_LABELS[group],
          count: sizes[group] ?? catalogue?.groups[group]?.length ?? "",
          form,
        },
        path: ["competencies", "groups"],
        key: true,
      });
    }
    competencies.groups.forEach((group, groupIndex) => {
      const groupPath: PathSegment[] = ["competencies", "groups", groupIndex];
      const label = GROUP_LABELS[group.group];
      const names = catalogue?.groups[group.group];
      const present = new Set<string>();
      const noisy: Array<{ name: string; clean: string; path: PathSegment[] }> = [];
      group.items.forEach((item, itemIndex) => {
        const namePath: PathSegment[] = [...groupPath, "items", itemIndex, "name"];
        const clean = cleanCompetencyName(item.name);
        if (clean !== item.name.trim().replace(/\s+/g, " "))
          noisy.push({ name: item.name, clean, path: namePath });
        if (!catalogue) return;
        const match = matchCompetency(form, item.name);
        if (!match) {
          const suggestion = suggestionFor(form, group.group, clean, names, catalogue.groups);
          // A misspelt name stands for the competency it resembles: do not report that one missing as well.
          if (suggestion && names?.includes(suggestion)) present.add(competencyKey(suggestion));
          context.report({
            messageId: suggestion ? "unknownNameGuess" : "unknownName",
            data: { name: clean, group: label, form, suggestion },
            path: namePath,
            suggestions: suggestion ? [suggestion] : undefined,
          });
          return;
        }
        if (match.viaAlias)
          context.report({
            messageId: "aliasName",
            data: { name: clean, canonical: match.name },
            path: namePath,
            suggestions: [match.name],
          });
        if (match.group !== group.group)
          context.report({
            messageId: "wrongGroup",
            data: { name: clean, expected: GROUP_LABELS[match.group], actual: label },
            path: namePath,
          });
        const key = competencyKey(match.name);
        if (present.has(key))
          context.report({ messageId: "duplicateName", data: { name: clean }, path: namePath });
        present.add(key);
      });
      reportNoise(context, noisy);
      if (names) {
        for (const name of names)
          if (!present.has(competencyKey(name)))
            context.report({ messageId: "missingName", data: { group: label, name }, path: groupPath });
      } else {
        const expected = sizes[group.group];
        if (expected !== undefined && group.items.length !== expected)
          context.report({
            messageId: "groupSize",
            data: { group: label, actual: group.items.length, expected, form },
            path: groupPath,
          });
      }
    });
  },
};
