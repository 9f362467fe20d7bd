import { textData } from "../data.js";
import { offsetsInScalar } from "../support/scalar.js";
import { textEntries } from "../support/text.js";
import type { Rule } from "../types.js";

let lists: { single: Set<string>; conjunctions: Set<string> } | undefined;

function wordLists(): { single: Set<string>; conjunctions: Set<string> } {
  if (!lists) {
    const lower = (words: string[]): Set<string> =>
      new Set(words.map((word) => word.toLocaleLowerCase("vi")));
    const data = textData().doubledWords;
    lists = { single: lower(data.single), conjunctions: lower(data.conjunctions) };
  }
  return lists;
}

/** Repeated function words or syllable pairs separated by spaces only: "theo theo", "công tác công tác". */
export function doubledPhrases(text: string): string[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const found: string[] = [];
  const taken: Array<[number, number]> = [];
  for (const size of [2, 1]) {
    for (let i = 0; i + 2 * size <= words.length; i++) {
      const first = words.slice(i, i + size);
      const second = words.slice(i + size, i + 2 * size);
      const same = first.every(
        (word, k) => word[0].toLocaleLowerCase("vi") === second[k]![0].toLocaleLowerCase("vi"),
      );
      if (!same || first.some((word) => /^\d+$/.test(word[0]))) continue;
      const start = first[0]!.index!;
      const end = second.at(-1)!.index! + second.at(-1)![0].length;
      const span = text.slice(start, end);
      if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(span)) continue;
      const lowered = first.map((word) => word[0].toLocaleLowerCase("vi"));
      if (size === 1 && !wordLists().single.has(lowered[0]!)) continue;
      if (size === 2 && lowered.some((word) => wordLists().conjunctions.has(word))) continue;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      found.push(span);
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
