/** Messages shared by the numbering rules, and how a numbering problem becomes a report. */
import type { Localized } from "../../i18n/index.js";
import type { NumberingProblem } from "../support/numbering.js";
import type { RuleContext } from "../types.js";

export const numberingMessages: Record<string, Localized> = {
  malformed: {
    vi: "Số thứ tự “{code}” sai dạng.",
    en: "Number “{code}” is malformed.",
  },
  malformedGuess: {
    vi: "Số thứ tự “{code}” sai dạng; có phải là “{suggestion}”?",
    en: "Number “{code}” is malformed; did you mean “{suggestion}”?",
  },
  missing: {
    vi: "Dòng này không có số thứ tự; theo thứ tự phải là “{expected}”.",
    en: "This row has no number; in sequence it would be “{expected}”.",
  },
  duplicate: {
    vi: "Số thứ tự “{code}” bị lặp: đã dùng cho một dòng trước.",
    en: "Number “{code}” is repeated: an earlier row already has it.",
  },
  order: {
    vi: "Số thứ tự “{code}” đứng sau “{previous}”: sai thứ tự.",
    en: "Number “{code}” comes after “{previous}”: out of order.",
  },
  gap: {
    vi: "Số thứ tự nhảy tới “{code}”: thiếu {missing}.",
    en: "Numbering jumps to “{code}”: {missing} missing.",
  },
  gapLong: {
    vi: "Số thứ tự nhảy tới “{code}”: thiếu {count} số, từ “{first}” đến “{last}”.",
    en: "Numbering jumps to “{code}”: {count} numbers missing, “{first}” to “{last}”.",
  },
};

export function reportNumbering(context: RuleContext, problem: NumberingProblem, codeKey = "code"): void {
  const path = [...problem.row.path, ...(problem.kind === "missing" ? [] : [codeKey])];
  switch (problem.kind) {
    case "malformed":
      context.report({
        messageId: problem.suggestion ? "malformedGuess" : "malformed",
        data: { code: problem.code, suggestion: problem.suggestion },
        path,
        suggestions: problem.suggestion ? [problem.suggestion] : undefined,
      });
      return;
    case "missing":
      context.report({ messageId: "missing", data: { expected: problem.expected }, path });
      return;
    case "duplicate":
      context.report({ messageId: "duplicate", data: { code: problem.code }, path });
      return;
    case "order":
      context.report({ messageId: "order", data: { code: problem.code, previous: problem.previous }, path });
      return;
    case "gap":
      if (problem.count > problem.missing.length)
        context.report({
          messageId: "gapLong",
          data: {
            code: problem.code,
            count: problem.count,
            first: problem.missing[0],
            last: problem.missing.at(-1),
          },
          path,
        });
      else
        context.report({
          messageId: "gap",
          data: { code: problem.code, missing: problem.missing.map((code) => `“${code}”`).join(", ") },
          path,
        });
  }
}
