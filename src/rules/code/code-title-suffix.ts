import { stripDiacritics } from "../../util/similar.js";
import { codeData } from "../data.js";
import { findGrade, gradeInName } from "../support/grade.js";
import type { Rule } from "../types.js";

/** "Công nghệ thông tin hạng II" → CNTTII; "Kỹ thuật viên" → KTV. */
export function titleInitials(title: string): string {
  const skip = new Set(codeData().initialsSkip.map((word) => word.toLowerCase()));
  let initials = "";
  for (const word of title.normalize("NFC").split(/\s+/)) {
    if (!word) continue;
    if (/^(?:I|II|III|IV)$/.test(word)) initials += word;
    else if (!skip.has(word.toLowerCase())) initials += stripDiacritics(word).charAt(0).toUpperCase();
  }
  return initials;
}

/**
 * In QĐ 302/2025 a code ends with the initials of the professional title and its hạng ("-CNTTII"). The
 * decision itself prints "-KS" for Kỹ thuật viên (the suffix of Kỹ sư) and "-ATTT" without the hạng of An toàn
 * thông tin hạng III.
 */
export const codeTitleSuffix: Rule = {
  id: "code-title-suffix",
  meta: {
    description: {
      vi: "Phần cuối của mã là chữ viết tắt của chức danh nghề nghiệp và hạng (ví dụ “-CNTTII”, “-KTV”).",
      en: "The code ends with the initials of the professional title and its rank (e.g. “-CNTTII”, “-KTV”).",
    },
    severity: "warning",
    regimes: "all",
    category: "code",
    pattern: true,
    source:
      "Cấu trúc mã của Quyết định 302/QĐ-UBND, Phụ lục III (004_933b2910f56df9c1.txt L8–L700; data/rules/codes.yaml)",
    messages: {
      wrongSuffix: {
        vi: "Mã “{code}” kết thúc bằng “{actual}” nhưng chức danh “{title}” viết tắt là “{expected}”.",
        en: "Code “{code}” ends with “{actual}” but the title “{title}” abbreviates to “{expected}”.",
      },
    },
  },
  check(context) {
    const code = context.position.code;
    const scheme = codeData().schemes[context.form.id];
    if (!scheme?.titleSuffix || typeof code !== "string" || !code.includes("-")) return;
    const professional = context.position.professionalTitle;
    const title = professional
      ? professional.rank && !/hạng/iu.test(professional.name)
        ? `${professional.name} hạng ${professional.rank}`
        : professional.name
      : context.position.name;
    const grade = findGrade(title) ?? gradeInName(title);
    const expected = grade?.abbreviations?.[0] ?? titleInitials(grade?.name ?? title);
    const actual = code.trim().split("-").at(-1)!;
    if (actual === expected) return;
    context.report({
      messageId: "wrongSuffix",
      data: { code, actual, title: grade?.name ?? title, expected },
      path: ["code"],
      suggestions: [`${code.trim().slice(0, code.trim().length - actual.length)}${expected}`],
    });
  },
};
