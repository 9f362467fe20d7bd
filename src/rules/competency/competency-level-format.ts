import type { PathSegment } from "../../lint/finding.js";
import { replaceNodeFix } from "../support/scalar.js";
import type { Rule, RuleContext } from "../types.js";

const DASHED = /^\s*([1-5])\s*[-–—−]\s*([1-5])\s*$/u;

function reportString(context: RuleContext, level: string, path: PathSegment[]): void {
  const single = /^\s*([1-5])\s*$/.exec(level);
  if (single) {
    const value = Number(single[1]);
    context.report({
      messageId: "numberAsText",
      data: { level, value },
      path,
      fix: replaceNodeFix(context.text, path, String(value), value, `${level} → ${value}`),
    });
    return;
  }
  const dashed = DASHED.exec(level);
  if (!dashed) {
    context.report({ messageId: "unreadable", data: { level }, path });
    return;
  }
  const min = Number(dashed[1]);
  const max = Number(dashed[2]);
  if (min > max) {
    context.report({
      messageId: "reversed",
      data: { level, min, max },
      path,
      suggestions: [`${max}-${min}`],
    });
    return;
  }
  if (min === max) {
    context.report({
      messageId: "degenerate",
      data: { level, value: min },
      path,
      fix: replaceNodeFix(context.text, path, String(min), min, `${level} → ${min}`),
    });
    return;
  }
  const canonical = `${min}-${max}`;
  if (canonical === level) return;
  context.report({
    messageId: "dash",
    data: { level, canonical },
    path,
    fix: replaceNodeFix(context.text, path, `"${canonical}"`, canonical, `${level} → ${canonical}`),
  });
}

/**
 * A level is 1–5, or a range "a-b" with a < b written with an ASCII hyphen. An en dash ("4–5"), spaces, a
 * reversed range ("5-3"), a one-point range ("4-4") or a number in quotes are slips a reader may misread and a
 * program cannot compare.
 */
export const competencyLevelFormat: Rule = {
  id: "competency-level-format",
  meta: {
    description: {
      vi: "Cấp độ năng lực là một số từ 1 đến 5, hoặc một khoảng “a-b” với a < b viết bằng dấu gạch nối.",
      en: "A competency level is a number from 1 to 5, or a range “a-b” with a < b written with a hyphen.",
    },
    severity: "error",
    regimes: "all",
    category: "competency",
    source:
      "Khung năng lực của các mẫu biểu: cấp độ 1–5, khoảng “4-5” (000_a7696d64b2f94493.txt L326–L399; 002_04aa76548196e8dd.txt L104–L122)",
    fixable: true,
    messages: {
      dash: {
        vi: "Khoảng cấp độ “{level}” phải viết “{canonical}” (dấu gạch nối, không dấu cách).",
        en: "Level range “{level}” must be written “{canonical}” (a hyphen, no spaces).",
      },
      reversed: {
        vi: "Khoảng cấp độ “{level}” ngược: cấp thấp ({max}) phải đứng trước cấp cao ({min}).",
        en: "Level range “{level}” is reversed: the lower level ({max}) comes first.",
      },
      degenerate: {
        vi: "Khoảng cấp độ “{level}” chỉ có một cấp: viết {value}.",
        en: "Level range “{level}” has a single level: write {value}.",
      },
      numberAsText: {
        vi: "Cấp độ “{level}” viết trong dấu nháy: viết số {value}.",
        en: "Level “{level}” is quoted: write the number {value}.",
      },
      unreadable: {
        vi: 'Cấp độ “{level}” không đọc được: dùng một số 1–5, một khoảng như "2-3", hoặc {text: …} cho yêu cầu bằng lời.',
        en: 'Level “{level}” cannot be read: use a number 1–5, a range such as "2-3", or {text: …} for a requirement in words.',
      },
    },
  },
  check(context) {
    (context.position.competencies?.groups ?? []).forEach((group, groupIndex) => {
      group.items.forEach((item, itemIndex) => {
        const path: PathSegment[] = ["competencies", "groups", groupIndex, "items", itemIndex, "level"];
        const level: unknown = item.level;
        if (typeof level === "string") reportString(context, level, path);
        else if (level && typeof level === "object" && "min" in level && "max" in level) {
          const { min, max } = level as { min: number; max: number };
          if (min > max)
            context.report({ messageId: "reversed", data: { level: `${min}-${max}`, min, max }, path });
          else if (min === max)
            context.report({ messageId: "degenerate", data: { level: `${min}-${max}`, value: min }, path });
        }
      });
    });
  },
};
