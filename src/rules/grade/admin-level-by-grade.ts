import type { AdminLevel } from "../data.js";
import { gradeData } from "../data.js";
import { declaredGrades, positionGrade } from "../support/grade.js";
import type { Rule } from "../types.js";

const LABELS: Record<AdminLevel, string> = {
  "trung-uong": "cấp trung ương",
  tinh: "cấp tỉnh",
  huyen: "cấp huyện",
  xa: "cấp xã",
};

/**
 * The catalogue of TT 02/2023 uses a grade only at some levels: chuyên viên cao cấp at the centre, chuyên viên
 * chính also in provinces, chuyên viên also in districts. QĐ 4135 has no chuyên viên cao cấp in districts.
 * A pattern of the catalogues, reported as a warning.
 */
export const adminLevelByGrade: Rule = {
  id: "admin-level-by-grade",
  meta: {
    description: {
      vi: "Các cấp áp dụng (`adminLevels`) phù hợp với ngạch theo danh mục (chuyên viên cao cấp: trung ương; chuyên viên chính: + tỉnh; chuyên viên: + huyện).",
      en: "The levels a position is used at (`adminLevels`) fit its grade as the catalogue sets them.",
    },
    severity: "warning",
    regimes: ["cc-nd62", "dang-qd4135"],
    category: "grade",
    pattern: true,
    source:
      "Thông tư 02/2023/TT-VPCP Phụ lục I (000_a7696d64b2f94493.txt L62–L151); Quyết định 4135-QĐ/BTCTW, Ghi chú của danh mục (001_1e3cb0e3f3dd4d5e.txt L231–L232)",
    messages: {
      levelNotForGrade: {
        vi: "Ngạch {grade} không dùng ở {level} theo danh mục; các cấp của ngạch này: {allowed}.",
        en: "Grade {grade} is not used at {level} in the catalogue; its levels: {allowed}.",
      },
    },
  },
  check(context) {
    const levels = context.position.adminLevels;
    const table = gradeData().adminLevels[context.regime];
    if (!levels?.length || !table) return;
    const grades = declaredGrades(context.position).flatMap((grade) => (grade.entry ? [grade.entry] : []));
    const single = grades.length ? undefined : positionGrade(context.position);
    const all = single ? [single] : grades;
    if (!all.length) return;
    const allowed = new Set(all.flatMap((grade) => table.byTier[grade.tier] ?? []));
    if (!allowed.size) return;
    levels.forEach((level, index) => {
      if (allowed.has(level)) return;
      context.report({
        messageId: "levelNotForGrade",
        data: {
          grade: all.map((grade) => grade.name).join(" hoặc "),
          level: LABELS[level],
          allowed: [...allowed].map((entry) => LABELS[entry]).join(", "),
        },
        path: ["adminLevels", index],
      });
    });
  },
};
