/**
 * Results of pure functions of a text, remembered for the rest of the run. Descriptions repeat most of their
 * texts (71 % of the texts of examples/ occur more than once: qualities, relations, criteria copied between
 * positions), so a rule analyses each distinct text once. The table is bounded (emptied when full). A string
 * cut from a file's text would keep the whole text alive, so the key is a flat copy and the result is computed
 * from that copy (its substrings then point into the copy, not the file). Callers must not modify a result.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const table = new Map<string, T>();
  return (text) => {
    const known = table.get(text);
    if (known !== undefined) return known;
    const key = flatCopy(text);
    const value = compute(key);
    if (table.size >= limit) table.clear();
    table.set(key, value);
    return value;
  };
}

/** What the analyses registered with perText found in one distinct text: slot i holds the i-th one's result. */
export interface TextFacts {
  /** The text, cut loose from the file it was first read in. */
  readonly text: string;
  readonly results: unknown[];
}

const FACTS_LIMIT = 20_000;
/** The result of most analyses of most texts: one shared empty list instead of one per text and analysis. */
const NOTHING: readonly never[] = Object.freeze([]);
const factsByText = new Map<string, TextFacts>();
let analysisCount = 0;

/** The facts record of a text: one table lookup, however many analyses then read it. */
export function factsFor(text: string): TextFacts {
  let facts = factsByText.get(text);
  if (facts === undefined) {
    facts = { text: flatCopy(text), results: new Array<unknown>(analysisCount) };
    if (factsByText.size >= FACTS_LIMIT) factsByText.clear();
    factsByText.set(facts.text, facts);
  }
  return facts;
}

/**
 * A pure analysis of one text, run once per distinct text of the run. The text rules look at each of a
 * description's ~130 texts, and the texts of a repository repeat (see memoByText): the per-file cost becomes
 * one lookup per text, shared by every analysis (`holder.facts` keeps the record for the others), and the
 * analysis itself runs on new texts only. `analyse` must not return undefined; callers must not modify a result.
 */
export function perText<T>(analyse: (text: string) => T): (holder: { text: string; facts?: TextFacts }) => T {
  const slot = analysisCount++;
  return (holder) => {
    const facts = (holder.facts ??= factsFor(holder.text));
    let result = facts.results[slot] as T | undefined;
    if (result === undefined) {
      result = analyse(facts.text);
      if (Array.isArray(result) && result.length === 0) result = NOTHING as T;
      facts.results[slot] = result;
    }
    return result;
  };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from: concatenating forces V8 to flatten
 * into a new buffer, and the slice then refers to that buffer (far cheaper than structuredClone).
 */
function flatCopy(text: string): string {
  return ` ${text}`.slice(1);
}
