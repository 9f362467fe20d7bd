import { basename } from "node:path";
import { gradeInName, positionGrade } from "../support/grade.js";
import { formatRange, isBelow } from "../support/levels.js";
import type { ProjectFile, ProjectRule } from "../types.js";
import type { GradeEntry } from "../data.js";
import { comparableSets, levelIndex } from "./competency-index.js";

/** The specialty of a position: its name without the grade it begins with, on the grade's ladder. */
function specialty(file: ProjectFile, grade: GradeEntry): string {
  const name = String(file.position.name ?? "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
  const named = gradeInName(name);
  const rest = named ? name.slice(named.name.length) : name;
  return `${grade.ladder}\u0000${rest.trim().toLowerCase()}`;
}

/**
 * Within one specialty the grades form a ladder: chuyên viên cao cấp asks at least what chuyên viên chính
 * asks, which asks at least what chuyên viên asks (NCVC ≥ NCV ≥ TLNC; CNTT hạng II ≥ III ≥ IV). A higher grade
 * asking less is probably a copied table. A pattern, compared across the files of one folder.
 */
export const levelGradeOrder: ProjectRule = {
  id: "level-grade-order",
  meta: {
    description: {
      vi: "Trong cùng chuyên môn, ngạch (hạng) cao hơn không yêu cầu cấp độ năng lực thấp hơn ngạch (hạng) thấp hơn.",
      en: "Within one specialty, a higher grade (rank) does not require lower competency levels than a lower one.",
    },
    severity: "warning",
    regimes: "all",
    category: "cross-file",
    pattern: true,
    source:
      "Thứ bậc ngạch và hạng (Luật 80/2025/QH15 Điều 24; GUIDE.md §e.33); các mẫu của TT 02/2023/TT-VPCP và QĐ 302/QĐ-UBND giữ thứ tự này",
    messages: {
      higherBelowLower: {
        vi: "Ngạch {grade} yêu cầu “{name}” ở cấp độ {level}, thấp hơn ngạch {lowerGrade} cùng chuyên môn ({lowerLevel}, tệp {file}).",
        en: "Grade {grade} requires “{name}” at level {level}, below the lower grade {lowerGrade} of the same specialty ({lowerLevel}, file {file}).",
      },
    },
  },
  checkProject(files) {
    for (const set of comparableSets(files)) {
      const levelsOf = levelIndex();
      const ladders = new Map<string, Array<{ file: ProjectFile; grade: GradeEntry }>>();
      for (const file of set) {
        const grade = positionGrade(file.position);
        if (!grade) continue;
        const key = specialty(file, grade);
        const ladder = ladders.get(key);
        if (ladder) ladder.push({ file, grade });
        else ladders.set(key, [{ file, grade }]);
      }
      for (const ladder of ladders.values()) {
        for (const higher of ladder) {
          for (const lower of ladder) {
            if (higher.grade.tier >= lower.grade.tier) continue;
            const lowerLevels = levelsOf(lower.file);
            for (const [key, level] of levelsOf(higher.file)) {
              const other = lowerLevels.get(key);
              if (!other || !isBelow(level.range, other.range)) continue;
              higher.file.report({
                messageId: "higherBelowLower",
                data: {
                  grade: higher.grade.name,
                  name: level.name,
                  level: formatRange(level.range),
                  lowerGrade: lower.grade.name,
                  lowerLevel: formatRange(other.range),
                  file: basename(lower.file.file),
                },
                path: level.path,
              });
            }
          }
        }
      }
    }
  },
};
