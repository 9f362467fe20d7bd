import { formRules } from "../data.js";
import { checkNumbering } from "../support/numbering.js";
import { isBlank } from "../support/text.js";
import type { Rule } from "../types.js";
import { numberingMessages, reportNumbering } from "./report-numbering.js";

/**
 * Tasks are numbered 2.1, 2.2 … (section 2 of the form) or 1, 2 … (forms whose task table stands alone).
 * The published documents reuse numbers (2.4 and 2.5 twice), skip them (2.2, 2.2, 2.6) and print "22" for
 * "2.2"; a reader cannot cite a task whose number is wrong.
 */
export const taskCodeSequence: Rule = {
  id: "task-code-sequence",
  meta: {
    description: {
      vi: "Số thứ tự của các nhiệm vụ đúng dạng của mẫu biểu, không lặp, không thiếu, đúng thứ tự.",
      en: "Task numbers follow the form's style, without repeats, gaps or disorder.",
    },
    severity: "error",
    regimes: "all",
    category: "numbering",
    source:
      "Mẫu biểu, cột “TT” của bảng công việc (GUIDE.md §c); ví dụ 001_1e3cb0e3f3dd4d5e.txt L1358/L1363, L6973 “22”, L7971–L7986",
    messages: numberingMessages,
  },
  check(context) {
    const tasks = context.position.tasks ?? [];
    const first = tasks.find((task) => task.code?.trim())?.code?.trim();
    const prefix =
      formRules(context.form.id)?.taskCodes.prefix ?? (first?.includes(".") ? first.split(".")[0]! : "");
    const rows = tasks.map((task, index) => ({
      code: task.code,
      path: ["tasks", index],
      continuation: !task.code?.trim() && isBlank(task.area),
    }));
    for (const problem of checkNumbering(rows, prefix)) reportNumbering(context, problem);
  },
};
