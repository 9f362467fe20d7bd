/**
 * Characters that are in NFC on their own and never take part in a composition or a reordering: ASCII, Latin-1
 * and the Latin Extended blocks, the spacing modifiers, Latin Extended Additional (every precomposed Vietnamese
 * letter), general punctuation from U+2002 on (U+2000 and U+2001 normalise to U+2002 and U+2003) and the
 * currency signs (₫). Vietnamese text in NFC is nearly always made of these alone; combining marks (U+0300 …)
 * are not among them.
 */
// eslint-disable-next-line no-control-regex -- the ranges start at U+0000 on purpose
const OUTSIDE_STABLE = /[^\u0000-\u02ff\u1e00-\u1eff\u2002-\u206f\u20a0-\u20c0]/;

/** Whether `text` is in NFC: a regular-expression test where that decides it, the normalisation otherwise. */
export function isNfc(text: string): boolean {
  return !OUTSIDE_STABLE.test(text) || text.normalize("NFC") === text;
}
