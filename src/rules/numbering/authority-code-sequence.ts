import type { PathSegment } from "../../lint/finding.js";
import { formRules } from "../data.js";
import { checkNumbering, type NumberedRow } from "../support/numbering.js";
import type { Rule } from "../types.js";
import { numberingMessages, reportNumbering } from "./report-numbering.js";

/**
 * Rights are numbered 4.1, 4.2 … (section 4), 1, 2 … (PL1.1), or in groups 1 / 1.1, 1.2 … (the 2026 commune
 * form). Numbering them like the tasks lets a decision cite "quyền hạn 4.3".
 */
export const authorityCodeSequence: Rule = {
  id: "authority-code-sequence",
  meta: {
    description: {
      vi: "Số thứ tự của các quyền hạn (và nhóm quyền hạn) đúng dạng, không lặp, không thiếu, đúng thứ tự.",
      en: "Authority numbers (and group numbers) are well formed, without repeats, gaps or disorder.",
    },
    severity: "error",
    regimes: "all",
    category: "numbering",
    source:
      "Mẫu biểu, bảng “TT | Quyền hạn cụ thể” (GUIDE.md §c); nhóm quyền hạn của mẫu cấp xã 2026 (002_04aa76548196e8dd.txt L59–L74)",
    messages: numberingMessages,
  },
  check(context) {
    const authority = context.position.authority ?? [];
    const rules = formRules(context.form.id)?.authorityCodes;
    const first = authority.find((item) => item.code?.trim())?.code?.trim();
    const grouped = authority.some((item) => item.items?.length);
    const prefix = grouped ? "" : (rules?.prefix ?? (first?.includes(".") ? first.split(".")[0]! : ""));
    const rows: NumberedRow[] = authority.map((item, index) => ({
      code: item.code,
      path: ["authority", index],
    }));
    for (const problem of checkNumbering(rows, prefix)) reportNumbering(context, problem);
    authority.forEach((group, groupIndex) => {
      const groupCode = group.code?.trim().replace(/\.$/, "");
      if (!group.items?.length || !groupCode) return;
      const children: NumberedRow[] = group.items.map((item, index) => ({
        code: item.code,
        path: ["authority", groupIndex, "items", index] as PathSegment[],
      }));
      for (const problem of checkNumbering(children, groupCode)) reportNumbering(context, problem);
    });
  },
};
