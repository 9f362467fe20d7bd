/** Small string helpers for did-you-mean suggestions, diacritic-insensitive search and normalising names. */

export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/**
 * A file name from a Vietnamese name: no diacritics, lowercase, words joined by "-", cut at a word boundary past
 * `maxLength` ("Chuyên viên chính về kiểm soát thủ tục hành chính" → "chuyen-vien-chinh-ve-kiem-soat-thu-tuc-hanh-chinh").
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = stripDiacritics(text.normalize("NFC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug || "vi-tri-viec-lam";
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf("-") > maxLength / 2 ? cut.lastIndexOf("-") : maxLength);
}

/** Lowercase, no diacritics, single spaces: the key under which two spellings of a name compare equal. */
export function foldForSearch(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/\s+/g, " ").trim();
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidate within a distance that scales with the word's length, or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const folded = foldForSearch(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(folded, foldForSearch(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(folded.length / 4));
  return bestDistance <= tolerance ? best : undefined;
}
