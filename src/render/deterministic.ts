/**
 * Reproducible PDFs. Chromium (Skia) writes the time of printing as /CreationDate and /ModDate in the Info
 * dictionary and nothing else that varies between runs (no /ID, no random font-subset tags), so with
 * SOURCE_DATE_EPOCH set we overwrite those two dates in place. The replacement has exactly the length of the
 * original, so the cross-reference offsets stay valid; a date we cannot replace that way is left untouched.
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
  return patched === text ? pdf : new Uint8Array(Buffer.from(patched, "latin1"));
}

/** SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), or undefined if unset or bad. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
