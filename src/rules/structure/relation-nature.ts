import { isBlank } from "../support/text.js";
import type { Rule } from "../types.js";

/** Table 3.2 pairs each outside body with the nature of the relation; one without the other says nothing. */
export const relationNature: Rule = {
  id: "relation-nature",
  meta: {
    description: {
      vi: "Mỗi dòng quan hệ bên ngoài có cả cơ quan, tổ chức và “Bản chất quan hệ”.",
      en: "Each external relation row has both the organisations and the nature of the relation.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "Mẫu biểu, mục 3.2 “Cơ quan, tổ chức có quan hệ chính | Bản chất quan hệ” (GUIDE.md §c); ví dụ 001_1e3cb0e3f3dd4d5e.txt L3615, L3618",
    messages: {
      missingNature: {
        vi: "Quan hệ bên ngoài thứ {index} chưa ghi “Bản chất quan hệ” (`nature`).",
        en: "External relation {index} has no nature of the relation (`nature`).",
      },
      missingOrganisations: {
        vi: "Quan hệ bên ngoài thứ {index} chưa ghi cơ quan, tổ chức (`organisations`).",
        en: "External relation {index} names no organisation (`organisations`).",
      },
    },
  },
  check(context) {
    (context.position.relations?.external ?? []).forEach((row, index) => {
      const noNature = isBlank(row.nature);
      const noOrganisations = isBlank(row.organisations);
      if (noNature && noOrganisations) return;
      if (noNature)
        context.report({
          messageId: "missingNature",
          data: { index: index + 1 },
          path: ["relations", "external", index],
        });
      if (noOrganisations)
        context.report({
          messageId: "missingOrganisations",
          data: { index: index + 1 },
          path: ["relations", "external", index],
        });
    });
  },
};
