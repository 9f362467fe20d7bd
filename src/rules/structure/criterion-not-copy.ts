import { comparisonKey, excerpt, items } from "../support/text.js";
import type { Rule } from "../types.js";
import { OTHER_DUTIES } from "./task-criterion-required.js";

/**
 * A criterion that repeats the task, or the expected outcome, measures nothing; a "công việc cụ thể" that
 * repeats the task area adds nothing. Both are copy slips of the published documents.
 */
export const criterionNotCopy: Rule = {
  id: "criterion-not-copy",
  meta: {
    description: {
      vi: "Tiêu chí đánh giá không chép lại nhiệm vụ hay kết quả đầu ra; công việc cụ thể không chép lại tên nhiệm vụ.",
      en: "A criterion does not repeat the task or the expected outcome; the concrete work does not repeat the task area.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Mẫu biểu: các cột nhiệm vụ, công việc cụ thể, kết quả đầu ra và tiêu chí là các nội dung khác nhau (GUIDE.md §c, §e.21)",
    messages: {
      criterionCopies: {
        vi: "Tiêu chí đánh giá của nhiệm vụ {code} chép lại {column}: “{text}”. Tiêu chí phải nói công việc được đánh giá là hoàn thành khi nào.",
        en: "The criterion of task {code} repeats {column}: “{text}”. A criterion says when the work counts as done.",
      },
      workCopiesArea: {
        vi: "Công việc cụ thể của nhiệm vụ {code} chép lại tên nhiệm vụ: “{text}”.",
        en: "The concrete work of task {code} repeats the task area: “{text}”.",
      },
    },
  },
  check(context) {
    (context.position.tasks ?? []).forEach((task, index) => {
      const code = task.code ?? `#${index + 1}`;
      const area = items(task.area);
      if ([...area, ...items(task.work)].some((text) => OTHER_DUTIES.test(text))) return;
      const keysOf = (texts: string[]) => new Set(texts.map(comparisonKey));
      const columns: Array<[string, Set<string>]> = [
        ["nhiệm vụ", keysOf(area)],
        ["công việc cụ thể", keysOf(items(task.work))],
        ["kết quả đầu ra", keysOf(items(task.outcomes))],
      ];
      const criteria = items(task.criteria);
      criteria.forEach((criterion, criterionIndex) => {
        const key = comparisonKey(criterion);
        if (!key) return;
        const copied = columns.find(([, keys]) => keys.has(key));
        if (!copied) return;
        context.report({
          messageId: "criterionCopies",
          data: { code, column: copied[0], text: excerpt(criterion) },
          path: Array.isArray(task.criteria)
            ? ["tasks", index, "criteria", criterionIndex]
            : ["tasks", index, "criteria"],
        });
      });
      const areaKeys = new Set(area.map(comparisonKey).filter(Boolean));
      items(task.work).forEach((work, workIndex) => {
        if (!areaKeys.has(comparisonKey(work))) return;
        context.report({
          messageId: "workCopiesArea",
          data: { code, text: excerpt(work) },
          path: Array.isArray(task.work) ? ["tasks", index, "work", workIndex] : ["tasks", index, "work"],
        });
      });
    });
  },
};
