import { formRules } from "../data.js";
import type { Rule } from "../types.js";
import { withoutTrailing } from "../support/text.js";

const fold = (text: string): string =>
  withoutTrailing(text.normalize("NFC").replace(/[\s\u00a0]+/g, " "), /[\s.…:]/u)
    .trim()
    .toLowerCase();

/** The forms that end with an approval caption print it on every description; without it nobody signs. */
export const approvalBlock: Rule = {
  id: "approval-block",
  meta: {
    description: {
      vi: "Bản mô tả có phần phê duyệt khi mẫu biểu có (“Phê duyệt của lãnh đạo”, “Người phê duyệt”, “THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ”).",
      en: "The description has the approval block when its form has one (“Phê duyệt của lãnh đạo”, “Người phê duyệt”, …).",
    },
    severity: "warning",
    regimes: ["cc-nd62", "dang-qd4135", "vc-nd232"],
    category: "structure",
    source:
      "Mẫu biểu: TT 02/2023/TT-VPCP Phụ lục II và QĐ 4135-QĐ/BTCTW “Phê duyệt của lãnh đạo”; PL1.1 Hưng Yên “Người phê duyệt”; NĐ 232/2026/NĐ-CP Phụ lục IV “THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ (Ký tên, đóng dấu)”",
    messages: {
      missingApproval: {
        vi: "Thiếu phần phê duyệt “{caption}” mà mẫu biểu {form} có ở cuối bản mô tả.",
        en: "Missing the approval block “{caption}” that form {form} ends with.",
      },
      captionDiffers: {
        vi: "Dòng phê duyệt “{actual}” khác mẫu biểu: “{caption}”.",
        en: "Approval caption “{actual}” differs from the form's “{caption}”.",
      },
    },
  },
  check(context) {
    const caption = formRules(context.form.id)?.approval;
    if (!caption) return;
    const approval = context.position.approval;
    if (approval === undefined || approval === null) {
      context.report({ messageId: "missingApproval", data: { caption, form: context.form.id }, path: [] });
      return;
    }
    if (approval.caption && fold(approval.caption) !== fold(caption))
      context.report({
        messageId: "captionDiffers",
        data: { actual: approval.caption, caption },
        path: ["approval", "caption"],
      });
  },
};
