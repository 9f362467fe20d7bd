import { textData } from "../data.js";
import { offsetsInScalar } from "../support/scalar.js";
import { textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

let lists: { single: Set<string>; conjunctions: Set<string> } | undefined;

function wordLists(): { single: Set<string>; conjunctions: Set<string> } {
  if (!lists) {
    const lower = (words: string[]): Set<string> => new Set(words.map((word) => word.toLowerCase()));
    const data = textData().doubledWords;
    lists = { single: lower(data.single), conjunctions: lower(data.conjunctions) };
  }
  return lists;
}

/** Repeated function words or syllable pairs separated by spaces only: "theo theo", "công tác công tác". */
const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Repeated function words or syllable pairs separated by single spaces: "theo theo", "công tác công tác".
 * Splitting on spaces keeps it linear and cheap; a token with punctuation ("theo,") is not a word here, so
 * "theo, theo" (a list) is not a repeat.
 */
export function doubledPhrases(text: string): string[] {
  const tokens = text.toLowerCase().split(" ");
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length + 1;
  }
  const found: string[] = [];
  const takenUntil = { index: -1 };
  const { single, conjunctions } = wordLists();
  const span = (from: number, count: number): string =>
    text.slice(starts[from]!, starts[from + count - 1]! + tokens[from + count - 1]!.length);
  for (let i = 0; i < tokens.length - 1; i++) {
    if (i <= takenUntil.index) continue;
    const a = tokens[i]!;
    if (!a) continue;
    if (
      i + 3 < tokens.length &&
      a === tokens[i + 2] &&
      tokens[i + 1] === tokens[i + 3] &&
      a !== tokens[i + 1]
    ) {
      const pair = [a, tokens[i + 1]!];
      if (
        pair.every((word) => WORD.test(word) && !/^\d+$/.test(word)) &&
        !pair.some((word) => conjunctions.has(word))
      ) {
        found.push(span(i, 4));
        takenUntil.index = i + 3;
        continue;
      }
    }
    if (a === tokens[i + 1] && single.has(a) && WORD.test(a)) {
      found.push(span(i, 2));
      takenUntil.index = i + 1;
    }
  }
  return found;
}

/**
 * "theo theo quy định", "các nhiệm vụ nhiệm vụ", "công tác công tác Công đoàn": a word typed twice. Overlapping
 * compounds ("phân công công việc", "đảm bảo bảo mật") and pairs joined by a conjunction ("ngành hoặc ngành
 * hoặc chuyên ngành") are Vietnamese, not slips (data/rules/text.yaml `doubledWords`).
 */
export const doubledWord: Rule = {
  id: "doubled-word",
  meta: {
    description: {
      vi: "Không lặp từ liền nhau (“theo theo”, “công tác công tác”).",
      en: "No word typed twice in a row (“theo theo”, “công tác công tác”).",
    },
    severity: "warning",
    regimes: "all",
    category: "text",
    source:
      "Chất lượng văn bản (GUIDE.md §e.46); ví dụ 001_1e3cb0e3f3dd4d5e.txt L320 “theo theo”, L4539, L4581",
    messages: {
      doubled: {
        vi: "Lặp từ: “{phrase}”.",
        en: "Word repeated: “{phrase}”.",
      },
    },
  },
  check(context) {
    for (const entry of textEntries(context.position)) {
      for (const phrase of doubledPhrases(entry.text)) {
        const half = phrase
          .split(" ")
          .slice(0, phrase.split(" ").length / 2)
          .join(" ");
        context.report({
          messageId: "doubled",
          data: { phrase },
          path: entry.path,
          offsets: offsetsInScalar(context.text, entry.path, phrase),
          suggestions: [half],
        });
      }
    }
  },
};
