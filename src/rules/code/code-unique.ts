import type { ProjectRule } from "../types.js";

/**
 * A code identifies one position in the agency's plan: two files with one code make the Đề án ambiguous. The
 * check runs across all the files linted together.
 */
export const codeUnique: ProjectRule = {
  id: "code-unique",
  meta: {
    description: {
      vi: "Mỗi mã vị trí việc làm chỉ dùng cho một bản mô tả trong các tệp được kiểm tra cùng lúc.",
      en: "Each position code is used by one description among the files linted together.",
    },
    severity: "error",
    regimes: "all",
    category: "code",
    source:
      "Mã vị trí việc làm định danh một vị trí trong đề án vị trí việc làm (NĐ 62/2020/NĐ-CP, NĐ 106/2020/NĐ-CP Điều 7.2; GUIDE.md §e.11)",
    messages: {
      duplicateCode: {
        vi: "Mã “{code}” cũng được dùng ở {others}.",
        en: "Code “{code}” is also used in {others}.",
      },
    },
  },
  checkProject(files) {
    const byCode = new Map<string, typeof files>();
    for (const file of files) {
      const code = file.position.code;
      if (typeof code !== "string" || !code.trim()) continue;
      const key = code.trim().toUpperCase();
      byCode.set(key, [...(byCode.get(key) ?? []), file]);
    }
    for (const [, holders] of byCode) {
      if (holders.length < 2) continue;
      for (const file of holders)
        file.report({
          messageId: "duplicateCode",
          data: {
            code: String(file.position.code).trim(),
            others: holders
              .filter((other) => other !== file)
              .map((other) => `${other.file} (“${other.position.name}”)`)
              .join(", "),
          },
          path: ["code"],
        });
    }
  },
};
