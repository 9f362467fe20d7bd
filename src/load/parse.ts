/**
 * YAML text → plain data. js-yaml (core schema: no timestamps, no custom tags) reads the values quickly;
 * exact positions come later and only when a finding needs one (see locate.ts).
 */
import yaml from "js-yaml";
import type { Localized } from "../i18n/index.js";

export const MAX_EXPANDED_NODES = 200_000;
export const MAX_DEPTH = 64;

export type ParseProblemKind = "syntax" | "duplicate-key" | "limits" | "not-a-mapping" | "empty";

export interface ParseProblem {
  kind: ParseProblemKind;
  message: Localized;
  line: number;
  column: number;
}

export interface Parsed {
  data: Record<string, unknown>;
}

interface YamlMark {
  line: number;
  column: number;
}

function translateReason(reason: string): string {
  const known: Array<[RegExp, string]> = [
    [/^duplicated mapping key/, "khóa bị lặp trong cùng một khối"],
    [/bad indentation of a mapping entry/, "thụt lề sai ở một mục của khối"],
    [/bad indentation of a sequence entry/, "thụt lề sai ở một phần tử danh sách"],
    [
      /end of the stream or a document separator is expected/,
      "thừa nội dung: có thể thụt lề sai hoặc thiếu dấu hai chấm",
    ],
    [/unexpected end of the stream within a (single|double) quoted scalar/, "thiếu dấu nháy đóng"],
    [
      /can not read a block mapping entry; a multiline key may not be an implicit key/,
      "một khóa không được trải nhiều dòng; có thể thiếu dấu hai chấm",
    ],
    [/incomplete explicit mapping pair; a key node is missed/, "thiếu khóa trước dấu hai chấm"],
    [/unidentified alias/, "tham chiếu (*alias) tới một neo (&anchor) không tồn tại"],
    [/unknown tag/, "thẻ YAML (!tag) không được hỗ trợ"],
    [/tab characters must not be used in indentation/, "không dùng ký tự Tab để thụt lề; hãy dùng dấu cách"],
    [/expected a comma or/, "thiếu dấu phẩy hoặc dấu đóng ngoặc"],
    [/nesting exceeded maxDepth/, "tài liệu lồng nhau quá sâu"],
    [/unexpected end of the stream within a flow collection/, "thiếu dấu đóng ngoặc ] hoặc }"],
    [/missed comma between flow collection entries/, "thiếu dấu phẩy giữa các phần tử trong ngoặc"],
    [/can not read an implicit mapping pair; a colon is missed/, "thiếu dấu hai chấm sau khóa"],
    [
      /expected a single document in the stream/,
      "tệp có nhiều tài liệu YAML (nhiều dấu ---); mỗi tệp chỉ chứa một bản mô tả",
    ],
    [
      /the stream contains non-printable characters/,
      "tệp có ký tự điều khiển không in được; hãy xoá ký tự đó",
    ],
    [/deficient indentation/, "thụt lề chưa đủ so với khối chứa nó"],
    [/name of an alias node must contain at least one character/, "tên tham chiếu (*alias) để trống"],
    [/duplication of (an anchor|a tag)/, "neo (&anchor) hoặc thẻ bị lặp trên cùng một nút"],
    [/unexpected end of the stream within a verbatim tag/, "thẻ YAML chưa đóng"],
    [/end of the document or stream expected/, "thừa nội dung sau cuối tài liệu"],
    [
      /block sequence entries are not allowed in this context/,
      "không được mở danh sách (- …) ngay sau khóa trên cùng một dòng",
    ],
    [/a line break is expected/, "cần xuống dòng ở đây"],
  ];
  for (const [pattern, vi] of known) if (pattern.test(reason)) return vi;
  return reason;
}

