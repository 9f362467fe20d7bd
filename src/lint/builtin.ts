/** Findings that come from reading the file and checking it against its form's schema, not from a rule module. */
import type { RuleMeta } from "../rules/types.js";

export const builtinRules: Record<string, RuleMeta> = {
  encoding: {
    description: {
      vi: "Tệp phải là văn bản UTF-8 có kích thước hợp lý.",
      en: "The file must be UTF-8 text of a reasonable size.",
    },
    severity: "error",
    regimes: "all",
    category: "file",
    source: "TCVN 6909:2001 (Unicode); YAML 1.2 §5.2",
    messages: {},
  },
  "parse-error": {
    description: {
      vi: "Tệp phải là YAML hợp lệ, không lặp khóa, trong giới hạn an toàn.",
      en: "The file must be valid YAML without duplicate keys, within safe limits.",
    },
    severity: "error",
    regimes: "all",
    category: "file",
    source: "YAML 1.2",
    messages: {},
  },
  "form-unknown": {
    description: {
      vi: "Tệp phải khai báo một mẫu biểu mà vtvl biết (khóa `form`).",
      en: "The file must declare a form vtvl knows (the `form` key).",
    },
    severity: "error",
    regimes: "all",
    category: "structure",
    source: "data/forms.yaml",
    messages: {},
  },
  schema: {
    description: {
      vi: "Tệp phải khớp lược đồ JSON của mẫu biểu (các mục bắt buộc, kiểu và giá trị của từng trường).",
      en: "The file must match its form's JSON Schema (required sections, type and values of each field).",
    },
    severity: "error",
    regimes: "all",
    category: "structure",
    source: "schemas/*.schema.json, lập từ các mẫu của thông tư, quyết định",
    messages: {},
  },
  "unused-suppression": {
    description: {
      vi: "Mỗi chú thích `# vtvl-disable…` phải che đi ít nhất một phát hiện; chú thích thừa được báo để xoá.",
      en: "Every `# vtvl-disable…` comment must silence at least one finding; a stale one is reported for removal.",
    },
    severity: "warning",
    regimes: "all",
    category: "file",
    source: "Chính sách của vtvl (như --report-unused-disable-directives của ESLint)",
    fixable: true,
    messages: {},
  },
};

/** Built-in findings that mean the file could not be read as a description: always errors, never silenced. */
export const FATAL_RULE_IDS: ReadonlySet<string> = new Set(["parse-error", "form-unknown"]);
