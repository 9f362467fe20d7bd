/**
 * Bytes of an input file → the import shape, choosing the reader by content (a zip is a .docx, markup is
 * HTML) and by extension, so a misnamed file is still read right.
 */
import { Buffer } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Localized } from "../i18n/index.js";
import { decodeSource, isDecodeProblem, type DecodeProblem } from "../load/decode.js";
import type { SourceDocument } from "./document.js";
import { DocxError, readDocx } from "./docx.js";
import { SourceError } from "./errors.js";
import { readHtml } from "./html.js";
import { readTextExport } from "./text-export.js";

export { SourceError } from "./errors.js";

/** The largest input file `vtvl import` reads, of any format. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

const ACCEPTED: Localized = {
  vi: "vtvl import đọc tệp Word (.docx), HTML (.html, .htm) và văn bản thuần UTF-8 (.txt) xuất từ Word hoặc LibreOffice",
  en: "vtvl import reads Word files (.docx), HTML (.html, .htm) and UTF-8 plain text (.txt) exported from Word or LibreOffice",
};

/** The input is over {@link MAX_SOURCE_BYTES}: `size` bytes, or more than that when its size is unknown. */
export function sourceTooLarge(size?: number): SourceError {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const limit = megabytes(MAX_SOURCE_BYTES);
  return new SourceError({
    vi: `tệp quá lớn (${size === undefined ? `hơn ${limit}` : megabytes(size)}, giới hạn ${limit}). Một quyết định kèm các bản mô tả thường dưới vài MB: kiểm tra xem đây có đúng là tệp cần nhập không, hoặc tách thành nhiều tệp nhỏ hơn.`,
    en: `file too large (${size === undefined ? `more than ${limit}` : megabytes(size)}, limit ${limit}). A decision with its descriptions is usually under a few MB: check that this is the file to import, or split it into smaller files.`,
  });
}

/**
 * The bytes of an input file, read no further than {@link MAX_SOURCE_BYTES}: a file too large is refused
 * before it fills memory, and so is a device that never ends (/dev/zero). File system errors propagate.
 */
export function readSourceBytes(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > MAX_SOURCE_BYTES) throw sourceTooLarge(stats.size);
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const chunk = new Uint8Array(stats.isFile() ? Math.max(stats.size - length + 1, 4096) : 1 << 20);
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, MAX_SOURCE_BYTES + 1 - length), null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > MAX_SOURCE_BYTES) throw sourceTooLarge();
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** What the shared decoder found, in words for import (the decoder's own words are for YAML files). */
function decodeError(problem: DecodeProblem, size: number): SourceError {
  if (problem.kind === "too-large") return sourceTooLarge(size);
  const detail =
    problem.kind === "binary"
      ? {
          vi: `tệp nhị phân, không phải văn bản (có byte 0) và cũng không phải tệp Word .docx. ${ACCEPTED.vi}; tệp PDF hay ảnh chụp cần chuyển sang Word trước.`,
          en: `a binary file, not text (it contains a NUL byte), and not a Word .docx file either. ${ACCEPTED.en}; a PDF or a scan must be converted to Word first.`,
        }
      : problem.message;
  return new SourceError({
    vi: `${problem.line}:${problem.column}: ${detail.vi}`,
    en: `${problem.line}:${problem.column}: ${detail.en}`,
  });
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readSource(file: string, bytes: Uint8Array): SourceDocument {
  if (bytes.length > MAX_SOURCE_BYTES) throw sourceTooLarge(bytes.length);
  if (isZip(bytes) || /\.docx$/iu.test(file)) {
    try {
      return readDocx(file, bytes);
    } catch (error) {
      if (error instanceof DocxError)
        throw new SourceError({
          vi: `không đọc được tệp Word: ${error.detail.vi}. Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.`,
          en: `cannot read the Word file: ${error.detail.en}. Open it in Word or LibreOffice and save it again as .docx.`,
        });
      throw error;
    }
  }
  if (/\.doc$/iu.test(file) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw new SourceError({
      vi: "tệp .doc (Word 97–2003) chưa đọc được; hãy lưu lại dạng .docx (Tệp › Lưu thành) rồi nhập lại.",
      en: "a .doc (Word 97–2003) file cannot be read; save it as .docx (File › Save As) and import that.",
    });
  const decoded = decodeSource(bytes, MAX_SOURCE_BYTES);
  if (isDecodeProblem(decoded)) throw decodeError(decoded, bytes.length);
  const text = decoded.text;
  if (/\.x?html?$/iu.test(file) || /^\s*(<!doctype html|<html|<body|<table|<meta)/iu.test(text))
    return readHtml(file, text);
  return readTextExport(file, text);
}
