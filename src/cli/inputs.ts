/**
 * Command-line paths → the YAML files they name: files as given, directories searched recursively for
 * *.yaml / *.yml, glob patterns expanded, `-` for standard input. A path that cannot be used is reported
 * and the others are still linted.
 */
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { localize, type Localized } from "../i18n/index.js";
import { UsageError } from "./errors.js";

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "dist", "out"]);
export const STDIN_PATH = "-";

export interface InputFile {
  /** The path as findings will name it. */
  path: string;
  /** Named on the command line rather than found in a folder or by a glob (config `ignores` spare it). */
  explicit: boolean;
}

export type InputProblemKind = "missing" | "unreadable" | "empty-directory" | "no-match";

export interface InputProblem {
  path: string;
  kind: InputProblemKind;
  message: Localized;
}

export interface ExpandedInputs {
  files: InputFile[];
  stdin: boolean;
  problems: InputProblem[];
}

function isDescriptionFile(name: string): boolean {
  return YAML_FILE.test(name) && !name.startsWith(".vtvlrc");
}

function walk(directory: string, found: string[]): void {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".") && entry.isDirectory()) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, found);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isDescriptionFile(entry.name)) {
      if (entry.isSymbolicLink() && !statSync(path, { throwIfNoEntry: false })?.isFile()) continue;
      found.push(path);
    }
  }
}

export function fsProblem(path: string, error: unknown): InputProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return {
      path,
      kind: "missing",
      message: {
        vi: `Không tìm thấy đường dẫn "${path}" (no such file or directory). Kiểm tra lại tên tệp hoặc thư mục.`,
        en: `No such file or directory: "${path}". Check the name of the file or folder.`,
      },
    };
  if (code === "EACCES" || code === "EPERM")
    return {
      path,
      kind: "unreadable",
      message: {
        vi: `Không có quyền đọc "${path}" (${code}, permission denied). Kiểm tra quyền truy cập của tệp.`,
        en: `Permission denied reading "${path}" (${code}). Check the file's permissions.`,
      },
    };
  if (code === "EISDIR")
    return {
      path,
      kind: "unreadable",
      message: { vi: `"${path}" là một thư mục.`, en: `"${path}" is a directory.` },
    };
  return {
    path,
    kind: "unreadable",
    message: {
      vi: `Không đọc được "${path}" (${code ?? (error as Error).message}).`,
      en: `Cannot read "${path}" (${code ?? (error as Error).message}).`,
    },
  };
}

function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = isAbsolute(pattern);
  return globSync(pattern, {
    cwd,
    absolute,
    dot: false,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ["**/node_modules/**", "**/.git/**"],
  })
    .filter((path) => isDescriptionFile(path.slice(path.lastIndexOf("/") + 1)))
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Expands the paths of the command line. `isIgnored` (config `ignores`) applies to files found in folders
 * and by globs, never to a file named on its own.
 */
export function collectInputs(
  inputs: readonly string[],
  options: { cwd?: string; isIgnored?: (path: string) => boolean } = {},
): ExpandedInputs {
  const cwd = options.cwd ?? process.cwd();
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  let stdin = false;
  const found = (paths: string[]) => {
    for (const path of paths) if (!options.isIgnored?.(path)) files.push({ path, explicit: false });
  };
  for (const input of inputs) {
    if (input === STDIN_PATH) {
      stdin = true;
      continue;
    }
    const stats = statSync(resolve(cwd, input), { throwIfNoEntry: false });
    if (!stats && isDynamicPattern(input)) {
      const matches = expandGlob(input, cwd);
      if (!matches.length)
        problems.push({
          path: input,
          kind: "no-match",
          message: {
            vi: `Mẫu "${input}" không khớp tệp .yaml hoặc .yml nào.`,
            en: `The pattern "${input}" matches no .yaml or .yml file.`,
          },
        });
      found(matches);
      continue;
    }
    if (!stats) {
      problems.push(fsProblem(input, Object.assign(new Error("ENOENT"), { code: "ENOENT" })));
      continue;
    }
    if (stats.isDirectory()) {
      const inDirectory: string[] = [];
      try {
        walk(
          isAbsolute(input) ? input : join(cwd, input) === resolve(input) ? input : join(cwd, input),
          inDirectory,
        );
      } catch (error) {
        problems.push(fsProblem((error as { path?: string }).path ?? input, error));
        continue;
      }
      const kept = inDirectory.filter((path) => !options.isIgnored?.(path));
      if (!inDirectory.length)
        problems.push({
          path: input,
          kind: "empty-directory",
          message: {
            vi: `Thư mục "${input}" không có tệp .yaml hoặc .yml nào (directory contains no YAML files).`,
            en: `The folder "${input}" contains no .yaml or .yml file.`,
          },
        });
      files.push(...kept.map((path) => ({ path, explicit: false })));
    } else {
      files.push({ path: input, explicit: true });
    }
  }
  const seen = new Set<string>();
  return {
    stdin,
    problems,
    files: files.filter((file) => {
      const key = resolve(cwd, file.path);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

/** Files named by `inputs`, for commands that stop at the first unusable path. */
export function expandInputs(inputs: readonly string[], cwd = process.cwd()): string[] {
  const expanded = collectInputs(inputs, { cwd });
  const [problem] = expanded.problems;
  if (problem) throw new UsageError(localize(problem.message, "vi"));
  return expanded.files.map((file) => file.path);
}
