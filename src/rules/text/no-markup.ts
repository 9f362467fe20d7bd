import { dataRegExp, textData } from "../data.js";
import { offsetsInScalar, scalarFix } from "../support/scalar.js";
import { perText } from "../support/memo.js";
import { textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function replacementFor(id: string, markup: string, before: string, after: string): string {
  if (id === "html-entity") {
    const name = markup.slice(1, -1);
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? markup;
  }
  // A tag between two words separated them: keep one space so the words do not run together.
  return /\S/.test(before) && /\S/.test(after) && id === "html-tag" ? " " : "";
}

/**
 * Each piece of markup in the text, kind by kind in the data's order: where it is and which occurrence of the
 * same markup of that kind it is (the fix finds it in the scalar's source by that count).
 */
const markupIn = perText((text) => {
  const found: Array<{ id: string; markup: string; at: number; occurrence: number }> = [];
  for (const kind of textData().markup) {
    const seen = new Map<string, number>();
    for (const match of text.matchAll(dataRegExp(kind.pattern))) {
      const occurrence = seen.get(match[0]) ?? 0;
      seen.set(match[0], occurrence + 1);
      found.push({ id: kind.id, markup: match[0], at: match.index, occurrence });
    }
  }
  return found;
});

/**
 * Converters leave markup in the text: Word bookmarks ("[bookmark: _GoBack]"), HTML tags ("<p>", "<ul
 * style=…>", "<u>") and entities ("&nbsp;"). They would print as such on the form.
 */
export const noMarkup: Rule = {
  id: "no-markup",
  meta: {
    description: {
      vi: "Văn bản không còn mã đánh dấu của Word hay HTML (“[bookmark: …]”, “<p>”, “&nbsp;”).",
      en: "The text holds no Word or HTML markup (“[bookmark: …]”, “<p>”, “&nbsp;”).",
    },
    severity: "error",
    regimes: "all",
    category: "text",
    source: "Các bản chuyển đổi của văn bản gốc (data/rules/text.yaml `markup`; GUIDE.md §g)",
    fixable: true,
    messages: {
      markup: {
        vi: "Còn mã đánh dấu “{markup}” trong văn bản.",
        en: "Markup “{markup}” left in the text.",
      },
    },
  },
  check(context) {
    for (const entry of textEntries(context.position)) {
      for (const { id, markup, at, occurrence } of markupIn(entry)) {
        const replacement = replacementFor(
          id,
          markup,
          entry.text.charAt(at - 1),
          entry.text.charAt(at + markup.length),
        );
        const expected = entry.text.slice(0, at) + replacement + entry.text.slice(at + markup.length);
        const replacements = Array.from({ length: occurrence + 1 }, (_, k): [string, string] =>
          k < occurrence ? [markup, markup] : [markup, replacement],
        );
        context.report({
          messageId: "markup",
          data: { markup },
          path: entry.path,
          offsets: offsetsInScalar(context.text, entry.path, markup, occurrence),
          fix: scalarFix(context.text, entry.path, replacements, expected, `− ${markup}`),
        });
      }
    }
  },
};
