import { regimeData } from "../data.js";
import { effectiveOnOrAfter, vietnameseDate } from "../support/dates.js";
import { perText } from "../support/memo.js";
import { offsetsInScalar } from "../support/scalar.js";
import { textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

let phrasePattern: RegExp | undefined;

function phrases(): RegExp {
  if (!phrasePattern) {
    const alternatives = regimeData()
      .districtAbolished.phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .sort((a, b) => b.length - a.length);
    phrasePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  }
  phrasePattern.lastIndex = 0;
  return phrasePattern;
}

/** The district phrases a text names, in order (a pure function of the text: once per distinct text). */
const districtPhrasesIn = perText((text) => Array.from(text.matchAll(phrases()), (match) => match[0]));

/**
 * From 1 July 2025 local government has two levels: there is no cấp huyện. A description that takes effect on
 * or after that date and still names cấp huyện, a district body, or a district among its levels was copied
 * from an older model.
 */
export const noDistrictAfter2025: Rule = {
  id: "no-district-after-2025",
  meta: {
    description: {
      vi: "Bản mô tả có hiệu lực từ 01/7/2025 không còn nhắc cấp huyện hay cơ quan cấp huyện.",
      en: "A description effective from 1 July 2025 no longer names cấp huyện (district level) or district bodies.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Chính quyền địa phương hai cấp từ 01/7/2025 (Luật Tổ chức chính quyền địa phương 72/2025/QH15; data/rules/regimes.yaml `districtAbolished`)",
    messages: {
      districtLevel: {
        vi: "Từ {date} không còn cấp huyện, nhưng vị trí vẫn được dùng ở cấp huyện (hiệu lực của bản mô tả: {effective}).",
        en: "There is no district level since {date}, yet the position is used at district level (effective {effective}).",
      },
      districtText: {
        vi: "Từ {date} không còn cấp huyện, nhưng văn bản nhắc “{phrase}”.",
        en: "There is no district level since {date}, yet the text mentions “{phrase}”.",
      },
    },
  },
  check(context) {
    const { date } = regimeData().districtAbolished;
    if (!effectiveOnOrAfter(context, date)) return;
    const shown = vietnameseDate(date);
    const effective = context.effectiveDate
      ? vietnameseDate(context.effectiveDate)
      : String(context.form.year ?? "");
    (context.position.adminLevels ?? []).forEach((level, index) => {
      if (level === "huyen")
        context.report({
          messageId: "districtLevel",
          data: { date: shown, effective },
          path: ["adminLevels", index],
        });
    });
    for (const entry of textEntries(context.position)) {
      const occurrences = new Map<string, number>();
      for (const phrase of districtPhrasesIn(entry)) {
        const occurrence = occurrences.get(phrase) ?? 0;
        occurrences.set(phrase, occurrence + 1);
        context.report({
          messageId: "districtText",
          data: { date: shown, phrase },
          path: entry.path,
          offsets: offsetsInScalar(context.text, entry.path, phrase, occurrence),
        });
      }
    }
  },
};