/** Counts nodes as a consumer would see them with every alias expanded, stopping at the budget. */
function exceedsLimits(value: unknown): "size" | "depth" | null {
  let visited = 0;
  const walk = (node: unknown, depth: number): "size" | "depth" | null => {
    if (++visited > MAX_EXPANDED_NODES) return "size";
    if (depth > MAX_DEPTH) return "depth";
    if (node !== null && typeof node === "object") {
      for (const child of Array.isArray(node) ? node : Object.values(node)) {
        const problem = walk(child, depth + 1);
        if (problem) return problem;
      }
    }
    return null;
  };
  return walk(value, 0);
}

/** js-yaml gives no place for "more than one document": point at the separator that starts the second. */
function secondDocumentMark(text: string, reason: string): YamlMark | undefined {
  if (!/expected a single document/.test(reason)) return undefined;
  const lines = text.split("\n");
  let seenContent = false;
  for (let line = 0; line < lines.length; line++) {
    const current = lines[line]!;
    if (/^(---|\.\.\.)(\s|$)/.test(current)) {
      if (seenContent) return { line, column: 0 };
    } else if (current.trim() && !current.trimStart().startsWith("#") && !current.startsWith("%")) {
      seenContent = true;
    }
  }
  return undefined;
}

export function parseYaml(text: string): Parsed | ParseProblem {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, json: false });
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        kind: "limits",
        line: 1,
        column: 1,
        message: {
          vi: "Tài liệu lồng nhau quá sâu để đọc an toàn. Một bản mô tả không cần quá vài chục cấp lồng nhau.",
          en: "The document is nested too deeply to read safely. A description never needs more than a few dozen levels.",
        },
      };
    }
    const yamlError = error as { reason?: string; mark?: YamlMark; message?: string };
    const reason = yamlError.reason ?? yamlError.message ?? String(error);
    const mark = yamlError.mark ?? secondDocumentMark(text, reason) ?? { line: 0, column: 0 };
    const duplicate = /^duplicated mapping key/.test(reason);
    return {
      kind: duplicate ? "duplicate-key" : "syntax",
      line: mark.line + 1,
      column: mark.column + 1,
      message: duplicate
        ? {
            vi: "Khóa bị lặp: cùng một khóa xuất hiện hai lần trong một khối. Hãy gộp hai mục hoặc đổi tên một khóa.",
            en: "Duplicate key: the same key appears twice in one mapping. Merge the two entries or rename one.",
          }
        : {
            vi: `Lỗi cú pháp YAML: ${translateReason(reason)}.`,
            en: `YAML syntax error: ${reason}.`,
          },
    };
  }
  if (data === undefined || data === null) {
    return {
      kind: "empty",
      line: 1,
      column: 1,
      message: {
        vi: "Tệp rỗng. Hãy tạo bản mô tả bằng `vtvl new`.",
        en: "The file is empty. Create a description with `vtvl new`.",
      },
    };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      kind: "not-a-mapping",
      line: 1,
      column: 1,
      message: {
        vi: "Tệp phải là một khối khóa: giá trị (bắt đầu bằng `form: …`), không phải một danh sách hay một giá trị đơn.",
        en: "The file must be a mapping of keys to values (starting with `form: …`), not a list or a single value.",
      },
    };
  }
  const limit = exceedsLimits(data);
  if (limit) {
    return {
      kind: "limits",
      line: 1,
      column: 1,
      message:
        limit === "size"
          ? {
              vi: `Tài liệu quá lớn sau khi mở rộng các tham chiếu (*alias): hơn ${MAX_EXPANDED_NODES} nút. Đừng dùng alias lồng nhau.`,
              en: `The document is too large once its aliases are expanded: over ${MAX_EXPANDED_NODES} nodes. Do not nest aliases.`,
            }
          : {
              vi: `Tài liệu lồng nhau quá ${MAX_DEPTH} cấp.`,
              en: `The document is nested deeper than ${MAX_DEPTH} levels.`,
            },
    };
  }
  return { data: data as Record<string, unknown> };
}

export function isParseProblem(value: Parsed | ParseProblem): value is ParseProblem {
  return "kind" in value;
}
