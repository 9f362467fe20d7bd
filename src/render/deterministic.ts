/**
 * Reproducible PDFs. Two things vary between two prints of the same HTML by Chromium (Skia): the time of
 * printing, as /CreationDate and /ModDate in the Info dictionary, and in a tagged PDF the ids of the structure
 * elements, "(node00003038)", which are the renderer's DOM node counters and grow from one document to the
 * next. There is no /ID and font subsets are tagged AAAAAA+, BAAAAA+ … in order. With SOURCE_DATE_EPOCH set we
 * overwrite the dates and renumber the node ids 1, 2, 3 … in their original order (so the sorted ID tree stays
 * sorted), in place: every replacement has exactly the length of the original, so the cross-reference offsets
 * stay valid. Anything we cannot replace that way is left untouched.
 */

function pdfDate(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

const DATE_ENTRY = /\/(CreationDate|ModDate)\s*\(D:(\d{14})([^)]{0,16})\)/g;

export function makeDeterministic(pdf: Uint8Array, epochSeconds: number): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const stamp = pdfDate(epochSeconds);
  const utc = "+00'00'";
  const patched = text.replace(DATE_ENTRY, (whole, key: string, digits: string, zone: string) => {
    const replacement = `/${key}${whole.slice(key.length + 1, whole.indexOf("(D:"))}(D:${stamp}${zone.length === utc.length ? utc : zone})`;
    return replacement.length === whole.length && digits.length === stamp.length ? replacement : whole;
  });
  const renumbered = renumberNodeIds(patched);
  return renumbered === text ? pdf : new Uint8Array(Buffer.from(renumbered, "latin1"));
}

const NODE_ID = /\(node(\d{8})\)/g;

function renumberNodeIds(text: string): string {
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((match) => Number(match[1])))].sort(
    (a, b) => a - b,
  );
  const renumbered = new Map(ids.map((id, index) => [id, String(index + 1).padStart(8, "0")]));
  return text.replace(NODE_ID, (_whole, digits: string) => `(node${renumbered.get(Number(digits))!})`);
}

/** SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), or undefined if unset or bad. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
