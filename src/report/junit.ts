/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure): one <testsuite> per file, one failing <testcase>
 * per finding, one passing <testcase> for a clean file.
 */
import type { FileResult } from "../lint/engine.js";
import { reportPath, type ReportContext } from "./context.js";

// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function suite(result: FileResult, context: ReportContext): string {
  const file = escapeXml(reportPath(result.file, context.cwd));
  const cases = result.findings.map((finding) => {
    const where = `${finding.line}:${finding.column}`;
    const name = escapeXml(`${finding.ruleId} ${where}`);
    const message = escapeXml(finding.message);
    const body = escapeXml(
      `${reportPath(result.file, context.cwd)}:${where} ${finding.severity} ${finding.ruleId}\n${finding.message}`,
    );
    return `    <testcase name="${name}" classname="${file}" file="${file}" line="${finding.line}">\n      <failure message="${message}" type="${finding.severity}">${body}</failure>\n    </testcase>`;
  });
  if (!cases.length) cases.push(`    <testcase name="vtvl lint" classname="${file}" file="${file}"/>`);
  return `  <testsuite name="${file}" tests="${cases.length}" failures="${result.findings.length}" errors="0" skipped="0">\n${cases.join("\n")}\n  </testsuite>\n`;
}

export function* junitChunks(results: readonly FileResult[], context: ReportContext): Generator<string> {
  // The totals come first in the XML: count them before writing the suites.
  let tests = 0;
  let failures = 0;
  for (const result of results) {
    tests += Math.max(1, result.findings.length);
    failures += result.findings.length;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vtvl lint ${escapeXml(context.version)}" tests="${tests}" failures="${failures}" errors="0">\n`;
  for (const result of results) yield suite(result, context);
  yield "</testsuites>\n";
}

export function formatJunit(results: readonly FileResult[], context: ReportContext): string {
  return [...junitChunks(results, context)].join("");
}
