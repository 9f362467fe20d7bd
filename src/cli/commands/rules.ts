/** `vtvl rules`: every rule vtvl knows, with its default severity, regimes, fixability and docs page. */
import type { Command } from "commander";
import { localize, type Lang } from "../../i18n/index.js";
import { LANG_OPTION, parseLang } from "../options.js";
import { ruleDocsUrl, ruleRegistry, type RuleKind } from "../../lint/registry.js";
import type { Severity } from "../../lint/finding.js";
import type { CliIo } from "../main.js";

export interface RuleListing {
  id: string;
  kind: RuleKind;
  category: string;
  severity: Severity;
  regimes: string[] | "all";
  fixable: boolean;
  pattern: boolean;
  description: string;
  source: string;
  docs: string;
  docsUrl: string;
}

export function listRules(lang: Lang): RuleListing[] {
  return [...ruleRegistry().values()]
    .map((descriptor) => ({
      id: descriptor.id,
      kind: descriptor.kind,
      category: descriptor.meta.category,
      severity: descriptor.meta.severity,
      regimes: descriptor.meta.regimes === "all" ? ("all" as const) : [...descriptor.meta.regimes],
      fixable: Boolean(descriptor.meta.fixable),
      pattern: Boolean(descriptor.meta.pattern),
      description: localize(descriptor.meta.description, lang),
      source: descriptor.meta.source,
      docs: `docs/rules/${descriptor.id}.md`,
      docsUrl: ruleDocsUrl(descriptor.id),
    }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  vi: { error: "lỗi", warning: "cảnh báo", info: "lưu ý" },
  en: { error: "error", warning: "warning", info: "info" },
};

export function formatRuleTable(listings: readonly RuleListing[], lang: Lang): string {
  const header =
    lang === "vi"
      ? ["quy tắc", "mức", "chế độ", "sửa", "mẫu", "tài liệu"]
      : ["rule", "severity", "regimes", "fix", "pattern", "docs"];
  const rows = listings.map((rule) => [
    rule.id,
    SEVERITY_LABEL[lang][rule.severity],
    rule.regimes === "all" ? (lang === "vi" ? "tất cả" : "all") : rule.regimes.join(","),
    rule.fixable ? "✓" : "",
    rule.pattern ? "✓" : "",
    rule.docs,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  const lines = [line(header)];
  let category = "";
  listings.forEach((rule, index) => {
    if (rule.category !== category) {
      category = rule.category;
      lines.push("", `[${category}]`);
    }
    lines.push(line(rows[index]!), `    ${rule.description}`);
  });
  const footer =
    lang === "vi"
      ? `\n${listings.length} quy tắc. "mẫu": rút ra từ cách các văn bản được viết, không phải từ quy định; chỉ cảnh báo hoặc lưu ý. Cấu hình trong .vtvlrc.yaml (docs/configuration.md).`
      : `\n${listings.length} rules. "pattern": derived from how the sources are written, not from law; a warning or info only. Configure them in .vtvlrc.yaml (docs/configuration.md).`;
  return `${lines.join("\n")}\n${footer}\n`;
}

export function registerRules(program: Command, io: CliIo): void {
  program
    .command("rules")
    .description("Liệt kê các quy tắc kiểm tra (list the lint rules)")
    .option("--json", "kết quả dạng JSON")
    .option(...LANG_OPTION)
    .action((flags: { json?: boolean; lang: string }) => {
      const lang = parseLang(flags.lang);
      const listings = listRules(lang);
      io.stdout(flags.json ? `${JSON.stringify(listings, null, 2)}\n` : formatRuleTable(listings, lang));
    });
}
