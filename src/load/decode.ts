/**
 * Bytes → text. Everything a user can hand us by mistake (a Word file, a UTF-16 export, a file saved in
 * Windows-1258 or TCVN3) is named here, with the place where it goes wrong and how to fix it.
 */
import type { Localized } from "../i18n/index.js";

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export type DecodeProblemKind = "too-large" | "binary" | "utf16" | "not-utf8";

export interface DecodeProblem {
  kind: DecodeProblemKind;
  /** For "not-utf8": the legacy encoding the bytes look like, when one stands out. */
  encoding?: LegacyEncoding;
  message: Localized;
  line: number;
  column: number;
}

export interface Decoded {
  text: string;
  /** The file started with a UTF-8 byte order mark, which was removed. */
  hadBom: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function lineColumnAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

export type LegacyEncoding = "TCVN3" | "VNI" | "Windows-1258";

const LEGACY_NAMES: Record<LegacyEncoding, string> = {
  TCVN3: "TCVN3 (ABC, phông .VnTime)",
  VNI: "VNI-Windows (phông VNI-Times)",
  "Windows-1258": "Windows-1258",
};

/**
 * Which legacy Vietnamese encoding the bytes look like, from the bytes each one uses for Vietnamese
 * letters and no other does:
 * - TCVN3 (ABC) puts the base letters ă â ê ô ơ ư đ (and capitals) at 0xA1–0xAE, symbols elsewhere;
 * - VNI writes a letter then its marks, with ø û ï ö ñ (0xF8 0xFB 0xEF 0xF6 0xF1) as huyền, hỏi, nặng, ư, đ;
 * - Windows-1258 has ê â ô ă at 0xEA 0xE2 0xF4 0xE3 and the tones as combining marks (0xCC 0xEC 0xD2 0xDE 0xF2).
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | undefined {
  const score: Record<LegacyEncoding, number> = { TCVN3: 0, VNI: 0, "Windows-1258": 0 };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const previous = bytes[i - 1] ?? 0;
    const afterLetter = (previous | 0x20) >= 0x61 && (previous | 0x20) <= 0x7a;
    if (b >= 0xa1 && b <= 0xae) score.TCVN3 += 2;
    else if (b >= 0xb5) score.TCVN3 += 0.5;
    if ([0xf8, 0xfb, 0xef, 0xf6, 0xf1, 0xd8, 0xdb, 0xcf, 0xd6, 0xd1].includes(b) && afterLetter)
      score.VNI += 2;
    if (b === 0xe2 && /[aeiouy]/i.test(String.fromCharCode(previous))) score.VNI += 1;
    if ([0xcc, 0xec, 0xd2, 0xde, 0xf2].includes(b) && (afterLetter || previous >= 0xc0))
      score["Windows-1258"] += 2;
    if ([0xea, 0xe2, 0xf4, 0xe3, 0xf0, 0xf5, 0xfd].includes(b) && afterLetter) score["Windows-1258"] += 0.5;
  }
  const ranked = (Object.entries(score) as Array<[LegacyEncoding, number]>).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 ? ranked[0]![0] : undefined;
}

/** The problem of a file over the size limit; callers that know the size before reading use it directly. */
export function tooLarge(size: number, maxBytes: number): DecodeProblem {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    kind: "too-large",
    line: 1,
    column: 1,
    message: {
      vi: `Tệp quá lớn (${mib(size)} MiB, giới hạn ${mib(maxBytes)} MiB). Một bản mô tả thường dưới 100 KiB: kiểm tra xem đây có đúng là tệp YAML không, hoặc tăng giới hạn bằng --max-file-size.`,
      en: `File too large (${mib(size)} MiB, limit ${mib(maxBytes)} MiB). A description is usually under 100 KiB: check that this is the right YAML file, or raise the limit with --max-file-size.`,
    },
  };
}

export function decodeSource(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): Decoded | DecodeProblem {
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      kind: "utf16",
      line: 1,
      column: 1,
      message: {
        vi: "Tệp được lưu bằng mã UTF-16. Hãy lưu lại bằng UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8).",
        en: "The file is encoded as UTF-16. Save it again as UTF-8 (in your editor: Save with Encoding → UTF-8).",
      },
    };
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const evenZeros = body.filter((b, i) => b === 0 && i % 2 === 1).length;
    const utf16Like = evenZeros > body.length / 4;
    const at = lineColumnAt(body, nul);
    return utf16Like
      ? {
          kind: "utf16",
          ...at,
          message: {
            vi: "Tệp có vẻ được lưu bằng mã UTF-16 (không có BOM). Hãy lưu lại bằng UTF-8.",
            en: "The file looks UTF-16 encoded (without a BOM). Save it again as UTF-8.",
          },
        }
      : {
          kind: "binary",
          ...at,
          message: {
            vi: "Tệp nhị phân, không phải văn bản YAML (có byte 0). Có thể đây là tệp Word hoặc PDF: vtvl chỉ đọc tệp .yaml.",
            en: "Binary file, not YAML text (contains a NUL byte). It may be a Word or PDF file: vtvl reads .yaml files only.",
          },
        };
  }
  try {
    return { text: utf8.decode(body), hadBom };
  } catch {
    const offset = firstInvalidUtf8(body);
    const at = lineColumnAt(body, Math.max(0, offset));
    const guess = guessLegacyEncoding(body);
    const byte = `0x${(body[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
    const looks = guess
      ? { vi: `có vẻ là bảng mã ${LEGACY_NAMES[guess]}`, en: `it looks like ${LEGACY_NAMES[guess]}` }
      : {
          vi: "có thể là một bảng mã cũ (TCVN3, VNI-Windows hoặc Windows-1258)",
          en: "it may be a legacy encoding (TCVN3, VNI-Windows or Windows-1258)",
        };
    const from = guess ? `${guess} → Unicode` : "→ Unicode";
    return {
      kind: "not-utf8",
      ...at,
      encoding: guess,
      message: {
        vi: `Tệp không phải UTF-8 (byte ${byte} không hợp lệ); ${looks.vi}. Hãy chuyển sang Unicode UTF-8 (ví dụ Unikey: Công cụ → Chuyển mã, ${from}) rồi lưu lại.`,
        en: `The file is not UTF-8 (invalid byte ${byte}); ${looks.en}. Convert it to Unicode UTF-8 (e.g. Unikey: Tools → Convert, ${from}) and save it again.`,
      },
    };
  }
}

export function isDecodeProblem(value: Decoded | DecodeProblem): value is DecodeProblem {
  return "kind" in value;
}
