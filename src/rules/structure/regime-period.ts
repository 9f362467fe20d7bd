import { regimeData } from "../data.js";
import { vietnameseDate } from "../support/dates.js";
import type { Rule } from "../types.js";

/**
 * Rules are chosen by regime and date: a 2026 description still declaring the 2020 regime would be checked
 * against rules that no longer apply. Each regime has a period; a description dated outside it, or declaring a
 * regime of the other service (công chức / viên chức) than its form, is reported.
 */
export const regimePeriod: Rule = {
  id: "regime-period",
  meta: {
    description: {
      vi: "Ngày hiệu lực của bản mô tả nằm trong thời gian áp dụng của chế độ pháp lý mà nó khai báo.",
      en: "The description's effective date falls within the period of the regime it declares.",
    },
    severity: "warning",
    regimes: "all",
    category: "structure",
    source:
      "NĐ 62/2020/NĐ-CP và NĐ 361/2025/NĐ-CP Điều 13 (công chức); NĐ 106/2020/NĐ-CP và NĐ 232/2026/NĐ-CP Điều 16, 18 (viên chức); QĐ 4135-QĐ/BTCTW (data/rules/regimes.yaml)",
    messages: {
      beforeRegime: {
        vi: "Ngày hiệu lực {date} trước khi chế độ {regime} bắt đầu áp dụng ({from}).",
        en: "Effective date {date} is before regime {regime} applies ({from}).",
      },
      afterRegime: {
        vi: "Ngày hiệu lực {date} sau khi các quy định về vị trí việc làm của chế độ {regime} hết hiệu lực ({until}); bản mô tả mới theo {successor}.",
        en: "Effective date {date} is after the position rules of regime {regime} ceased ({until}); new descriptions follow {successor}.",
      },
      serviceMismatch: {
        vi: "Mẫu biểu {form} dành cho {formService} nhưng tệp khai báo chế độ {regime} của {regimeService}.",
        en: "Form {form} is for {formService} but the file declares regime {regime}, which is for {regimeService}.",
      },
    },
  },
  check(context) {
    const service = (regime: string): string => (regime.startsWith("vc-") ? "viên chức" : "công chức");
    const declared = context.position.regime;
    if (declared && declared.startsWith("vc-") !== context.form.regime.startsWith("vc-"))
      context.report({
        messageId: "serviceMismatch",
        data: {
          form: context.form.id,
          formService: service(context.form.regime),
          regime: declared,
          regimeService: service(declared),
        },
        path: ["regime"],
      });
    const date = context.position.effectiveDate;
    if (!date) return;
    const period = regimeData().regimes[context.regime];
    if (!period) return;
    if (date < period.from)
      context.report({
        messageId: "beforeRegime",
        data: { date: vietnameseDate(date), regime: context.regime, from: vietnameseDate(period.from) },
        path: ["effectiveDate"],
      });
    else if (period.until && date > period.until)
      context.report({
        messageId: "afterRegime",
        data: {
          date: vietnameseDate(date),
          regime: context.regime,
          until: vietnameseDate(period.until),
          successor: period.successor ?? "",
        },
        path: ["effectiveDate"],
      });
  },
};
