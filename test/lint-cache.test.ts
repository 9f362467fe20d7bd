import { execFileSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cacheFile } from "../src/cli/commands/lint.js";
import { LintCache, toolFingerprint } from "../src/lint/cache.js";
import type { FileResult } from "../src/lint/engine.js";
import { lintInputs } from "../src/lint/parallel.js";
import { lintSources } from "../src/lint/run.js";
import { formatJson } from "../src/report/json.js";
import { FORMAT_NAMES, formatters } from "../src/report/index.js";
import { runCli, tempDir } from "./helpers.js";
import { inputsOf, lintRepository, resolverFor } from "./lint-repository.js";

/** A run over the repository at `root` with the cache at `path`, saved afterwards. */
async function cachedRun(
  root: string,
  path: string,
  options: { concurrency?: number; keepText?: boolean; fingerprint?: string } = {},
) {
  const resolver = resolverFor(root);
  const cache = new LintCache(path, options.fingerprint ?? "test");
  const run = await lintInputs(inputsOf(root), {
    concurrency: options.concurrency ?? 1,
    keepText: options.keepText ?? false,
    ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
    cache,
  });
  cache.save();
  return run;
}

/** The report of a run without any cache: what every cached run must give. */
function freshReport(root: string): string {
  const resolver = resolverFor(root);
  const inputs = inputsOf(root).map((input) => ({ file: input.file, bytes: readFileSync(input.file) }));
  return formatJson(lintSources(inputs, { settingsFor: (file) => resolver.settingsFor(file) }).results);
}

const leftovers = (directory: string) => readdirSync(directory).filter((name) => name.endsWith(".tmp"));

