/** Library entry point: the same core the CLI uses. */
export { lintBytes, lintText, lintProject, type FileResult, type LintOptions } from "./lint/engine.js";
export type { Finding, Severity } from "./lint/finding.js";
export { listForms, findForm, type FormEntry } from "./model/forms.js";
export type * from "./model/types.js";
export { validateAgainstForm } from "./schema/validator.js";
