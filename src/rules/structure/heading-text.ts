import { isLayoutId, layoutSpec } from "../../render/layout-spec.js";
import { didYouMean } from "../../util/similar.js";
import { formRules, textData, type HeadingKey } from "../data.js";
import type { Rule } from "../types.js";
import { withoutTrailing } from "../support/text.js";

/** "3.1- Bên trong", "III. CÁC MỐI QUAN HỆ", "a) Năng lực chung" → the words only, for comparison. */
export function headingWords(heading: string): string {
  return withoutTrailing(
    heading
      .normalize("NFC")
      .replace(/[\s\u00a0]+/g, " ")
      .trim()
      .replace(/^(?:(?:[IVXLC]+|\d+(?:\.\d+)*)(?:\s*[.)\-–:]+\s*|\s+)|[a-zđ]\)\s*)(?=\p{L})/u, ""),
    /[\s:.]/u,
  );
}

const fold = (text: string): string => headingWords(text).toLowerCase();

/** The heading with the known typos of the sources corrected (known-typo reports those). */
function corrected(text: string): string {
  return textData().typos.reduce((result, typo) => result.split(typo.wrong).join(typo.right), text);
}

/**
 * `headings` keeps a heading exactly as printed when it differs from the form's. The number style varies
 * freely in the sources; the words should not: "Môi quan hệ" for "Mối quan hệ" is a typo, "Công việc và tiêu
 * chí đánh giá" drops a word of the form. The form's heading is its layout's (templates/layouts/<form>/
 * layout.yaml `headings`, what `vtvl render` prints); data/rules/forms.yaml `headings` adds the other wordings
 * a source document prints for the same section.
 */
export const headingText: Rule = {
  id: "heading-text",
  meta: {
    description: {
      vi: "Đề mục in khác mẫu (khóa `headings`) phải có cùng nội dung chữ với đề mục của mẫu biểu (không tính số thứ tự).",
      en: "A heading printed differently (the `headings` key) must have the same words as the form's heading (numbering aside).",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Đề mục của từng mẫu biểu (templates/layouts/<mẫu>/layout.yaml `headings`; cách in khác được chấp nhận: data/rules/forms.yaml `headings`; GUIDE.md §c)",
    messages: {
      headingDiffers: {
        vi: "Đề mục “{actual}” khác đề mục của mẫu biểu: “{expected}”.",
        en: "Heading “{actual}” differs from the form's heading “{expected}”.",
      },
    },
  },
  check(context) {
    const headings = context.position.headings;
    if (!headings || !isLayoutId(context.form.id)) return;
    const standard = layoutSpec(context.form.id).headings;
    const variants = formRules(context.form.id)?.headings ?? {};
    for (const [key, printed] of Object.entries(headings) as Array<[HeadingKey, string | undefined]>) {
      const accepted = [...(standard[key] ? [headingWords(standard[key])] : []), ...(variants[key] ?? [])];
      if (!printed || !accepted.length) continue;
      // "Mục tiêu vị trí việc làm: (Tóm tắt tổng quan …)": the heading, then a hint or the text inline.
      const candidates = [printed, printed.split(":")[0]!].map((text) => fold(corrected(text)));
      if (accepted.some((heading) => candidates.includes(fold(heading)))) continue;
      const expected = didYouMean(headingWords(printed), accepted) ?? accepted[0]!;
      context.report({
        messageId: "headingDiffers",
        data: { actual: headingWords(printed), expected },
        path: ["headings", key],
        suggestions: [expected],
      });
    }
  },
};
