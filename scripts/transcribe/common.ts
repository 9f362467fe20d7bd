/**
 * What every transcription script shares: file names from a position's name, and the write-or-check run that
 * reproduces the committed files (`--check` exits 1 when a file would change).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, isMap, isPair, isScalar, isSeq, visit } from "yaml";
import type { Position } from "../../src/model/types.js";

import { slugify } from "../../src/util/similar.js";

/** `NN-<name without diacritics, kebab-case>.yaml`, the name every transcription file has. */
export function fileNameFor(index: number, name: string): string {
  return `${String(index).padStart(2, "0")}-${slugify(name)}.yaml`;
}

/**
 * The command line of a script that writes one example folder from one source document: `--source PATH`
 * (the seed by default) and `--check`, as runTranscription.
 */
export function runFolderTranscription(
  folder: string,
  defaultSourcePath: string,
  transcribe: (source: string) => ReadonlyArray<{ fileName: string; text: string }>,
): void {
  const sourceIndex = process.argv.indexOf("--source");
  const sourcePath = sourceIndex >= 0 ? process.argv[sourceIndex + 1]! : defaultSourcePath;
  runTranscription(
    () =>
      new Map(
        transcribe(readFileSync(sourcePath, "utf8")).map((file) => [`${folder}${file.fileName}`, file.text]),
      ),
    [folder],
  );
}

/**
 * Writes the produced files (each through a temporary file and a rename) and removes stale ones from the
 * script's own example folders; with --check, only reports what a run would change and exits 1 if anything.
 */
export function runTranscription(produce: () => Map<string, string>, ownedFolders: string[]): void {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  try {
    const outputs = produce();
    const stale = ownedFolders
      .flatMap((folder) =>
        existsSync(root + folder)
          ? readdirSync(root + folder)
              .filter((name) => name.endsWith(".yaml"))
              .map((name) => folder + name)
          : [],
      )
      .filter((path) => !outputs.has(path));
    const changed = [...outputs]
      .filter(([path, content]) => !existsSync(root + path) || readFileSync(root + path, "utf8") !== content)
      .map(([path]) => path);
    if (process.argv.includes("--check")) {
      for (const path of changed) console.log(`would write ${path}`);
      for (const path of stale) console.log(`would remove ${path}`);
      if (!changed.length && !stale.length) console.log(`${outputs.size} files up to date`);
      process.exitCode = changed.length || stale.length ? 1 : 0;
      return;
    }
    for (const path of changed) {
      mkdirSync(dirname(root + path), { recursive: true });
      writeFileSync(`${root}${path}.tmp`, outputs.get(path)!);
      renameSync(`${root}${path}.tmp`, root + path);
    }
    for (const path of stale) rmSync(root + path);
    console.log(`${outputs.size} files (${changed.length} written, ${stale.length} removed)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}

/**
 * YAML of a position transcribed from a row-per-line export: codes and range levels quoted, short
 * `{name, level}` and `{name, code}` pairs and level lists on one line, no line wrapping.
 */
export function rowFormYaml(position: Position, form: string, expectations: string[] = []): string {
  const document = new Document(position);
  visit(document, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && isScalar(pair.value)) {
        if (pair.key.value === "code") pair.value.type = "QUOTE_DOUBLE";
        if (pair.key.value === "level" && typeof pair.value.value === "string")
          pair.value.type = "QUOTE_DOUBLE";
      }
      if (
        isScalar(pair.key) &&
        ["levels", "adminLevels", "lines"].includes(String(pair.key.value)) &&
        isSeq(pair.value)
      )
        pair.value.flow = true;
    },
    Map(_, map) {
      const keys = isMap(map)
        ? map.items.map((item) => (isScalar(item.key) ? item.key.value : undefined))
        : [];
      const short = (value: unknown) => typeof value === "string" && value.length <= 50;
      if (
        keys.length === 2 &&
        keys[0] === "name" &&
        keys[1] === "level" &&
        isMap(map) &&
        short(map.get("name"))
      )
        map.flow = true;
      if (keys.length === 2 && keys[0] === "name" && keys[1] === "code") map.flow = true;
    },
  });
  const header = [`# yaml-language-server: $schema=../../schemas/${form}.schema.json`, ...expectations];
  return `${header.join("\n")}\n${document.toString({ lineWidth: 0 })}`;
}
