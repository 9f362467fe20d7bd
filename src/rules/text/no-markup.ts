import { dataRegExp, textData } from "../data.js";
import { offsetsInScalar, scalarFix } from "../support/scalar.js";
import { itemsInTexts } from "../support/text.js";
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
    const { items: kinds, texts } = itemsInTexts(context.position, textData().markup, (kind) =>
      dataRegExp(kind.pattern),
    );
    for (const entry of texts) {
      for (const kind of kinds) {
        const seen = new Map<string, number>();
        for (const match of entry.text.matchAll(dataRegExp(kind.pattern))) {
          const markup = match[0];
          const occurrence = seen.get(markup) ?? 0;
          seen.set(markup, occurrence + 1);
          const at = match.index;
          const replacement = replacementFor(
            kind.id,
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
    }
  },
};
