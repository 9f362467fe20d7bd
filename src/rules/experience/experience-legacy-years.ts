import { experienceData } from "../data.js";
import { effectiveFacts, experienceOf } from "../support/experience.js";
import { positionGrade } from "../support/grade.js";
import { isBlank } from "../support/text.js";
import type { Rule } from "../types.js";

/**
 * Under the legacy civil-service rules a chuyên viên chính needs 9 years as chuyên viên (probation not
 * counted, at least 12 months in the chuyên viên grade itself if equivalent time is counted) and a chuyên viên
 * cao cấp 6 years as chuyên viên chính (at least 12 months in the grade itself). TT 02/2023 writes exactly this
 * into its model descriptions; an agency's description that asks for less, or drops a clause, departs from
 * the standard. Only for cc-nd62: NĐ 170/2025 abolished these year counts from 1/7/2025.
 */
export const experienceLegacyYears: Rule = {
  id: "experience-legacy-years",
  meta: {
    description: {
      vi: "Kinh nghiệm của ngạch chuyên viên chính (09 năm giữ ngạch chuyên viên, không kể tập sự, tối thiểu 12 tháng) và chuyên viên cao cấp (06 năm giữ ngạch chuyên viên chính, tối thiểu 12 tháng).",
      en: "Experience for chuyên viên chính (9 years as chuyên viên, probation excluded, at least 12 months in grade) and chuyên viên cao cấp (6 years as chuyên viên chính, at least 12 months in grade).",
    },
    severity: "warning",
    regimes: ["cc-nd62"],
    category: "experience",
    source:
      "Thông tư 02/2023/TT-VPCP Phụ lục II mục 5.1 (000_a7696d64b2f94493.txt L304, L544, L783); tiêu chuẩn ngạch theo TT 2/2021/TT-BNV; TT 05/2024/TT-BNV Điều 3 (data/rules/experience.yaml)",
    messages: {
      tooFewYears: {
        vi: "Ngạch {grade} cần thời gian giữ ngạch {lower} và tương đương từ đủ {required} năm trở lên; văn bản ghi {years} năm.",
        en: "Grade {grade} needs at least {required} years in the {lower} grade or equivalent; the text says {years}.",
      },
      yearsMissing: {
        vi: "Ngạch {grade} cần thời gian giữ ngạch {lower} và tương đương từ đủ {required} năm trở lên; văn bản không nêu số năm.",
        en: "Grade {grade} needs at least {required} years in the {lower} grade or equivalent; the text gives no number of years.",
      },
      probationClause: {
        vi: "Thiếu điều kiện “không kể thời gian tập sự, thử việc” của thời gian giữ ngạch {lower}.",
        en: "Missing the clause “probation not counted” for the time in the {lower} grade.",
      },
      monthsInGrade: {
        vi: "Thiếu điều kiện: nếu có thời gian tương đương thì phải giữ ngạch {lower} tối thiểu 01 năm (đủ {months} tháng).",
        en: "Missing the clause: with equivalent time counted, at least 1 year (12 months) in the {lower} grade itself.",
      },
    },
  },
  check(context) {
    const grade = positionGrade(context.position);
    const rule = grade ? experienceData().legacy.byTier[grade.tier] : undefined;
    const experience = experienceOf(context.position);
    if (!grade || !rule || rule.notRequired || !experience) return;
    if (isBlank(experience.texts) && !experience.facts) return;
    const facts = effectiveFacts(experience);
    const data = {
      grade: grade.name,
      lower: rule.lowerGrade,
      required: rule.minYears,
      months: rule.minMonthsInLowerGrade,
    };
    const path = experience.textPath;
    if (rule.minYears !== undefined) {
      if (facts.minYears === undefined) context.report({ messageId: "yearsMissing", data, path });
      else if (facts.minYears < rule.minYears)
        context.report({ messageId: "tooFewYears", data: { ...data, years: facts.minYears }, path });
    }
    if (rule.excludesProbation && !facts.excludesProbation)
      context.report({ messageId: "probationClause", data, path });
    if (rule.minMonthsInLowerGrade && (facts.minMonthsInGradeIfEquivalent ?? 0) < rule.minMonthsInLowerGrade)
      context.report({ messageId: "monthsInGrade", data, path });
  },
};
