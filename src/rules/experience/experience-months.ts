import { experienceOf, YEARS_WITH_MONTHS } from "../support/experience.js";
import { offsetsInScalar } from "../support/scalar.js";
import type { Rule } from "../types.js";

/** "09 năm (đủ 108 tháng)": the months restate the years, so they must be twelve times the years. */
export const experienceMonths: Rule = {
  id: "experience-months",
  meta: {
    description: {
      vi: "Khi ghi “N năm (đủ M tháng)”, M phải bằng 12 × N.",
      en: "When written “N năm (đủ M tháng)”, M must equal 12 × N.",
    },
    severity: "error",
    regimes: "all",
    category: "experience",
    source:
      "Cách ghi của các văn bản: “09 năm (đủ 108 tháng)”, “01 năm (đủ 12 tháng)” (004_933b2910f56df9c1.txt L520; 000_a7696d64b2f94493.txt L305)",
    messages: {
      monthsMismatch: {
        vi: "“{text}”: {years} năm là {expected} tháng, không phải {months}.",
        en: "“{text}”: {years} years are {expected} months, not {months}.",
      },
      factsMismatch: {
        vi: "`minMonths` ({months}) không bằng 12 × `minYears` ({years} năm = {expected} tháng).",
        en: "`minMonths` ({months}) is not 12 × `minYears` ({years} years = {expected} months).",
      },
    },
  },
  check(context) {
    const experience = experienceOf(context.position);
    if (!experience) return;
    experience.texts.forEach((text, index) => {
      const path = experience.textPaths[index]!;
      for (const match of text.matchAll(YEARS_WITH_MONTHS)) {
        const years = Number(match[1]);
        const months = Number(match[2]);
        if (months === years * 12) continue;
        context.report({
          messageId: "monthsMismatch",
          data: { text: match[0], years, months, expected: years * 12 },
          path,
          offsets: offsetsInScalar(context.text, path, match[0]),
        });
      }
    });
    const facts = experience.facts;
    if (
      facts?.minYears !== undefined &&
      facts.minMonths !== undefined &&
      facts.minMonths !== facts.minYears * 12
    )
      context.report({
        messageId: "factsMismatch",
        data: { months: facts.minMonths, years: facts.minYears, expected: facts.minYears * 12 },
        path: [...experience.path, "facts", "minMonths"],
      });
  },
};
