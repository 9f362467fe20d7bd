import { textData } from "../data.js";
import { offsetsInScalar } from "../support/scalar.js";
import { perText } from "../support/memo.js";
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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether each UTF-16 code unit is a letter or digit, by blocks of 256 filled when first asked. */
const letterOrDigitBlocks: Array<Uint8Array | undefined> = [];

function isLetterOrDigit(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  let block = letterOrDigitBlocks[code >> 8];
  if (!block) {
    block = new Uint8Array(256);
    const base = code & ~0xff;
    for (let i = 0; i < 256; i++) block[i] = LETTER_OR_DIGIT.test(String.fromCharCode(base + i)) ? 1 : 0;
    letterOrDigitBlocks[code >> 8] = block;
  }
  return block[code & 0xff] === 1;
}

/**
 * The space-separated tokens of a text as words: each token's word is its letters and digits, with
 * punctuation allowed only around them ("(theo" → "theo", "vụ," → "vụ"); an empty token, a line break or a
 * token with punctuation inside is no word. Kept in flat arrays (one entry per token) reused from call to
 * call: a description has thousands of tokens.
 */
class Tokens {
  count = 0;
  /** Offsets of each word in the text; start -1 when the token is no word. */
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  /** Bit 1: punctuation before the word; bit 2: punctuation after it; bit 4: inside checked; bit 8: not a word. */
  punctuation = new Uint8Array(1024);
  private text = "";

  /** Whether token i is a word: letters and digits from its first to its last, punctuation only around. */
  isWord(i: number): boolean {
    const start = this.start[i]!;
    if (start < 0) return false;
    let flags = this.punctuation[i]!;
    if (!(flags & 4)) {
      let word = true;
      for (let k = start + 1; word && k < this.end[i]! - 1; k++)
        word = isLetterOrDigit(this.text.charCodeAt(k));
      flags |= word ? 4 : 12;
      this.punctuation[i] = flags;
    }
    return !(flags & 8);
  }

  private push(start: number, end: number, punctuation: number): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(array: T): T => {
        const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.punctuation = grow(this.punctuation);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.punctuation[this.count] = punctuation;
    this.count++;
  }

  read(text: string): void {
    this.count = 0;
    this.text = text;
    let from = 0;
    while (from <= text.length) {
      let to = from;
      for (let code = text.charCodeAt(to); to < text.length && code !== 32 && code !== 10;)
        code = text.charCodeAt(++to);
      let start = from;
      while (start < to && !isLetterOrDigit(text.charCodeAt(start))) start++;
      let end = to;
      while (end > start && !isLetterOrDigit(text.charCodeAt(end - 1))) end--;
      // The inside of a token is checked only when a repeat needs it (isWord): most tokens never are.
      if (start < end) this.push(start, end, (start > from ? 1 : 0) | (end < to ? 2 : 0));
      else this.push(-1, -1, 0);
      // A line break ends a run as punctuation would: the lines of a text written over several never run into
      // each other.
      if (text.charCodeAt(to) === 10) this.push(-1, -1, 0);
      from = to + 1;
    }
  }
}

const tokens = new Tokens();

/**
 * Where words are typed twice: repeated function words or syllable pairs separated by single spaces ("theo
 * theo", "công tác công tác", "nhiệm vụ nhiệm vụ,"), as offsets in `text`. Splitting on spaces keeps it linear
 * and cheap; punctuation inside the repeat ("theo, theo") makes it a list, not a slip; a line break ends a run.
 */
export function doubledPhraseRanges(text: string): Array<{ start: number; end: number }> {
  const lower = text.toLowerCase();
  // Lowercasing keeps the length of Vietnamese text; where it does not, offsets come from the text itself.
  const source = lower.length === text.length ? lower : text;
  tokens.read(source);
  const { start, end, punctuation, count } = tokens;
  const { single, conjunctions } = wordLists();
  /** Tokens i … i+n-1 form one run: words throughout, punctuation only before the first, after the last. */
  const run = (i: number, n: number): boolean => {
    if (i + n > count) return false;
    for (let k = i; k < i + n; k++) {
      if (start[k]! < 0 || (k > i && punctuation[k]! & 1) || (k < i + n - 1 && punctuation[k]! & 2))
        return false;
    }
    for (let k = i; k < i + n; k++) if (!tokens.isWord(k)) return false;
    return true;
  };
  const word = (i: number): string => source.slice(start[i]!, end[i]!).toLowerCase();
  /** Tokens i and j hold the same word (both exist and are not empty; checked before the cost of a run). */
  const same = (i: number, j: number): boolean => {
    if (j >= count || start[i]! < 0 || start[j]! < 0) return false;
    const length = end[i]! - start[i]!;
    if (length !== end[j]! - start[j]!) return false;
    if (source !== lower) return word(i) === word(j);
    for (let k = 0; k < length; k++)
      if (source.charCodeAt(start[i]! + k) !== source.charCodeAt(start[j]! + k)) return false;
    return true;
  };
  const found: Array<{ start: number; end: number }> = [];
  let takenUntil = -1;
  for (let i = 0; i < count - 1; i++) {
    if (i <= takenUntil || start[i]! < 0) continue;
    if (same(i, i + 2) && same(i + 1, i + 3) && !same(i, i + 1) && run(i, 4)) {
      const pair = [word(i), word(i + 1)];
      if (!pair.some((entry) => /^\d+$/.test(entry) || conjunctions.has(entry))) {
        found.push({ start: start[i]!, end: end[i + 3]! });
        takenUntil = i + 3;
        continue;
      }
    }
    if (same(i, i + 1) && run(i, 2) && single.has(word(i))) {
      found.push({ start: start[i]!, end: end[i + 1]! });
      takenUntil = i + 1;
    }
  }
  return found;
}

/** The repeated phrases of one text, as written. */
export function doubledPhrases(text: string): string[] {
  return doubledPhraseRanges(text).map((range) => text.slice(range.start, range.end));
}

const doubledPhrasesOf = perText(doubledPhraseRanges);

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
      for (const range of doubledPhrasesOf(entry)) {
        const phrase = entry.text.slice(range.start, range.end);
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
