import { experienceData } from "../data.js";
import { experienceOf, YEARS } from "../support/experience.js";
import type { Rule } from "../types.js";

/**
 * NĐ 232/2026 (viên chức) describes experience by the kind of work done and the role held, "không quy định
 * cứng số năm kinh nghiệm, trừ trường hợp pháp luật chuyên ngành có quy định"; for công chức NĐ 170/2025
 * abolished the grade exams and their year counts. A number of years needs the sector law that requires it.
 */
export const experienceNoHardYears: Rule = {
  id: "experience-no-hard-years",
  meta: {
    description: {
      vi: "Không ghi cứng số năm kinh nghiệm, trừ khi pháp luật chuyên ngành quy định (ghi căn cứ vào `facts.specializedLawBasis`).",
      en: "Experience is not a hard-coded number of years unless a sector law requires it (cite it in `facts.specializedLawBasis`).",
    },
    severity: "warning",
    regimes: ["vc-nd232", "cc-nd361"],
    category: "experience",
    source:
      "Nghị định 232/2026/NĐ-CP Phụ lục IV Phần A mục II.7, Phần B mục IX; Nghị định 170/2025/NĐ-CP Điều 23–24 (data/rules/experience.yaml)",
    messages: {
      hardYears: {
        vi: "Yêu cầu kinh nghiệm ghi cứng {years} năm mà không nêu căn cứ pháp luật chuyên ngành. Theo {regime}, hãy mô tả loại nhiệm vụ đã thực hiện, mức độ chủ trì; hoặc ghi căn cứ vào `facts.specializedLawBasis`.",
        en: "Experience hard-codes {years} years without citing a sector law. Under {regime}, describe the kind of work done and the role held, or cite the law in `facts.specializedLawBasis`.",
      },
    },
  },
  check(context) {
    const experience = experienceOf(context.position);
    if (!experience || experience.facts?.specializedLawBasis?.trim()) return;
    const stated = [...experience.texts.join(" ").matchAll(YEARS)].map((match) => match[1]!);
    const years = experience.facts?.minYears !== undefined ? String(experience.facts.minYears) : stated[0];
    if (years === undefined) return;
    const regimes = experienceData().noHardYears;
    if (!regimes.regimes.includes(context.regime)) return;
    context.report({
      messageId: "hardYears",
      data: { years, regime: context.regime },
      path:
        experience.facts?.minYears !== undefined
          ? [...experience.path, "facts", "minYears"]
          : experience.textPath,
    });
  },
};
