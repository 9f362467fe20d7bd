import { experienceOf } from "../support/experience.js";
import type { Rule } from "../types.js";

/** "ít nhất 1 hoặc 2 năm": which one? A requirement must be one requirement. */
const AMBIGUOUS_YEARS = /(\d{1,2})\s*hoặc\s*(\d{1,2})\s*năm/u;

/**
 * The experience row states a requirement, or "Không yêu cầu". An empty cell (the Lễ tân - Phục vụ model of
 * QĐ 4135 prints a lone bullet) or a requirement with two answers ("1 hoặc 2 năm") tells the reader nothing.
 */
export const experiencePresent: Rule = {
  id: "experience-present",
  meta: {
    description: {
      vi: "Dòng kinh nghiệm có nội dung rõ ràng (hoặc “Không yêu cầu”).",
      en: "The experience row states a clear requirement (or “Không yêu cầu”).",
    },
    severity: "warning",
    regimes: "all",
    category: "experience",
    source:
      "Mẫu biểu, dòng “Kinh nghiệm (thành tích công tác)” (GUIDE.md §c); ví dụ 001_1e3cb0e3f3dd4d5e.txt L7904, L8052",
    messages: {
      empty: {
        vi: "Dòng kinh nghiệm để trống. Ghi yêu cầu, hoặc “Không yêu cầu”.",
        en: "The experience row is empty. State the requirement, or “Không yêu cầu”.",
      },
      ambiguous: {
        vi: "Yêu cầu kinh nghiệm “{text}” có hai đáp án; ghi một số năm.",
        en: "Experience “{text}” gives two answers; state one number of years.",
      },
    },
  },
  check(context) {
    const experience = experienceOf(context.position);
    if (!experience) return;
    const content = experience.texts.filter((text) => text.replace(/[\s\u00a0•\-–.]/g, "") !== "");
    if (!content.length && !experience.facts) {
      context.report({ messageId: "empty", path: experience.path });
      return;
    }
    experience.texts.forEach((text, index) => {
      const match = AMBIGUOUS_YEARS.exec(text);
      if (match && match[1] !== match[2])
        context.report({
          messageId: "ambiguous",
          data: { text: match[0] },
          path: experience.textPaths[index]!,
        });
    });
  },
};
