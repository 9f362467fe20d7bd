/**
 * `vtvl init` without the terminal: the files of an agency's repository, and how to write them so that
 * running it again never changes what the user edited. `.vtvl/manifest.json` records a hash of every file
 * as vtvl wrote it: a file still matching its hash may be brought up to date (a newer vtvl, new schemas);
 * a file that differs was edited by someone and is left alone (unless --force).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { listForms } from "../model/forms.js";
import { schemasDir } from "../paths.js";
import { readTemplate, resolveTemplate, type TemplateEntry } from "./catalog.js";
import { createFromTemplate, type Answers } from "./create.js";
import { schemaText, withEditorAnnotations, POSITION_SCHEMA } from "./editor-schema.js";
import { writeFileAtomic } from "../util/write-file.js";
import { DestinationError, makeDirectory } from "../util/destination.js";
import {
  gitignore,
  githubWorkflow,
  gitlabCi,
  readme,
  vscodeExtensions,
  vscodeSettings,
  vtvlrc,
  type RepoSettings,
} from "./init-files.js";
import { defaultFileName } from "./new.js";
import { REPO_SCHEMAS_DIR, referenceTo, schemaFileName } from "./schema-ref.js";
import { packageVersion } from "./version.js";

export const MANIFEST = join(".vtvl", "manifest.json");
export const DEFAULT_SAMPLE_TEMPLATE = "vpcp-cv-tham-muu-tong-hop-ve-chuyen-nganh";
const CONFIG_SCHEMA = "vtvlrc.schema.json";

export type FilePart =
  "config" | "sample" | "github" | "gitlab" | "vscode" | "schemas" | "readme" | "gitignore";

export interface PlannedFile {
  /** Relative to the repository, with forward slashes. */
  path: string;
  content: string;
  part: FilePart;
}

export interface InitOptions {
  positionsDir?: string;
  sampleTemplate?: string;
  answers?: Answers;
  parts?: Partial<Record<FilePart, boolean>>;
}

export type Outcome = "created" | "updated" | "unchanged" | "kept-edited" | "kept-existing" | "overwritten";

export interface FileOutcome {
  path: string;
  part: FilePart;
  outcome: Outcome;
}

interface Manifest {
  generator: string;
  files: Record<string, string>;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hasPositions(directory: string): boolean {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) return false;
  return readdirSync(directory, { withFileTypes: true }).some(
    (entry) =>
      (entry.isFile() && /\.ya?ml$/i.test(entry.name)) ||
      (entry.isDirectory() && hasPositions(join(directory, entry.name))),
  );
}

function readManifest(root: string): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), "utf8")) as Partial<Manifest>;
    return { generator: String(manifest.generator ?? ""), files: manifest.files ?? {} };
  } catch {
    return { generator: "", files: {} };
  }
}

export function sampleTemplate(query: string | undefined): TemplateEntry {
  const resolved = resolveTemplate(query ?? DEFAULT_SAMPLE_TEMPLATE);
  if ("found" in resolved) return resolved.found;
  throw new Error(`template ${query}`);
}

