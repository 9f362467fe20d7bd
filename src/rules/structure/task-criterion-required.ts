import { isBlank } from "../support/text.js";
import type { Rule } from "../types.js";

/**
 * "Thực hiện các nhiệm vụ khác do cấp trên phân công/giao", "… các ý kiến chỉ đạo khác của Lãnh đạo": the
 * catch-all row has no criterion by design.
 */
export const OTHER_DUTIES = /nhiệm vụ khác|công việc khác|chỉ đạo khác/iu;

/**
 * Every task is judged by its completion criterion ("Tiêu chí đánh giá hoàn thành công việc"); a task row
 * without one cannot be evaluated. The catch-all "nhiệm vụ khác" row is the only exception in the models.
 */
export const taskCriterionRequired: Rule = {
  id: "task-criterion-required",
  meta: {
    description: {
      vi: "Mỗi nhiệm vụ (trừ dòng “nhiệm vụ khác do cấp trên phân công”) phải có tiêu chí đánh giá hoàn thành.",
      en: "Every task (except the “other duties assigned by superiors” row) must have a completion criterion.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Mẫu biểu: cột “Tiêu chí đánh giá hoàn thành công việc” (GUIDE.md §c); Nghị định 232/2026/NĐ-CP Phụ lục IV (tiêu chí đánh giá cho từng công việc)",
    messages: {
      missingCriterion: {
        vi: "Nhiệm vụ {code} chưa có tiêu chí đánh giá hoàn thành công việc (`criteria`).",
        en: "Task {code} has no completion criterion (`criteria`).",
      },
    },
  },
  check(context) {
    const tasks = context.position.tasks ?? [];
    tasks.forEach((task, index) => {
      if (!isBlank(task.criteria)) return;
      const texts = [task.area, task.work].flatMap((value) =>
        Array.isArray(value) ? value : value ? [value] : [],
      );
      if (texts.some((text) => OTHER_DUTIES.test(text))) return;
      if (isBlank(task.area) && isBlank(task.work) && isBlank(task.outcomes)) return;
      context.report({
        messageId: "missingCriterion",
        data: { code: task.code ?? `#${index + 1}` },
        path: ["tasks", index],
      });
    });
  },
};
