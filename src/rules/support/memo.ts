/**
 * Results of pure functions of a text, remembered for the rest of the run. Descriptions repeat most of their
 * texts (71 % of the texts of examples/ occur more than once: qualities, relations, criteria copied between
 * positions), so a rule analyses each distinct text once. The table is bounded (emptied when full), and keys
 * and results are copies: a string cut from a file's text would otherwise keep the whole text alive.
 * Callers must not modify a result.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const table = new Map<string, T>();
  return (text) => {
    const known = table.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (table.size >= limit) table.clear();
    table.set(structuredClone(text), structuredClone(value));
    return value;
  };
}
