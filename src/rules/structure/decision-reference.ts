import type { PathSegment } from "../../lint/finding.js";
import type { Rule } from "../types.js";

/** "số /QĐ-UBND", "số         /QĐ-SNV": a number slot left empty before the slash. */
const BLANK_NUMBER = /(?:^|số:?)\s*\/\s*[\p{Lu}Đ]/u;
/** "ngày / /2026", "ngày    /     /2022", "ngày … tháng … năm". */
const BLANK_DATE = /ngày\s*(?:\/\s*\/|[.…]+\s*tháng|\s+tháng)|ngày\s*$/u;

/**
 * A description is approved by a numbered, dated decision; the drafts print the frame "Quyết định số /QĐ-UBND
 * ngày / /2026" with the number and date still blank.
 */
export const decisionReference: Rule = {
  id: "decision-reference",
  meta: {
    description: {
      vi: "Số và ngày của văn bản ban hành (phê duyệt) bản mô tả đã được điền.",
      en: "The number and date of the decision issuing (approving) the description are filled in.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Nghị định 30/2020/NĐ-CP Điều 8 (số, ký hiệu; địa danh và thời gian ban hành); ví dụ 002_04aa76548196e8dd.txt L7, 003_bd0bbd630426eb45.txt L5",
    messages: {
      blankNumber: {
        vi: "Số của văn bản ban hành còn để trống: “{text}”.",
        en: "The issuing decision's number is still blank: “{text}”.",
      },
      blankDate: {
        vi: "Ngày của văn bản ban hành còn để trống: “{text}”.",
        en: "The issuing decision's date is still blank: “{text}”.",
      },
    },
  },
  check(context) {
    const { decision, appendix } = context.position;
    const check = (text: string | undefined, path: PathSegment[], number: boolean, date: boolean): void => {
      if (!text) return;
      if (number && BLANK_NUMBER.test(text))
        context.report({ messageId: "blankNumber", data: { text }, path });
      if (date && BLANK_DATE.test(text)) context.report({ messageId: "blankDate", data: { text }, path });
    };
    // The decision's own fields say it once; the "(Kèm theo …)" line is checked only for what they leave out.
    const numberGiven = typeof decision?.number === "string";
    const dateGiven = typeof decision?.date === "string";
    check(decision?.number, ["decision", "number"], true, false);
    if (dateGiven && !/\d{1,2}/.test(decision!.date!.replace(/\d{4}/, "")))
      context.report({ messageId: "blankDate", data: { text: decision!.date }, path: ["decision", "date"] });
    check(appendix?.issuedWith, ["appendix", "issuedWith"], !numberGiven, !dateGiven);
  },
};
