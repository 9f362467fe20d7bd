import { dataRegExp, textData, type PatternEntry } from "../data.js";
import { offsetsInScalar } from "../support/scalar.js";
import { perText } from "../support/memo.js";
import { excerpt, textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

function isValidRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** The placeholders whose pattern matches the text, with the first match of each, in the order given. */
function placeholderHits(
  placeholders: readonly PatternEntry[],
  text: string,
): Array<{ placeholder: PatternEntry; match: string }> {
  const hits: Array<{ placeholder: PatternEntry; match: string }> = [];
  for (const placeholder of placeholders) {
    // The scan pattern, where the data gives one, is a quicker test that matches wherever the pattern does.
    if (placeholder.scan && !dataRegExp(placeholder.scan, "mu").test(text)) continue;
    const match = dataRegExp(placeholder.pattern, "mu").exec(text);
    if (match) hits.push({ placeholder, match: match[0] });
  }
  return hits;
}

const placeholdersIn = perText((text) => placeholderHits(textData().placeholders, text));

/**
 * The models print blanks for the agency to fill: dotted leaders ("ngành, lĩnh vực………..", "Phẩm chất khác
 * ..."), hints in parentheses ("(bổ sung tên tài liệu …)"), "TÊN CƠ QUAN", a bullet with nothing after it.
 * `vtvl new` writes its blanks as "(bổ sung: …)". A blank left in is a warning: the file is valid but not
 * finished, and `--max-warnings 0` keeps it out of a release.
 */
export const placeholderLeft: Rule = {
  id: "placeholder-left",
  meta: {
    description: {
      vi: "Không còn chỗ trống chờ điền (“……”, “...”, “(bổ sung …)”, “TÊN CƠ QUAN”, gạch đầu dòng trống).",
      en: "No blanks left to fill in (“……”, “...”, “(bổ sung …)”, “TÊN CƠ QUAN”, an empty bullet).",
    },
    severity: "warning",
    regimes: "all",
    category: "text",
    optionsSchema: {
      type: "object",
      properties: {
        patterns: { type: "array", items: { type: "string", minLength: 1, format: "regex" } },
      },
      additionalProperties: false,
    },
    source:
      "Các chỗ trống của mẫu (data/rules/text.yaml `placeholders`); quy ước “(bổ sung: …)” của `vtvl new`",
    messages: {
      placeholder: {
        vi: "Còn chỗ trống chưa điền ({what}): “{text}”.",
        en: "A blank is still to be filled in ({whatEn}): “{text}”.",
      },
    },
  },
  check(context) {
    const extra = Array.isArray(context.options.patterns)
      ? context.options.patterns
          .filter((pattern): pattern is string => typeof pattern === "string" && isValidRegExp(pattern))
          .map((pattern): PatternEntry => ({
            id: "option",
            pattern,
            what: "mẫu của cơ quan",
            whatEn: "agency pattern",
            source: ".vtvlrc.yaml",
          }))
      : [];
    for (const entry of textEntries(context.position)) {
      const hits = extra.length
        ? [...placeholdersIn(entry), ...placeholderHits(extra, entry.text)]
        : placeholdersIn(entry);
      for (const { placeholder, match } of hits) {
        if (placeholder.paths && !placeholder.paths.includes(String(entry.path[0]))) continue;
        context.report({
          messageId: "placeholder",
          data: {
            what: placeholder.what,
            whatEn: placeholder.whatEn ?? placeholder.what,
            text: excerpt(match.trim() ? match : entry.text),
          },
          path: entry.path,
          offsets: match.trim() ? offsetsInScalar(context.text, entry.path, match) : undefined,
        });
      }
    }
  },
};
