import { dataRegExp, textData } from "../data.js";
import { offsetsInScalar } from "../support/scalar.js";
import { perText } from "../support/memo.js";
import { textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

/** The first match in the text of the old scale's patterns, tried in the data's order; null when none. */
const oldScaleIn = perText((text) => {
  for (const pattern of textData().certificateScale.patterns) {
    const match = dataRegExp(pattern, "u").exec(text);
    if (match) return match[0];
  }
  return null;
});

/**
 * Language and IT certificates were once graded A, B, C. Since 2014 the language scale is the 6 bậc of the
 * khung năng lực ngoại ngữ Việt Nam and IT skills follow the chuẩn kỹ năng sử dụng CNTT; "trình độ C" no
 * longer says what a candidate needs.
 */
export const certificateScale: Rule = {
  id: "certificate-scale",
  meta: {
    description: {
      vi: "Yêu cầu ngoại ngữ, tin học ghi theo thang hiện hành (bậc 1–6 của khung năng lực ngoại ngữ; chuẩn kỹ năng CNTT), không theo chứng chỉ A, B, C.",
      en: "Language and IT requirements use the current scales (KNLNN bậc 1–6; IT skill standard), not A/B/C certificates.",
    },
    severity: "info",
    regimes: "all",
    category: "text",
    source:
      "Thông tư 01/2014/TT-BGDĐT (khung năng lực ngoại ngữ 6 bậc); Thông tư 03/2014/TT-BTTTT (chuẩn kỹ năng sử dụng CNTT)",
    messages: {
      oldScale: {
        vi: "“{text}” theo thang chứng chỉ A, B, C cũ; ghi theo bậc của khung năng lực ngoại ngữ (TT 01/2014/TT-BGDĐT) hoặc chuẩn kỹ năng CNTT (TT 03/2014/TT-BTTTT).",
        en: "“{text}” uses the old A/B/C certificate scale; use the KNLNN bậc (TT 01/2014/TT-BGDĐT) or the IT skill standard (TT 03/2014/TT-BTTTT).",
      },
    },
  },
  check(context) {
    for (const entry of textEntries(context.position)) {
      const match = oldScaleIn(entry);
      if (match === null) continue;
      context.report({
        messageId: "oldScale",
        data: { text: match },
        path: entry.path,
        offsets: offsetsInScalar(context.text, entry.path, match),
      });
    }
  },
};
