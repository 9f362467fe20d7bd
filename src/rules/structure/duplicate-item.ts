import type { PathSegment } from "../../lint/finding.js";
import { comparisonKey, excerpt, items, stringLists } from "../support/text.js";
import type { Rule } from "../types.js";

function describe(path: readonly PathSegment[]): string {
  return path
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${segment}`))
    .join("")
    .slice(1);
}

/**
 * A bullet printed twice in one cell, or one concrete work item listed under two tasks, is a copy slip; the
 * duplicate either hides a missing item or double-counts work.
 */
export const duplicateItem: Rule = {
  id: "duplicate-item",
  meta: {
    description: {
      vi: "Một ý không lặp lại trong cùng một ô, và một công việc cụ thể không nằm dưới hai nhiệm vụ.",
      en: "An item is not repeated within one cell, and a concrete work item is not listed under two tasks.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Chất lượng văn bản (GUIDE.md §e.24); ví dụ 001_1e3cb0e3f3dd4d5e.txt L7463 = L7469, 004_933b2910f56df9c1.txt L251/L255/L256",
    messages: {
      repeatedInList: {
        vi: "Ý “{text}” lặp lại ý thứ {first} của cùng danh sách.",
        en: "Item “{text}” repeats item {first} of the same list.",
      },
      workUnderTwoTasks: {
        vi: "Công việc “{text}” đã có ở nhiệm vụ {other}.",
        en: "Work item “{text}” is already listed under task {other}.",
      },
    },
  },
  check(context) {
    for (const list of stringLists(context.position)) {
      const firstIndex = new Map<string, number>();
      list.items.forEach((item, index) => {
        const key = comparisonKey(item);
        if (key.length < 3) return;
        const first = firstIndex.get(key);
        if (first === undefined) {
          firstIndex.set(key, index);
          return;
        }
        context.report({
          messageId: "repeatedInList",
          data: { text: excerpt(item), first: first + 1, list: describe(list.path) },
          path: [...list.path, index],
        });
      });
    }
    const owner = new Map<string, string>();
    (context.position.tasks ?? []).forEach((task, taskIndex) => {
      const code = task.code ?? `#${taskIndex + 1}`;
      const seenHere = new Set<string>();
      items(task.work).forEach((work, workIndex) => {
        const key = comparisonKey(work);
        if (key.length < 3 || seenHere.has(key)) return;
        seenHere.add(key);
        const other = owner.get(key);
        if (other === undefined) {
          owner.set(key, code);
          return;
        }
        context.report({
          messageId: "workUnderTwoTasks",
          data: { text: excerpt(work), other },
          path: Array.isArray(task.work)
            ? ["tasks", taskIndex, "work", workIndex]
            : ["tasks", taskIndex, "work"],
        });
      });
    });
  },
};
