/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code's SARIF viewer): every rule vtvl knows in
 * tool.driver.rules (stable ids and indices, help at docs/rules/<id>.md), results with exact regions and
 * URIs relative to %SRCROOT% (the working directory), in-source suppressions with their reasons.
 */
import type { FileResult } from "../lint/engine.js";
import type { Finding, Severity } from "../lint/finding.js";
import { ruleDocsUrl, ruleRegistry } from "../lint/registry.js";
import type { SuppressedFinding } from "../lint/suppress.js";
import { directoryUri, fileUri, jsonArrayChunks, reportPath, type ReportContext } from "./context.js";
import { fingerprints } from "./fingerprint.js";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SOURCE_ROOT = "%SRCROOT%";
const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

function ruleDescriptors(context: ReportContext) {
  const descriptors = [...ruleRegistry().values()].sort((a, b) => a.id.localeCompare(b.id));
  return descriptors.map((descriptor) => {
    const description = descriptor.meta.description[context.lang];
    return {
      id: descriptor.id,
      name: descriptor.id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
      shortDescription: { text: description },
      fullDescription: { text: `${description} (${descriptor.meta.source})` },
      helpUri: ruleDocsUrl(descriptor.id),
      help: { text: `${description}\n${ruleDocsUrl(descriptor.id)}` },
      defaultConfiguration: { level: LEVEL[descriptor.meta.severity] },
      properties: {
        tags: [descriptor.meta.category, ...(descriptor.meta.pattern ? ["pattern"] : [])],
        regimes: descriptor.meta.regimes === "all" ? ["all"] : [...descriptor.meta.regimes],
        fixable: Boolean(descriptor.meta.fixable),
        source: descriptor.meta.source,
      },
    };
  });
}

function region(finding: Finding) {
  return {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: Math.max(finding.endLine, finding.line),
    endColumn:
      finding.endLine > finding.line ? finding.endColumn : Math.max(finding.endColumn, finding.column),
  };
}

function* sarifResults(
  results: readonly FileResult[],
  context: ReportContext,
  indexOf: ReadonlyMap<string, number>,
) {
  for (const result of results) {
    const path = reportPath(result.file, context.cwd);
    const location = fileUri(result.file, context.cwd);
    const all: Array<Finding | SuppressedFinding> = [...result.findings, ...(result.suppressed ?? [])];
    const prints = fingerprints(result, path, all);
    for (const [index, finding] of all.entries()) {
      const ruleIndex = indexOf.get(finding.ruleId);
      yield {
        ruleId: finding.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location.relative
                ? { uri: location.uri, uriBaseId: SOURCE_ROOT }
                : { uri: location.uri },
              region: region(finding),
            },
            ...(finding.path
              ? { logicalLocations: [{ fullyQualifiedName: finding.path, kind: "member" }] }
              : {}),
          },
        ],
        partialFingerprints: { "vtvlFindingHash/v1": prints[index]! },
        ...("suppressions" in finding ? { suppressions: finding.suppressions } : {}),
      };
    }
  }
}

export function* sarifChunks(results: readonly FileResult[], context: ReportContext): Generator<string> {
  const rules = ruleDescriptors(context);
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "vtvl",
            version: context.version,
            semanticVersion: context.version,
            informationUri: "https://github.com/vtvl/vtvl",
            rules,
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(context.cwd) } },
        columnKind: "utf16CodeUnits",
        results: [],
      },
    ],
  };
  // The log as JSON.stringify prints it, with the results written one by one where its empty list stands.
  const text = JSON.stringify(log, null, 2);
  const key = '"results": ';
  const at = text.indexOf(`${key}[]`);
  const head = text.slice(0, at + key.length);
  const tail = text.slice(at + key.length + 2);
  const indent = head.slice(head.lastIndexOf("\n") + 1, at);
  yield head;
  yield* jsonArrayChunks(sarifResults(results, context, indexOf), indent);
  yield `${tail}\n`;
}

export function formatSarif(results: readonly FileResult[], context: ReportContext): string {
  return [...sarifChunks(results, context)].join("");
}
