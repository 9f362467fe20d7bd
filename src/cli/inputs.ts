/** Command-line paths → the YAML files they name: files as given, directories searched recursively. */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { UsageError } from "./errors.js";

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "dist", "out"]);

function walk(directory: string, found: string[]): void {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".") && entry.isDirectory()) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && YAML_FILE.test(entry.name) && !entry.name.startsWith(".vtvlrc")) {
      found.push(path);
    }
  }
}

function describeFsError(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT")
    return new UsageError(`Không tìm thấy đường dẫn "${path}" (no such file or directory).`);
  if (code === "EACCES" || code === "EPERM")
    return new UsageError(
      `Không có quyền đọc "${path}" (permission denied). Kiểm tra quyền truy cập của tệp.`,
    );
  return new UsageError(`Không đọc được "${path}": ${(error as Error).message}`);
}

export function expandInputs(inputs: readonly string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stats;
    try {
      stats = statSync(input);
    } catch (error) {
      throw describeFsError(input, error);
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      try {
        walk(input, found);
      } catch (error) {
        throw describeFsError(input, error);
      }
      if (!found.length)
        throw new UsageError(
          `Thư mục "${input}" không có tệp .yaml hoặc .yml nào (directory contains no YAML files).`,
        );
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = relative(cwd, file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
