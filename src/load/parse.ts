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
    [/nesting exceeded maxDepth/, "tài liệu lồng nhau quá sâu (quá 100 cấp)"],
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
    const yamlError = error as { reason?: string; mark?: YamlMark };
    const reason = yamlError.reason ?? String(error);
    const mark = yamlError.mark ?? { line: 0, column: 0 };
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
