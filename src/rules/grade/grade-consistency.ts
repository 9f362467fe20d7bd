import { didYouMean } from "../../util/similar.js";
import { allGrades, declaredGrades, namedGrade } from "../support/grade.js";
import type { Rule } from "../types.js";

/**
 * The name of a position begins with its grade ("Chuyên viên chính về kiểm soát thủ tục hành chính") and the
 * catalogue pairs it with "Tương ứng ngạch công chức": the two must agree, the grade must be a real grade
 * with its real code, and a professional title's hạng must be the one its name prints.
 */
export const gradeConsistency: Rule = {
  id: "grade-consistency",
  meta: {
    description: {
      vi: "Ngạch ghi trong tên vị trí khớp với ngạch tương ứng; tên và mã số ngạch đúng; hạng khớp với tên chức danh.",
      en: "The grade in the position's name matches its declared grade; grade names and codes are right; the rank matches the title.",
    },
    severity: "error",
    regimes: "all",
    category: "grade",
    source:
      "Danh mục vị trí việc làm: “Tên vị trí việc làm | Tương ứng ngạch công chức” (000_a7696d64b2f94493.txt L62–L151); mã số ngạch (data/rules/grades.yaml); Luật 80/2025/QH15 Điều 24",
    messages: {
      nameMismatch: {
        vi: "Tên vị trí nêu ngạch “{named}” nhưng ngạch tương ứng là “{declared}”.",
        en: "The position's name names the grade “{named}” but its declared grade is “{declared}”.",
      },
      notAGrade: {
        vi: "“{grade}” không phải tên một ngạch. Ghi tên ngạch, hoặc `grade: null` nếu vị trí không gắn với ngạch.",
        en: "“{grade}” is not a grade name. Write the grade, or `grade: null` if the position has none.",
      },
      misspelt: {
        vi: "Ngạch “{grade}” viết khác tên ngạch “{suggestion}”.",
        en: "Grade “{grade}” is written differently from the grade “{suggestion}”.",
      },
      codeMismatch: {
        vi: "Mã số {code} không phải mã của ngạch {grade} ({expected}).",
        en: "Code {code} is not the code of grade {grade} ({expected}).",
      },
      rankMismatch: {
        vi: "Tên chức danh ghi hạng {named} nhưng `professionalTitle.rank` là {declared}.",
        en: "The title names rank {named} but `professionalTitle.rank` is {declared}.",
      },
    },
  },
  check(context) {
    const { position } = context;
    const declared = declaredGrades(position);
    const names = allGrades().map((grade) => grade.name);
    for (const grade of declared) {
      if (!/\p{L}/u.test(grade.name)) {
        context.report({ messageId: "notAGrade", data: { grade: grade.name }, path: grade.path });
        continue;
      }
      if (!grade.entry) {
        const suggestion = didYouMean(grade.name, names);
        if (suggestion)
          context.report({
            messageId: "misspelt",
            data: { grade: grade.name, suggestion },
            path: grade.path,
            suggestions: [suggestion],
          });
        continue;
      }
      if (grade.code && grade.entry.code && grade.code !== grade.entry.code)
        context.report({
          messageId: "codeMismatch",
          data: { code: grade.code, grade: grade.entry.name, expected: grade.entry.code },
          path: grade.path.at(-1) === "name" ? [...grade.path.slice(0, -1), "code"] : grade.path,
        });
    }
    const named = namedGrade(position);
    const known = declared.filter((grade) => grade.entry);
    if (named && known.length && !known.some((grade) => grade.entry!.name === named.name))
      context.report({
        messageId: "nameMismatch",
        data: { named: named.name, declared: declared.map((grade) => grade.name).join(" hoặc ") },
        path: known[0]!.path,
      });
    const title = position.professionalTitle;
    const rankInName = /hạng\s+(IV|III|II|I)(?![\p{L}])/u.exec(`${position.name} ${title?.name ?? ""}`);
    if (title?.rank && rankInName && rankInName[1] !== title.rank)
      context.report({
        messageId: "rankMismatch",
        data: { named: rankInName[1], declared: title.rank },
        path: ["professionalTitle", "rank"],
      });
  },
};
