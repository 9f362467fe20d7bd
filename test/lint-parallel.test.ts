import { spawn, spawnSync } from "node:child_process";
import { lstatSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintText } from "../src/lint/engine.js";
import {
  compactResult,
  lintInputs,
  PARALLEL_MIN_FILES,
  projectSummary,
  threadCount,
} from "../src/lint/parallel.js";
import { lintSources } from "../src/lint/run.js";
import { packageRoot } from "../src/paths.js";
import { formatJson } from "../src/report/json.js";
import { formatSarif } from "../src/report/sarif.js";
import { levelTable } from "../src/rules/cross-file/competency-index.js";
import { PROJECT_POSITION_KEYS } from "../src/rules/types.js";
import { runCli, tempDir } from "./helpers.js";
import { inputsOf, lintRepository, resolverFor } from "./lint-repository.js";

describe("parallel lint run", () => {
  const root = lintRepository();
  const inputs = inputsOf(root);
  const resolver = resolverFor(root);
  const context = { cwd: root, lang: "vi" as const, color: false, version: "test" };

  const reference = lintSources(
    inputs.map((input) => ({ file: input.file, bytes: readFileSync(input.file) })),
    { settingsFor: (file) => resolver.settingsFor(file) },
  ).results;

  it("gives the findings of the all-in-memory run, on one thread and on several", async () => {
    expect(reference.some((result) => result.findings.some((f) => f.ruleId === "level-head-vs-deputy"))).toBe(
      true,
    );
    expect(reference.some((result) => result.findings.some((f) => f.ruleId === "code-unique"))).toBe(true);
    expect(reference.some((result) => result.suppressed?.some((f) => f.ruleId === "code-unique"))).toBe(true);
    expect(reference.some((result) => result.findings.some((f) => f.ruleId === "unused-suppression"))).toBe(
      true,
    );
    const expected = formatJson(reference);
    for (const concurrency of [1, 3]) {
      const run = await lintInputs(inputs, {
        concurrency,
        ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
      });
      expect(run.problems).toEqual([]);
      expect(formatJson(run.results)).toBe(expected);
    }
  });

  it("gives the same reports with the results kept on disk (a large run), in every format", async () => {
    const formats = await import("../src/report/index.js");
    for (const concurrency of [1, 2]) {
      const onDisk = await lintInputs(inputs, {
        concurrency,
        spill: true,
        keepText: true,
        ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
      });
      // The stand-ins keep no findings in memory: each is read back when a report reaches it.
      expect(Object.keys(onDisk.results[0]!)).not.toContain("findings");
      // Nor their competency levels, which the cross-file pass reads back from disk.
      const withLevels = reference.findIndex((result) => result.position?.competencies);
      const standIn = onDisk.results[withLevels]!;
      expect(Object.values(standIn).filter(Array.isArray)).toEqual([]);
      const { position, form } = reference[withLevels]!;
      expect(standIn.levels).toEqual(levelTable(position!, form!.id));
      expect(standIn.levels!.length).toBeGreaterThan(10);
      for (const name of formats.FORMAT_NAMES) {
        const text = (results: readonly (typeof reference)[number][]) =>
          [...formats.formatters[name](results, context)].join("");
        expect(text(onDisk.results), `${name}, ${concurrency} thread(s)`).toBe(text(reference));
      }
      onDisk.release();
      expect(() => onDisk.results[0]!.findings).toThrow(/released/);
    }
  });

  it("leaves no temporary file behind, and keeps results in memory where none can be made", async () => {
    const { ResultSpill } = await import("../src/lint/spill.js");
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith("vtvl-lint-"));
    const run = await lintInputs(inputs.slice(0, 5), { concurrency: 1, spill: true });
    expect(run.results).toHaveLength(5);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith("vtvl-lint-"))).toEqual(before);
    run.release();
    expect(() => new ResultSpill(join(root, "no-such-folder"))).toThrow();
  });

  it("keeps the input order, whatever order the threads finish in", async () => {
    const shuffled = [...inputs].reverse();
    const run = await lintInputs(shuffled, { concurrency: 2 });
    expect(run.results.map((result) => result.file)).toEqual(shuffled.map((input) => input.file));
  });

  it("keeps the text for SARIF fingerprints when asked, and the output is the same", async () => {
    const run = await lintInputs(inputs, {
      concurrency: 2,
      keepText: true,
      ruleEntriesFor: (file) => resolver.ruleEntriesFor(file),
    });
    expect(formatSarif(run.results, context)).toBe(formatSarif(reference, context));
  });

  it("reports a file that vanished before its turn, and lints the others", async () => {
    const missing = join(root, "agency", "gone.yaml");
    const run = await lintInputs([{ file: missing }, ...inputs.slice(0, 3)], { concurrency: 1 });
    expect(run.problems).toEqual([expect.objectContaining({ file: missing, code: "ENOENT" })]);
    expect(run.results.map((result) => result.file)).toEqual(inputs.slice(0, 3).map((input) => input.file));
  });

  it("lints standard input's bytes and keeps its text (it cannot be read again)", async () => {
    const bytes = readFileSync(inputs[0]!.file);
    const run = await lintInputs([{ file: "<stdin>", bytes }], { concurrency: 1 });
    expect(run.results[0]!.text).toBe(bytes.toString("utf8"));
  });

  it("is the same through the CLI with and without workers, in every format", async () => {
    for (const format of ["json", "sarif", "stylish"]) {
      const single = await runCli("lint", "--concurrency", "1", "-f", format, root);
      const parallel = await runCli("lint", "--concurrency", "2", "-f", format, root);
      expect(parallel.stdout).toBe(single.stdout);
      expect(parallel.code).toBe(single.code);
    }
  });

  it("refuses a --concurrency that is not a number", async () => {
    const run = await runCli("lint", "--concurrency", "many", root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--concurrency");
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));
});

