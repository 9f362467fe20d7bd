/**
 * GitLab Code Quality (a subset of the Code Climate issue format): the merge request widget shows which
 * findings a change adds or resolves, matched by fingerprint.
 */
import type { FileResult } from "../lint/engine.js";
import { FATAL_RULE_IDS } from "../lint/builtin.js";
import type { Finding } from "../lint/finding.js";
import { jsonArrayChunks, reportPath, type ReportContext } from "./context.js";
import { fingerprints } from "./fingerprint.js";

type CodeQualitySeverity = "info" | "minor" | "major" | "critical" | "blocker";

function severityOf(finding: Finding, fatal: boolean): CodeQualitySeverity {
  if (fatal && (FATAL_RULE_IDS.has(finding.ruleId) || finding.ruleId === "encoding")) return "blocker";
  return finding.severity === "error" ? "major" : finding.severity === "warning" ? "minor" : "info";
}

function* issues(results: readonly FileResult[], context: ReportContext) {
  for (const result of results) {
    const path = reportPath(result.file, context.cwd);
    const prints = fingerprints(result, path, result.findings);
    for (const [index, finding] of result.findings.entries())
      yield {
        type: "issue",
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: prints[index]!,
        severity: severityOf(finding, result.fatal),
        location: { path, lines: { begin: finding.line, end: finding.endLine } },
      };
  }
}

export function* gitlabChunks(results: readonly FileResult[], context: ReportContext): Generator<string> {
  yield* jsonArrayChunks(issues(results, context));
  yield "\n";
}

export function formatGitlab(results: readonly FileResult[], context: ReportContext): string {
  return [...gitlabChunks(results, context)].join("");
}
