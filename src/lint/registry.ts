/** Every rule id vtvl can report, with its metadata: built-in findings, per-file rules and cross-file rules. */
import { projectRules, rules } from "../rules/index.js";
import type { RuleMeta } from "../rules/types.js";
import { builtinRules } from "./builtin.js";

export type RuleKind = "builtin" | "file" | "project";

export interface RuleDescriptor {
  id: string;
  kind: RuleKind;
  meta: RuleMeta;
}

let registry: Map<string, RuleDescriptor> | undefined;

export function ruleRegistry(): ReadonlyMap<string, RuleDescriptor> {
  if (!registry) {
    registry = new Map();
    for (const [id, meta] of Object.entries(builtinRules)) registry.set(id, { id, kind: "builtin", meta });
    for (const rule of rules) registry.set(rule.id, { id: rule.id, kind: "file", meta: rule.meta });
    for (const rule of projectRules) registry.set(rule.id, { id: rule.id, kind: "project", meta: rule.meta });
  }
  return registry;
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return ruleRegistry().get(id)?.meta;
}

/** Where a rule's documentation page lives in the repository (docs/rules/<id>.md). */
export const RULE_DOCS_BASE_URL = "https://github.com/vtvl/vtvl/blob/main/docs/rules/";

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}${id}.md`;
}