describe("vtvl lint --cache", () => {
  it("reuses every result of an unchanged repository and gives the same report, in every format", async () => {
    const root = lintRepository();
    const path = join(tempDir(), ".vtvlcache");
    const files = inputsOf(root).length;
    const expected = freshReport(root);
    const first = await cachedRun(root, path, { concurrency: 2 });
    expect(first.reused).toBe(0);
    expect(formatJson(first.results)).toBe(expected);
    for (const concurrency of [1, 2]) {
      const again = await cachedRun(root, path, { concurrency, keepText: true });
      expect(again.reused).toBe(files);
      const reference = lintSources(
        inputsOf(root).map((input) => ({ file: input.file, bytes: readFileSync(input.file) })),
        { settingsFor: (file) => resolverFor(root).settingsFor(file) },
      ).results;
      const context = { cwd: root, lang: "vi" as const, color: false, version: "test" };
      for (const name of FORMAT_NAMES) {
        const text = (results: readonly FileResult[]) => [...formatters[name](results, context)].join("");
        expect(text(again.results), `${name}, ${concurrency} thread(s)`).toBe(text(reference));
      }
      again.release();
    }
    expect(leftovers(join(path, ".."))).toEqual([]);
  });

  it("lints again the files that changed, and the cross-file rules see their new content", async () => {
    const root = lintRepository();
    const path = join(tempDir(), ".vtvlcache");
    await cachedRun(root, path);
    const two = join(root, "agency/a-two.yaml");
    const before = await cachedRun(root, path);
    expect(before.results.find((r) => r.file === two)!.findings.map((f) => f.ruleId)).toContain(
      "code-unique",
    );

    writeFileSync(two, readFileSync(two, "utf8").replace(/^code: .*$/m, "code: DV-02"));
    const after = await cachedRun(root, path);
    expect(after.reused).toBe(inputsOf(root).length - 1);
    expect(after.results.find((r) => r.file === two)!.findings.map((f) => f.ruleId)).not.toContain(
      "code-unique",
    );
    expect(formatJson(after.results)).toBe(freshReport(root));
  });

  it("lints everything again under other settings or another vtvl", async () => {
    const root = lintRepository();
    const path = join(tempDir(), ".vtvlcache");
    await cachedRun(root, path);
    expect((await cachedRun(root, path, { fingerprint: "another build" })).reused).toBe(0);
    // The cache now belongs to "another build": the first one finds nothing it can use.
    expect((await cachedRun(root, path)).reused).toBe(0);

    const agencyFiles = inputsOf(root).filter((input) => input.file.includes("/agency/")).length;
    writeFileSync(join(root, "agency/.vtvlrc.yaml"), "rules:\n  placeholder-left: warning\n");
    const changed = await cachedRun(root, path);
    expect(changed.reused).toBe(inputsOf(root).length - agencyFiles);
    expect(formatJson(changed.results)).toBe(freshReport(root));
  });

  it("treats a damaged or foreign cache file as a partial or empty one", async () => {
    const root = lintRepository();
    const path = join(tempDir(), ".vtvlcache");
    const files = inputsOf(root).length;
    const expected = freshReport(root);
    await cachedRun(root, path);

    truncateSync(path, Math.floor(statSync(path).size / 2));
    const truncated = await cachedRun(root, path);
    expect(truncated.reused).toBeGreaterThan(0);
    expect(truncated.reused).toBeLessThan(files);
    expect(formatJson(truncated.results)).toBe(expected);
    expect((await cachedRun(root, path)).reused).toBe(files);

    // A result that no longer reads back (its bytes overwritten) is linted instead.
    const bytes = readFileSync(path);
    bytes.fill(0xff, bytes.length - 200);
    writeFileSync(path, bytes);
    const damaged = await cachedRun(root, path);
    expect(damaged.reused).toBe(files - 1);
    expect(formatJson(damaged.results)).toBe(expected);

    // Damaged beyond its header, or empty: read as empty, and replaced.
    for (const junk of ['["vtvl-cache 2","test"]\n\u00ff\u00ff\u00ff\u00ff{', '["vtvl-cache 1","x"]\n', ""]) {
      writeFileSync(path, junk);
      const run = await cachedRun(root, path);
      expect(run.reused).toBe(0);
      expect(formatJson(run.results)).toBe(expected);
      expect((await cachedRun(root, path)).reused).toBe(files);
    }
    // Not a vtvl cache at all (a file named by mistake): linted as without cache, and never overwritten.
    for (const foreign of ["# README\n", "\u0000".repeat(64)]) {
      writeFileSync(path, foreign);
      await expect(cachedRun(root, path)).rejects.toThrow(/is not a vtvl cache/);
      expect(readFileSync(path, "utf8")).toBe(foreign);
    }
    expect(leftovers(join(path, ".."))).toEqual([]);
  });

  it("reads any bytes as a cache: the report stays the one of a fresh run, and a file that is not a cache stays as it is", async () => {
    const root = tempDir();
    const sample = readFileSync(join(lintRepository(), "agency/a-two.yaml"));
    writeFileSync(join(root, "a.yaml"), sample);
    writeFileSync(join(root, "b.yaml"), "form: [unclosed\n");
    const path = join(tempDir(), ".vtvlcache");
    const expected = freshReport(root);
    await cachedRun(root, path);
    const valid = readFileSync(path);
    const header = valid.subarray(0, valid.indexOf(0x0a) + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          // past the header: records with any lengths and keys
          fc.uint8Array({ maxLength: 300 }).map((tail) => Buffer.concat([header, tail])),
          // a valid cache with bytes changed in place
          fc
            .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
            .map((edits) => {
              const bytes = Buffer.from(valid);
              for (const [at, value] of edits) bytes[at] = value;
              return bytes;
            }),
        ),
        async (bytes) => {
          writeFileSync(path, bytes);
          const resolver = resolverFor(root);
          const cache = new LintCache(path, "test");
          const run = await lintInputs(inputsOf(root), {
            concurrency: 1,
            ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
            cache,
          });
          expect(formatJson(run.results)).toBe(expected);
          const ours =
            bytes.length === 0 || Buffer.from(bytes).subarray(0, 13).toString() === '["vtvl-cache ';
          if (ours) cache.save();
          else {
            expect(() => cache.save()).toThrow(/is not a vtvl cache/);
            expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
          }
        },
      ),
      { numRuns: Number(process.env.VTVL_PROPERTY_RUNS ?? 60) },
    );
  });

  it("keeps the entries of files this run did not lint, and forgets files that are gone", async () => {
    const root = lintRepository();
    const path = join(tempDir(), ".vtvlcache");
    await cachedRun(root, path);
    const resolver = resolverFor(root);
    const one = inputsOf(root).slice(0, 1);
    const partial = new LintCache(path, "test");
    await lintInputs(one, {
      concurrency: 1,
      ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
      cache: partial,
    });
    partial.save();
    expect((await cachedRun(root, path)).reused).toBe(inputsOf(root).length);

    // Gone, then back with the same bytes: its entry went with it.
    const aOne = join(root, "agency/a-one.yaml");
    const content = readFileSync(aOne);
    rmSync(aOne);
    await cachedRun(root, path);
    writeFileSync(aOne, content);
    expect((await cachedRun(root, path)).reused).toBe(inputsOf(root).length - 1);
  });

  it("does not cache standard input", async () => {
    const path = join(tempDir(), ".vtvlcache");
    const bytes = readFileSync(join(lintRepository(), "agency/a-two.yaml"));
    for (let run = 0; run < 2; run++) {
      const cache = new LintCache(path, "test");
      const result = await lintInputs([{ file: "<stdin>", bytes }], { concurrency: 1, cache });
      cache.save();
      expect(result.reused).toBe(0);
      expect(result.results[0]!.findings.length).toBeGreaterThan(0);
    }
  });

  it("has a fingerprint that changes when vtvl's code or data changes", () => {
    const root = tempDir();
    mkdirSync(join(root, "data/rules"), { recursive: true });
    mkdirSync(join(root, "dist/node_modules"), { recursive: true });
    const data = join(root, "data/rules/grades.yaml");
    writeFileSync(data, "a: 1\n");
    utimesSync(data, 1_700_000_000, 1_700_000_000);
    const first = toolFingerprint(root);
    expect(toolFingerprint(root)).toBe(first);
    writeFileSync(join(root, "dist/node_modules/x.js"), "");
    writeFileSync(join(root, "README.md"), "");
    expect(toolFingerprint(root), "outside the code and data").toBe(first);
    writeFileSync(data, "a: 2\n");
    utimesSync(data, 1_700_000_000, 1_700_000_000);
    expect(toolFingerprint(root), "same size, same time, other bytes: not seen").toBe(first);
    utimesSync(data, 1_700_000_001, 1_700_000_001);
    const edited = toolFingerprint(root);
    expect(edited, "a file edited").not.toBe(first);
    writeFileSync(join(root, "dist/cli.js"), "");
    expect(toolFingerprint(root), "a file added").not.toBe(edited);
    expect(toolFingerprint()).not.toBe(first);
  });

  it("from the command line: --cache-location takes a file or a folder; a cache it cannot write is a warning", async () => {
    const root = lintRepository();
    const folder = tempDir();
    expect(cacheFile(undefined, root)).toBe(join(root, ".vtvlcache"));
    expect(cacheFile(folder, root)).toBe(join(folder, ".vtvlcache"));
    expect(cacheFile("new-folder/", root)).toBe(join(root, "new-folder", ".vtvlcache"));
    expect(cacheFile("ci/lint.cache", root)).toBe(join(root, "ci/lint.cache"));

    const plain = await runCli("lint", root, "-f", "json");
    const lintWithCache = (location: string) =>
      runCli("lint", root, "-f", "json", "--cache", "--cache-location", location);
    const cold = await lintWithCache(folder);
    const warm = await lintWithCache(folder);
    expect(statSync(join(folder, ".vtvlcache")).size).toBeGreaterThan(0);
    for (const run of [cold, warm]) {
      expect(run.stdout).toBe(plain.stdout);
      expect(run.code).toBe(plain.code);
      expect(run.stderr).toBe(plain.stderr);
    }

    const nested = await lintWithCache(`${folder}/new/folder/`);
    expect(nested.stderr).toBe(plain.stderr);
    expect(statSync(join(folder, "new/folder/.vtvlcache")).size).toBeGreaterThan(0);

    const blocked = join(folder, "a-file");
    writeFileSync(blocked, "");
    const unwritable = await lintWithCache(`${blocked}/x/`);
    expect(unwritable.stdout).toBe(plain.stdout);
    expect(unwritable.code).toBe(plain.code);
    expect(unwritable.stderr).toMatch(/không ghi được bộ nhớ đệm .*a-file\/x\/\.vtvlcache.*--cache-location/);

    const notes = join(folder, "notes.md");
    writeFileSync(notes, "# ghi chú\n");
    const mistaken = await lintWithCache(notes);
    expect(mistaken.stdout).toBe(plain.stdout);
    expect(mistaken.code).toBe(plain.code);
    expect(mistaken.stderr).toMatch(/notes\.md không phải bộ nhớ đệm của vtvl nên được giữ nguyên/);
    expect(mistaken.stderr).not.toMatch(/is not/);
    expect(readFileSync(notes, "utf8")).toBe("# ghi chú\n");

    // A pipe (or a device such as /dev/null) is neither read nor replaced by a file.
    if (process.platform === "linux") {
      const pipe = join(folder, "pipe");
      execFileSync("mkfifo", [pipe]);
      const piped = await lintWithCache(pipe);
      expect(piped.stdout).toBe(plain.stdout);
      expect(piped.stderr).toMatch(/pipe không phải bộ nhớ đệm của vtvl nên được giữ nguyên/);
      expect(lstatSync(pipe).isFIFO()).toBe(true);
    }
  });
});
