/**
 * Results of pure functions of a text, remembered for the rest of the run. Descriptions repeat most of their
 * texts (71 % of the texts of examples/ occur more than once: qualities, relations, criteria copied between
 * positions; 95 % of the characters of the benchmark corpus), so each distinct text is analysed once.
 *
 * One table for every analysis: a record per distinct text (its "facts"), slot i holding the i-th analysis's
 * result. A string cut from a file's text would keep the whole text alive, so the record keeps a flat copy and
 * the analyses run on that copy (their substrings then point into the copy, not the file). The table is
 * bounded (emptied when full). Callers must not modify a result.
 */

/** What the analyses found in one distinct text. */
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

/** A new slot of the facts records for `analyse`, which must not return undefined. */
function analysis<T>(analyse: (text: string) => T): (facts: TextFacts) => T {
  const slot = analysisCount++;
  return (facts) => {
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
 * An analysis of the texts of a description (TextEntry): the first analysis to ask looks the text up and leaves
 * the record on `holder.facts` for the others, so a file's ~130 texts cost one lookup each (the first lookup of
 * a freshly parsed string is the expensive part), whatever the number of text rules.
 */
export function perText<T>(analyse: (text: string) => T): (holder: { text: string; facts?: TextFacts }) => T {
  const resultOf = analysis(analyse);
  return (holder) => resultOf((holder.facts ??= factsFor(holder.text)));
}

/** The same for a text that comes alone (a competency name, an item of a list). */
export function memoByText<T>(compute: (text: string) => T): (text: string) => T {
  const resultOf = analysis(compute);
  return (text) => resultOf(factsFor(text));
}

/**
 * A copy of `text` that shares no memory with the string it was cut from: concatenating forces V8 to flatten
 * into a new buffer, and the slice then refers to that buffer (far cheaper than structuredClone).
 */
function flatCopy(text: string): string {
  return ` ${text}`.slice(1);
}
