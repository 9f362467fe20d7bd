import { basename } from "node:path";
import { leadershipData } from "../data.js";
import { formatRange, isBelow } from "../support/levels.js";
import type { ProjectFile, ProjectRule } from "../types.js";
import { comparableSets, levelIndex } from "./competency-index.js";

const fold = (text: unknown): string =>
  String(text ?? "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** The head a deputy post serves under, by name: "Phó " + the head's name, or a known alias. */
function headName(deputy: unknown): string[] {
  const name = fold(deputy);
  const heads: string[] = [];
  if (!name) return heads;
  const { deputyPrefixes, aliases } = leadershipData();
  for (const prefix of deputyPrefixes) {
    const folded = `${fold(prefix)} `;
    if (name.startsWith(folded)) heads.push(name.slice(folded.length));
  }
  for (const alias of aliases) {
    const deputyPart = fold(alias.deputy);
    if (name.startsWith(deputyPart) && !/\p{L}/u.test(name.charAt(deputyPart.length)))
      heads.push(fold(alias.head) + name.slice(deputyPart.length));
  }
  return heads;
}

/**
 * A head answers for everything the deputy does: a head's required level below the deputy's is probably a
 * swapped or mistyped table (QĐ 4135's Chánh Văn phòng LĐLĐ tỉnh asks level 2 where its deputy asks 4). A
 * pattern, compared across the files of one folder.
 */
export const levelHeadVsDeputy: ProjectRule = {
  id: "level-head-vs-deputy",
  meta: {
    description: {
      vi: "Cấp độ năng lực của cấp trưởng không thấp hơn của cấp phó (so các tệp trong cùng thư mục).",
      en: "A head's competency levels are not below the deputy's (files of one folder compared).",
    },
    severity: "warning",
    regimes: ["dang-qd4135", "cc-nd361", "cc-nd62"],
    category: "cross-file",
    pattern: true,
    source:
      "Thứ bậc lãnh đạo, quản lý (GUIDE.md §e.34); ví dụ 001_1e3cb0e3f3dd4d5e.txt L2699–L2770 thấp hơn L2932–L3003",
    messages: {
      headBelowDeputy: {
        vi: "Cấp trưởng yêu cầu “{name}” ở cấp độ {head}, thấp hơn cấp phó “{deputy}” ({deputyLevel}, tệp {file}).",
        en: "The head requires “{name}” at level {head}, below the deputy “{deputy}” ({deputyLevel}, file {file}).",
      },
    },
  },
  checkProject(files) {
    for (const set of comparableSets(files)) {
      const levelsOf = levelIndex();
      const byName = new Map<string, ProjectFile>(
        set.filter((file) => fold(file.position.name)).map((file) => [fold(file.position.name), file]),
      );
      for (const deputy of set) {
        for (const wanted of headName(deputy.position.name)) {
          const head = byName.get(wanted);
          if (!head || head === deputy) continue;
          const deputyLevels = levelsOf(deputy);
          for (const [key, level] of levelsOf(head)) {
            const other = deputyLevels.get(key);
            if (!other || !isBelow(level.range, other.range)) continue;
            head.report({
              messageId: "headBelowDeputy",
              data: {
                name: level.name,
                head: formatRange(level.range),
                deputy: deputy.position.name,
                deputyLevel: formatRange(other.range),
                file: basename(deputy.file),
              },
              path: level.path,
            });
          }
        }
      }
    }
  },
};
