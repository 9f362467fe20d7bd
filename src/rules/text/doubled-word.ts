import { textData } from "../data.js";
import { memoByText } from "../support/memo.js";
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
/** A token's word without the punctuation around it: "(theo" → "theo", "vụ," → "vụ". */
const CORE = /^([^\p{L}\p{N}]*)([\p{L}\p{N}]+)([^\p{L}\p{N}]*)$/u;

interface Token {
  word: string;
  /** Offsets of the word itself in the text. */
  start: number;
  end: number;
  before: boolean;
  after: boolean;
}

/**
 * Repeated function words or syllable pairs separated by single spaces: "theo theo", "công tác công tác",
 * "nhiệm vụ nhiệm vụ,". Splitting on spaces keeps it linear and cheap; punctuation inside the repeat ("theo,
 * theo") makes it a list, not a slip.
 */
export const doubledPhrases: (text: string) => readonly string[] = memoByText(findDoubledPhrases);

function findDoubledPhrases(text: string): string[] {
  const tokens: Array<Token | undefined> = [];
  let offset = 0;
  for (const raw of text.toLowerCase().split(" ")) {
    const match = CORE.exec(raw);
    tokens.push(
      match
        ? {
            word: match[2]!,
            start: offset + match[1]!.length,
            end: offset + match[1]!.length + match[2]!.length,
            before: match[1]!.length > 0,
            after: match[3]!.length > 0,
          }
        : undefined,
    );
    offset += raw.length + 1;
  }
  const { single, conjunctions } = wordLists();
  /** Tokens i … i+count-1 form one run: words throughout, punctuation only before the first, after the last. */
  const run = (i: number, count: number): boolean => {
    for (let k = i; k < i + count; k++) {
      const token = tokens[k];
      if (!token || (k > i && token.before) || (k < i + count - 1 && token.after)) return false;
    }
    return true;
  };
  const word = (i: number): string | undefined => tokens[i]?.word;
  const found: string[] = [];
  let takenUntil = -1;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (i <= takenUntil || !tokens[i]) continue;
    const pair = [word(i)!, word(i + 1)];
    if (
      run(i, 4) &&
      pair[0] === word(i + 2) &&
      pair[1] === word(i + 3) &&
      pair[0] !== pair[1] &&
      !pair.some((entry) => /^\d+$/.test(entry!) || conjunctions.has(entry!))
    ) {
      found.push(text.slice(tokens[i]!.start, tokens[i + 3]!.end));
      takenUntil = i + 3;
      continue;
    }
    if (run(i, 2) && pair[0] === pair[1] && single.has(pair[0]!)) {
      found.push(text.slice(tokens[i]!.start, tokens[i + 1]!.end));
      takenUntil = i + 1;
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
