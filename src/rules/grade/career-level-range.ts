import type { Rule } from "../types.js";

/**
 * NĐ 232/2026 gives each position a range of bậc nghề nghiệp (1–5): the rows of the work table and of the
 * professional-competency table can only use bậc inside it, a professional level is "không thấp hơn bậc nghề
 * nghiệp được bố trí", and the management part (mục IV) belongs to "Quản lý" positions only.
 */
export const careerLevelRange: Rule = {
  id: "career-level-range",
  meta: {
    description: {
      vi: "Bậc nghề nghiệp dùng trong bản mô tả nằm trong khoảng bậc của vị trí; cấp độ chuyên môn không thấp hơn bậc; phần quản lý chỉ cho vị trí quản lý.",
      en: "Career levels used lie within the position's range; a professional level is not below its career level; the management part is for management positions only.",
    },
    severity: "error",
    regimes: ["vc-nd232"],
    category: "grade",
    source: "Nghị định 232/2026/NĐ-CP Điều 7, Điều 8 và Phụ lục IV Phần B mục I.3, III, IV, VI.2",
    messages: {
      reversedRange: {
        vi: "Khoảng bậc nghề nghiệp ngược: bậc {min} đến bậc {max}.",
        en: "The career-level range is reversed: {min} to {max}.",
      },
      outsideRange: {
        vi: "Bậc {level} nằm ngoài khoảng bậc của vị trí ({min}–{max}).",
        en: "Career level {level} is outside the position's range ({min}–{max}).",
      },
      levelBelowCareer: {
        vi: "Cấp độ chuyên môn {level} thấp hơn bậc nghề nghiệp {career} được áp dụng; cấp độ không được thấp hơn bậc.",
        en: "Professional level {level} is below the career level {career} it applies to.",
      },
      managementOnly: {
        vi: "Vị trí thuộc nhóm “{category}” nhưng có {part} dành cho vị trí quản lý.",
        en: "The position is in group “{category}” but has the {part} of management positions.",
      },
      managementMissing: {
        vi: "Vị trí quản lý phải có các công việc quản lý (mục IV, `category: quan-ly` trong `tasks`).",
        en: "A management position must have management tasks (part IV, `category: quan-ly` in `tasks`).",
      },
    },
  },
  check(context) {
    const { position } = context;
    const range = position.careerLevels;
    if (range && range.min > range.max)
      context.report({ messageId: "reversedRange", data: range, path: ["careerLevels"] });
    const inside = (level: number): boolean =>
      !range || range.min > range.max || (level >= range.min && level <= range.max);
    (position.tasks ?? []).forEach((task, index) => {
      if (task.careerLevel !== undefined && !inside(task.careerLevel))
        context.report({
          messageId: "outsideRange",
          data: { level: task.careerLevel, min: range!.min, max: range!.max },
          path: ["tasks", index, "careerLevel"],
        });
    });
    (position.competencies?.professionalByLevel ?? []).forEach((row, rowIndex) => {
      (row.careerLevels ?? []).forEach((career, careerIndex) => {
        const path = ["competencies", "professionalByLevel", rowIndex, "careerLevels", careerIndex];
        if (!inside(career))
          context.report({
            messageId: "outsideRange",
            data: { level: career, min: range!.min, max: range!.max },
            path,
          });
        if (row.level < career)
          context.report({ messageId: "levelBelowCareer", data: { level: row.level, career }, path });
      });
    });
    if (!position.category) return;
    const management = position.category === "quan-ly";
    const managementTasks = (position.tasks ?? []).some((task) => task.category === "quan-ly");
    const managementGroup = (position.competencies?.groups ?? []).some((group) => group.group === "quan-ly");
    if (management && !managementTasks && position.tasks?.length)
      context.report({ messageId: "managementMissing", path: ["tasks"], key: true });
    if (!management && managementTasks)
      context.report({
        messageId: "managementOnly",
        data: { category: position.category, part: "công việc quản lý (mục IV)" },
        path: ["tasks"],
        key: true,
      });
    if (!management && managementGroup)
      context.report({
        messageId: "managementOnly",
        data: { category: position.category, part: "năng lực quản lý (mục VI.3)" },
        path: ["competencies"],
        key: true,
      });
  },
};
