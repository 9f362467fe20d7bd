/**
 * Bytes of an input file → the import shape, choosing the reader by content (a zip is a .docx, markup is
 * HTML) and by extension, so a misnamed file is still read right.
 */
import type { Localized } from "../i18n/index.js";
import { decodeSource, isDecodeProblem } from "../load/decode.js";
import type { SourceDocument } from "./document.js";
import { DocxError, readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readTextExport } from "./text-export.js";

const MAX_BYTES = 50 * 1024 * 1024;

export class SourceError extends Error {
  constructor(readonly detail: Localized) {
    super(detail.en);
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readSource(file: string, bytes: Uint8Array): SourceDocument {
  if (isZip(bytes) || /\.docx$/iu.test(file)) {
    try {
      return readDocx(file, bytes);
    } catch (error) {
      if (error instanceof DocxError)
        throw new SourceError({
          vi: `không đọc được tệp Word: ${error.message}. Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.`,
          en: `cannot read the Word file: ${error.message}. Open it in Word or LibreOffice and save it again as .docx.`,
        });
      throw error;
    }
  }
  if (/\.doc$/iu.test(file) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw new SourceError({
      vi: "tệp .doc (Word 97–2003) chưa đọc được; hãy lưu lại dạng .docx (Tệp › Lưu thành) rồi nhập lại.",
      en: "a .doc (Word 97–2003) file cannot be read; save it as .docx (File › Save As) and import that.",
    });
  const decoded = decodeSource(bytes, MAX_BYTES);
  if (isDecodeProblem(decoded))
    throw new SourceError({
      vi: `${decoded.line}:${decoded.column}: ${decoded.message.vi}`,
      en: `${decoded.line}:${decoded.column}: ${decoded.message.en}`,
    });
  const text = decoded.text;
  if (/\.x?html?$/iu.test(file) || /^\s*(<!doctype html|<html|<body|<table|<meta)/iu.test(text))
    return readHtml(file, text);
  return readTextExport(file, text);
}
