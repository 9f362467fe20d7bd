import { codeData, dataRegExp } from "../data.js";
import type { Rule } from "../types.js";

/**
 * The approving documents give codes a scheme ("LDQL-01"; "TTKHCNTT-SKHCN-NNCN01-NCVC"). The central models
 * prescribe none, so the schemes are patterns of the documents (a warning); an agency sets its own with the
 * option `pattern`.
 */
export const codeFormat: Rule = {
  id: "code-format",
  meta: {
    description: {
      vi: "Mã vị trí việc làm theo đúng cấu trúc mã của mẫu biểu (hoặc của cơ quan, tùy chọn `pattern`).",
      en: "The position code follows the form's code scheme (or the agency's, option `pattern`).",
    },
    severity: "warning",
    regimes: "all",
    category: "code",
    optionsSchema: {
      type: "object",
      properties: {
        pattern: { type: "string", minLength: 1, format: "regex" },
        example: { type: "string" },
      },
      additionalProperties: false,
    },
    pattern: true,
    source:
      "Cấu trúc mã của văn bản phê duyệt: Phụ lục 3 Ninh Bình 2026 “LDQL-NN” (002_04aa76548196e8dd.txt L9); QĐ 302/QĐ-UBND (004_933b2910f56df9c1.txt L8) (data/rules/codes.yaml)",
    messages: {
      badFormat: {
        vi: "Mã “{code}” không theo cấu trúc {description} (ví dụ “{example}”).",
        en: "Code “{code}” does not follow the scheme {description} (e.g. “{example}”).",
      },
    },
  },
  check(context) {
    const code = context.position.code;
    if (typeof code !== "string" || !code.trim()) return;
    const custom = typeof context.options.pattern === "string" ? context.options.pattern : undefined;
    const scheme = codeData().schemes[context.form.id];
    const pattern = custom ?? scheme?.pattern;
    if (!pattern) return;
    let regexp: RegExp;
    try {
      regexp = dataRegExp(pattern, "u");
    } catch {
      return;
    }
    if (regexp.test(code.trim())) return;
    context.report({
      messageId: "badFormat",
      data: {
        code,
        description: custom ? `/${custom}/` : `“${scheme!.description}”`,
        example: custom ? String(context.options.example ?? "") : scheme!.example,
      },
      path: ["code"],
    });
  },
};
