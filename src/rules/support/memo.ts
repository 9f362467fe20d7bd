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

/**
 * A copy of `text` that shares no memory with the string it was cut from: concatenating forces V8 to flatten
 * into a new buffer, and the slice then refers to that buffer (far cheaper than structuredClone).
 */
function flatCopy(text: string): string {
  return ` ${text}`.slice(1);
}