describe("what a large run keeps of each file", () => {
  const text = readFileSync(
    join(packageRoot, "examples/tt-02-2023-vpcp/08-chuyen-vien-chinh-ve-kiem-soat-thu-tuc-hanh-chinh.yaml"),
    "utf8",
  );
  const full = lintText("08.yaml", text);

  it("drops the text and every field cross-file rules do not read", () => {
    const compact = compactResult(full, false);
    expect(compact.text).toBeUndefined();
    expect(Object.keys(compact.position!).sort()).toEqual(
      PROJECT_POSITION_KEYS.filter((key) => key in full.position!).sort(),
    );
    expect(compact.position).not.toHaveProperty("tasks");
    expect(compact.findings).toEqual(full.findings);
  });

  it("copies what it keeps, so nothing points into the file's text or data", () => {
    const compact = compactResult(full, false);
    expect(compact.position).not.toBe(full.position);
    expect(compact.findings[0]).toEqual(full.findings[0]);
    expect(compact.findings[0]).not.toBe(full.findings[0]);
    expect(compact.form).toBe(full.form);
  });

  it("keeps the competency levels as a flat table instead of the competency lists", () => {
    const compact = compactResult(full, false);
    expect(compact.position).not.toHaveProperty("competencies");
    expect(compact.levels).toEqual(levelTable(full.position!, full.form!.id));
    // Each competency: its catalogue name, min, max, group and item index.
    expect(compact.levels!.slice(0, 5)).toEqual(["Đạo đức và bản lĩnh", 4, 5, 0, 0]);
  });

  it("summarises a position by the listed keys only", () => {
    const summary = projectSummary(full.position!) as unknown as Record<string, unknown>;
    for (const key of Object.keys(summary)) expect(PROJECT_POSITION_KEYS as readonly string[]).toContain(key);
  });
});

describe("when workers start", () => {
  it("never for a small run, unless asked", () => {
    expect(threadCount(1)).toBe(1);
    expect(threadCount(PARALLEL_MIN_FILES - 1)).toBe(1);
    expect(threadCount(PARALLEL_MIN_FILES - 1, 2)).toBe(2);
    expect(threadCount(5, 1)).toBe(1);
    expect(threadCount(3, 8)).toBe(3);
  });
});

describe("-o to something that is not a regular file", () => {
  // The benchmark writes its reports to /dev/null: a rename over it would replace the device with a file.
  it("writes into a named pipe instead of replacing it", async () => {
    const dir = tempDir();
    const pipe = join(dir, "report.pipe");
    if (spawnSync("mkfifo", [pipe]).status !== 0) return;
    const out = join(dir, "received.json");
    const reader = spawn("cat", [pipe], { stdio: ["ignore", openSync(out, "w"), "ignore"] });
    const done = new Promise((resolve) => reader.on("close", resolve));
    const file = join(dir, "ok.yaml");
    writeFileSync(file, readFileSync(join(packageRoot, "test/fixtures/valid/tt-02-2023-minimal.yaml")));
    await runCli("lint", "--no-config-lookup", "-f", "json", "-o", pipe, file);
    const stillPipe = lstatSync(pipe).isFIFO();
    if (!stillPipe) reader.kill();
    await done;
    expect(stillPipe).toBe(true);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual([expect.objectContaining({ file })]);
  });
});
