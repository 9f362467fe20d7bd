/** Every rule vtvl knows, in the order their findings are documented (by category). */
import { codeFormat } from "./code/code-format.js";
import { codeTitleSuffix } from "./code/code-title-suffix.js";
import { codeUnique } from "./code/code-unique.js";
import { competencyLevelFormat } from "./competency/competency-level-format.js";
import { competencyLevelGrade } from "./competency/competency-level-grade.js";
import { competencyLevelMissing } from "./competency/competency-level-missing.js";
import { competencySet } from "./competency/competency-set.js";
import { levelLegend } from "./competency/level-legend.js";
import { levelGradeOrder } from "./cross-file/level-grade-order.js";
import { levelHeadVsDeputy } from "./cross-file/level-head-vs-deputy.js";
import { experienceLegacyYears } from "./experience/experience-legacy-years.js";
import { experienceMonths } from "./experience/experience-months.js";
import { experienceNoHardYears } from "./experience/experience-no-hard-years.js";
import { experiencePresent } from "./experience/experience-present.js";
import { adminLevelByGrade } from "./grade/admin-level-by-grade.js";
import { careerLevelRange } from "./grade/career-level-range.js";
import { gradeConsistency } from "./grade/grade-consistency.js";
import { authorityCodeSequence } from "./numbering/authority-code-sequence.js";
import { taskCodeSequence } from "./numbering/task-code-sequence.js";
import { approvalBlock } from "./structure/approval-block.js";
import { criterionNotCopy } from "./structure/criterion-not-copy.js";
import { decisionReference } from "./structure/decision-reference.js";
import { duplicateItem } from "./structure/duplicate-item.js";
import { headerBlock } from "./structure/header-block.js";
import { headingText } from "./structure/heading-text.js";
import { idFieldsFilled } from "./structure/id-fields-filled.js";
import { noDistrictAfter2025 } from "./structure/no-district-after-2025.js";
import { regimePeriod } from "./structure/regime-period.js";
import { relationNature } from "./structure/relation-nature.js";
import { requirementRows } from "./structure/requirement-rows.js";
import { sectionEmpty } from "./structure/section-empty.js";
import { sectionRequired } from "./structure/section-required.js";
import { taskCriterionRequired } from "./structure/task-criterion-required.js";
import { certificateScale } from "./text/certificate-scale.js";
import { doubledWord } from "./text/doubled-word.js";
import { knownTypo } from "./text/known-typo.js";
import { legacyEncoding } from "./text/legacy-encoding.js";
import { noMarkup } from "./text/no-markup.js";
import { placeholderLeft } from "./text/placeholder-left.js";
import { unicodeNfc } from "./text/unicode-nfc.js";
import { whitespace } from "./text/whitespace.js";
import type { ProjectRule, Rule } from "./types.js";

/**
 * Rules read the data the schema has just checked, but they also run on files that failed it. A rule that
 * meets a shape it does not expect (a string where the schema wants a list) stays silent: the schema finding
 * already tells the user what to fix. VTVL_RULES_STRICT=1 (the rules' own tests) lets such errors through.
 */
function tolerant(rule: Rule): Rule {
  return {
    ...rule,
    check(context) {
      try {
        rule.check(context);
      } catch (error) {
        if (process.env.VTVL_RULES_STRICT) throw error;
      }
    },
  };
}

function tolerantProject(rule: ProjectRule): ProjectRule {
  return {
    ...rule,
    checkProject(files, options) {
      try {
        rule.checkProject(files, options);
      } catch (error) {
        if (process.env.VTVL_RULES_STRICT) throw error;
      }
    },
  };
}

export const rules: readonly Rule[] = [
  // structure
  regimePeriod,
  sectionRequired,
  sectionEmpty,
  headingText,
  headerBlock,
  idFieldsFilled,
  decisionReference,
  taskCriterionRequired,
  criterionNotCopy,
  duplicateItem,
  relationNature,
  requirementRows,
  approvalBlock,
  noDistrictAfter2025,
  // numbering
  taskCodeSequence,
  authorityCodeSequence,
  // competency
  competencyLevelFormat,
  competencyLevelMissing,
  competencySet,
  competencyLevelGrade,
  levelLegend,
  // experience
  experienceLegacyYears,
  experienceNoHardYears,
  experienceMonths,
  experiencePresent,
  // grade
  gradeConsistency,
  adminLevelByGrade,
  careerLevelRange,
  // code
  codeFormat,
  codeTitleSuffix,
  // text
  unicodeNfc,
  legacyEncoding,
  placeholderLeft,
  doubledWord,
  knownTypo,
  whitespace,
  noMarkup,
  certificateScale,
].map(tolerant);

export const projectRules: readonly ProjectRule[] = [codeUnique, levelHeadVsDeputy, levelGradeOrder].map(
  tolerantProject,
);