/** Everything `vtvl init` would write into `root`, in the order it reports them. */
export function planRepository(root: string, options: InitOptions = {}): PlannedFile[] {
  const version = packageVersion();
  const positionsDir = options.positionsDir ?? "positions";
  const parts = {
    config: true,
    sample: true,
    github: true,
    gitlab: true,
    vscode: true,
    schemas: true,
    readme: true,
    gitignore: true,
    ...options.parts,
  };
  const planned: PlannedFile[] = [];

  if (parts.sample && !hasPositions(join(root, positionsDir))) {
    const template = sampleTemplate(options.sampleTemplate);
    const sampleFile = defaultFileName(template);
    const schemaTarget = join(root, REPO_SCHEMAS_DIR, schemaFileName(template.form));
    planned.push({
      path: `${positionsDir}/${sampleFile}`,
      part: "sample",
      content: createFromTemplate(template, readTemplate(template), options.answers ?? {}, {
        schemaRef: referenceTo(schemaTarget, join(root, positionsDir)),
        generator: `vtvl ${version}`,
      }),
    });
  }
  const settings: RepoSettings = { version, positionsDir };
  if (parts.config) planned.push({ path: ".vtvlrc.yaml", part: "config", content: vtvlrc(settings) });
  if (parts.readme) planned.push({ path: "README.md", part: "readme", content: readme(settings) });
  if (parts.gitignore) planned.push({ path: ".gitignore", part: "gitignore", content: gitignore() });
  if (parts.github)
    planned.push({ path: ".github/workflows/vtvl.yml", part: "github", content: githubWorkflow(settings) });
  if (parts.gitlab) planned.push({ path: ".gitlab-ci.yml", part: "gitlab", content: gitlabCi(settings) });
  if (parts.vscode) {
    planned.push({ path: ".vscode/settings.json", part: "vscode", content: vscodeSettings(settings) });
    planned.push({ path: ".vscode/extensions.json", part: "vscode", content: vscodeExtensions() });
  }
  if (parts.schemas) {
    const schemas = REPO_SCHEMAS_DIR.split("\\").join("/");
    planned.push({ path: `${schemas}/${POSITION_SCHEMA}`, part: "schemas", content: schemaText(undefined) });
    for (const form of listForms())
      planned.push({
        path: `${schemas}/${schemaFileName(form.id)}`,
        part: "schemas",
        content: schemaText(form.id),
      });
    if (existsSync(`${schemasDir}${CONFIG_SCHEMA}`)) {
      const config = withEditorAnnotations(
        JSON.parse(readFileSync(`${schemasDir}${CONFIG_SCHEMA}`, "utf8")) as object,
      );
      planned.push({
        path: `${schemas}/${CONFIG_SCHEMA}`,
        part: "schemas",
        content: `${JSON.stringify(config, null, 2)}\n`,
      });
    }
  }
  return planned;
}

/** Writes one file of the plan; a failure names the file, not the temporary one beside it. */
function writePlanned(target: string, content: string, overwrite: boolean): void {
  try {
    makeDirectory(dirname(target));
    writeFileAtomic(target, content, { overwrite });
  } catch (error) {
    throw DestinationError.from(target, error);
  }
}

function readPlanned(target: string): string {
  try {
    return readFileSync(target, "utf8");
  } catch (error) {
    throw DestinationError.from(target, error);
  }
}

/**
 * Writes the plan: new files, files vtvl wrote and nobody edited since; never a file someone edited.
 * A file that cannot be read or written throws {@link DestinationError}.
 */
export function applyPlan(
  root: string,
  planned: readonly PlannedFile[],
  options: { force?: boolean } = {},
): FileOutcome[] {
  const manifest = readManifest(root);
  const outcomes: FileOutcome[] = [];
  const written: Record<string, string> = { ...manifest.files };
  for (const file of planned) {
    const target = join(root, file.path);
    const report = (outcome: Outcome) => outcomes.push({ path: file.path, part: file.part, outcome });
    if (!existsSync(target)) {
      writePlanned(target, file.content, false);
      written[file.path] = sha256(file.content);
      report("created");
      continue;
    }
    const current = readPlanned(target);
    if (current === file.content) {
      written[file.path] = sha256(file.content);
      report("unchanged");
      continue;
    }
    const recorded = manifest.files[file.path];
    const untouched = recorded !== undefined && recorded === sha256(current);
    if (untouched || options.force) {
      writePlanned(target, file.content, true);
      written[file.path] = sha256(file.content);
      report(untouched ? "updated" : "overwritten");
      continue;
    }
    report(recorded === undefined ? "kept-existing" : "kept-edited");
  }
  const manifestText = `${JSON.stringify({ generator: `vtvl ${packageVersion()}`, files: sortKeys(written) }, null, 2)}\n`;
  const manifestPath = join(root, MANIFEST);
  if (!existsSync(manifestPath) || readPlanned(manifestPath) !== manifestText)
    writePlanned(manifestPath, manifestText, true);
  return outcomes;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
