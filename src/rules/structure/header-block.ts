import { formRules, formRulesData } from "../data.js";
import type { Rule } from "../types.js";

const fold = (text: string): string => text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * NĐ 30/2020 puts the issuing agency top left and the Quốc hiệu with its Tiêu ngữ top right; the Party forms
 * print "ĐẢNG CỘNG SẢN VIỆT NAM". TT 02/2023 drops the whole header before five of its twelve descriptions and
 * the Tiêu ngữ before two more.
 */
export const headerBlock: Rule = {
  id: "header-block",
  meta: {
    description: {
      vi: "Phần đầu văn bản có tên cơ quan và Quốc hiệu, Tiêu ngữ (hoặc tiêu đề Đảng) như mẫu biểu.",
      en: "The header has the agency name and the national motto (or the Party header) as the form does.",
    },
    severity: "warning",
    regimes: ["cc-nd62", "dang-qd4135"],
    category: "structure",
    source:
      "Nghị định 30/2020/NĐ-CP, Phụ lục I (Quốc hiệu và Tiêu ngữ, tên cơ quan); mẫu TT 02/2023/TT-VPCP (000_a7696d64b2f94493.txt L158–L163), QĐ 4135-QĐ/BTCTW (001_1e3cb0e3f3dd4d5e.txt L236–L239)",
    messages: {
      missingHeader: {
        vi: "Thiếu phần đầu văn bản (tên cơ quan và {motto}) mà mẫu biểu {form} có.",
        en: "Missing the header (agency name and {motto}) that form {form} has.",
      },
      missingAgencyHeader: {
        vi: "Thiếu phần đầu văn bản (tên cơ quan) mà mẫu biểu {form} có.",
        en: "Missing the header (agency name) that form {form} has.",
      },
      missingAgency: {
        vi: "Phần đầu văn bản thiếu tên cơ quan (`header.agency`).",
        en: "The header lacks the agency name (`header.agency`).",
      },
      wrongMotto: {
        vi: "Mẫu biểu {form} dùng {motto}, không phải “{actual}”.",
        en: "Form {form} uses {motto}, not “{actual}”.",
      },
      unexpectedMotto: {
        vi: "Mẫu biểu {form} không in Quốc hiệu hay tiêu đề Đảng, nhưng tệp ghi “{actual}”.",
        en: "Form {form} prints no motto, yet the file has “{actual}”.",
      },
      missingMottoLine: {
        vi: "Phần đầu văn bản thiếu dòng “{line}”.",
        en: "The header lacks the line “{line}”.",
      },
    },
  },
  check(context) {
    const expected = formRules(context.form.id)?.header;
    if (!expected) return;
    const mottoLines = expected.motto === "none" ? [] : formRulesData().mottoes[expected.motto];
    const mottoText = mottoLines.length
      ? mottoLines.map((line) => `“${line}”`).join(" / ")
      : "không có Quốc hiệu";
    const header = context.position.header;
    if (!header) {
      context.report({
        messageId: "missingHeader",
        data: { motto: mottoText, form: context.form.id },
        path: [],
      });
      return;
    }
    if (expected.agency && !header.agency?.trim())
      context.report({ messageId: "missingAgency", path: ["header"], key: true });
    if (header.motto && header.motto !== expected.motto)
      context.report({
        messageId: expected.motto === "none" ? "unexpectedMotto" : "wrongMotto",
        data: { form: context.form.id, motto: mottoText, actual: header.motto },
        path: ["header", "motto"],
      });
    if (header.mottoLines && (!header.motto || header.motto === expected.motto)) {
      const printed = new Set(header.mottoLines.map(fold));
      for (const line of mottoLines)
        if (!printed.has(fold(line)))
          context.report({ messageId: "missingMottoLine", data: { line }, path: ["header", "mottoLines"] });
    }
  },
};
