#!/usr/bin/env node
// Benchmark of `vtvl lint` against ajv-cli, side by side in one run, on a generated corpus
// (bench/generate-corpus.ts: 5,000 descriptions derived from examples/ and templates/positions/, and a second
// corpus of 5,000 kept free of errors, --clean 1):
//   - vtvl lint, schema and every rule, json output to /dev/null: with worker threads (the default) and on
//     one thread (--concurrency 1);
//   - ajv-cli validating the same YAML files against the same schemas: one run per form schema, with
//     position.schema.json as -r (what a user of ajv-cli has to do), and one run of all files against
//     position.schema.json alone;
// each repeated (VTVL_BENCH_REPS, default 3) in alternation and reported by the median: wall time, files per
// second, CPU time and peak resident memory (GNU time's maximum RSS, or /proc VmHWM sampled when it is
// missing). Then `--cache` on a copy of the corpus (first run, nothing changed, 1 % of the files changed), one file
// through the real CLI (Node's start included), and peak memory at 1,000, 5,000 and 20,000 files.
// Results go to stdout and to the "## lint" section of docs/PERFORMANCE.md (other sections are kept).
// Run with `npm run bench` (which builds first). VTVL_BENCH_FILES changes the corpus size.
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { clearInterval, setInterval } from "node:timers";
import { Buffer } from "node:buffer";
import { root, writePerformanceSection } from "./support.mjs";

const vtvl = join(root, "bin/vtvl.js");
const ajvCli = join(root, "node_modules/ajv-cli/dist/index.js");
const reps = Math.max(1, Number(process.env.VTVL_BENCH_REPS ?? 3));
const fileCount = Math.max(100, Number(process.env.VTVL_BENCH_FILES ?? 5000));
const smallCount = Math.round(fileCount / 5);
const largeCount = fileCount * 4;
const oneFileRuns = 15;

for (const [path, hint] of [
  [join(root, "dist/bundle/vtvl.js"), "npm run build"],
  [join(root, "dist/bundle/worker.js"), "npm run build"],
  [ajvCli, "npm install"],
]) {
  if (!existsSync(path)) {
    console.error(`bench/lint: ${relative(root, path)} is missing: run \`${hint}\` first`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), "vtvl-bench-lint-"));
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const version = (file) => JSON.parse(readFileSync(join(root, file), "utf8")).version;

/** Generates (or reuses) the corpus of `count` files; returns its folder and manifest. */
function corpus(count, clean) {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "bench/generate-corpus.ts"),
      "--count",
      String(count),
      ...(clean === undefined ? [] : ["--clean", String(clean)]),
    ],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (run.status !== 0) throw new Error(`corpus generation failed (${run.status})`);
  const directory = run.stdout.split(":")[0].trim();
  process.stdout.write(run.stdout);
  return { directory, manifest: JSON.parse(readFileSync(join(directory, "corpus.json"), "utf8")) };
}

/** Peak RSS (KiB) of a running process, from its high-water mark, sampled until it ends. */
function sampleHighWater(pid) {
  let peak = 0;
  const read = () => {
    try {
      peak = Math.max(
        peak,
        Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0),
      );
    } catch {
      // ended
    }
  };
  const timer = setInterval(read, 10);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/**
 * Runs a command to completion with its output discarded (stdout to /dev/null, or to `stdoutFile`).
 * Returns wall time (ms), CPU time (ms) and peak memory (MiB).
 */
function measure(args, { cwd, stdoutFile } = {}) {
  return new Promise((resolve, reject) => {
    const report = join(work, "time.txt");
    const command = gnuTime ? [gnuTime, "-f", "%M %U %S", "-o", report, ...args] : args;
    const started = performance.now();
    const child = spawn(command[0], command.slice(1), {
      cwd,
      stdio: ["ignore", stdoutFile ? "pipe" : "ignore", "ignore"],
    });
    const chunks = [];
    child.stdout?.on("data", (chunk) => chunks.push(chunk));
    const stopSampling = gnuTime ? undefined : sampleHighWater(child.pid);
    child.on("error", reject);
    child.on("close", (code) => {
      const wall = performance.now() - started;
      if (stdoutFile) writeFileSync(stdoutFile, Buffer.concat(chunks));
      if (gnuTime) {
        const [peakKiB, user, system] = readFileSync(report, "utf8")
          .trim()
          .split(/\s+/)
          .slice(-3)
          .map(Number);
        resolve({ wall, cpu: (user + system) * 1000, peak: peakKiB / 1024, code });
      } else {
        resolve({ wall, cpu: Number.NaN, peak: stopSampling() / 1024, code });
      }
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (runs) => ({
  wall: median(runs.map((run) => run.wall)),
  cpu: median(runs.map((run) => run.cpu)),
  peak: median(runs.map((run) => run.peak)),
  walls: runs.map((run) => run.wall),
});

const vtvlArgs = (extra = []) => [process.execPath, vtvl, "lint", ".", "-f", "json", ...extra];
const ajvArgs = (schema, data) => [
  process.execPath,
  ajvCli,
  "validate",
  "--spec=draft7",
  "--all-errors",
  "--errors=line",
  "-c",
  "ajv-formats",
  "-s",
  join(root, "schemas", schema),
  ...(schema === "position.schema.json" ? [] : ["-r", join(root, "schemas/position.schema.json")]),
  "-d",
  data,
];

/** ajv-cli once per form (each file against its own form's schema), one process after the other. */
async function ajvPerForm(directory, forms) {
  const runs = [];
  for (const form of forms)
    runs.push(await measure(ajvArgs(`${form}.schema.json`, `${form}/**/*.yaml`), { cwd: directory }));
  return {
    wall: runs.reduce((sum, run) => sum + run.wall, 0),
    cpu: runs.reduce((sum, run) => sum + run.cpu, 0),
    peak: Math.max(...runs.map((run) => run.peak)),
  };
}

const loadBefore = loadavg()[0];
console.log(`bench/lint: ${reps} repetitions, ${fileCount} files; load average ${loadBefore.toFixed(1)}`);
const big = corpus(fileCount);
const small = corpus(smallCount);
const large = corpus(largeCount);
// A repository CI already keeps free of errors: every file from a template, blanks filled, no defect injected.
const kept = corpus(fileCount, 1);
const forms = Object.keys(big.manifest.filesByForm).sort();

// Same output with and without workers, and the findings the corpus carries (untimed runs).
const parallelJson = join(work, "parallel.json");
const singleJson = join(work, "single.json");
await measure(vtvlArgs(), { cwd: big.directory, stdoutFile: parallelJson });
await measure(vtvlArgs(["--concurrency", "1"]), { cwd: big.directory, stdoutFile: singleJson });
const identical = readFileSync(parallelJson).equals(readFileSync(singleJson));
const report = JSON.parse(readFileSync(parallelJson, "utf8"));
const findings = report.reduce((sum, file) => sum + file.findings.length, 0);
const clean = report.filter((file) => !file.findings.length).length;
const withErrors = report.filter((file) => file.errorCount > 0).length;
const threads = Math.min(availableParallelism(), 8);
console.log(
  `  ${report.length} files, ${findings} findings, ${clean} without any, ${withErrors} with errors; ` +
    `--concurrency 1 and auto give ${identical ? "the same" : "DIFFERENT"} output`,
);

// Schema only: every rule off (the file-level checks stay: encoding, YAML, form, schema). What vtvl costs
// before its rules, to compare with ajv-cli, which only validates.
const { rules: fileRules, projectRules } = await import(join(root, "dist/rules/index.js"));
const schemaOnlyConfig = join(work, "schema-only.vtvlrc.yaml");
writeFileSync(
  schemaOnlyConfig,
  `rules:\n${[...fileRules, ...projectRules].map((rule) => `  ${rule.id}: off`).join("\n")}\n`,
);
const schemaOnlyArgs = () => vtvlArgs(["--config", schemaOnlyConfig]);

const runs = { auto: [], single: [], ajvForms: [], ajvBase: [], schemaOnly: [] };
for (let rep = 1; rep <= reps; rep++) {
  runs.auto.push(await measure(vtvlArgs(), { cwd: big.directory }));
  runs.schemaOnly.push(await measure(schemaOnlyArgs(), { cwd: big.directory }));
  runs.ajvForms.push(await ajvPerForm(big.directory, forms));
  runs.single.push(await measure(vtvlArgs(["--concurrency", "1"]), { cwd: big.directory }));
  runs.ajvBase.push(await measure(ajvArgs("position.schema.json", "**/*.yaml"), { cwd: big.directory }));
  console.log(
    `  rep ${rep}: vtvl ${(runs.auto.at(-1).wall / 1000).toFixed(2)} s, schema only ${(runs.schemaOnly.at(-1).wall / 1000).toFixed(2)} s, vtvl --concurrency 1 ${(runs.single.at(-1).wall / 1000).toFixed(2)} s, ` +
      `ajv-cli per form ${(runs.ajvForms.at(-1).wall / 1000).toFixed(2)} s, ajv-cli one run ${(runs.ajvBase.at(-1).wall / 1000).toFixed(2)} s`,
  );
}
// The same comparison on the kept-clean corpus.
const keptRuns = { auto: [], ajvForms: [] };
const keptForms = Object.keys(kept.manifest.filesByForm).sort();
for (let rep = 1; rep <= reps; rep++) {
  keptRuns.auto.push(await measure(vtvlArgs(), { cwd: kept.directory }));
  keptRuns.ajvForms.push(await ajvPerForm(kept.directory, keptForms));
}
const keptReport = join(work, "kept.json");
await measure(vtvlArgs(), { cwd: kept.directory, stdoutFile: keptReport });
const keptResults = JSON.parse(readFileSync(keptReport, "utf8"));
const keptFindings = keptResults.reduce((sum, file) => sum + file.findings.length, 0);
const keptWithErrors = keptResults.filter((file) => file.errorCount > 0).length;
// --cache on a copy of the corpus: the first run (empty cache: every file linted, hashed and stored), a run with
// nothing changed, and a run after a push that changed 1 % of the files (a comment appended to each).
const cachedRepo = join(work, "cached-repo");
cpSync(big.directory, cachedRepo, { recursive: true });
const cacheFile = join(work, "vtvlcache");
const cachedArgs = () => vtvlArgs(["--cache", "--cache-location", cacheFile]);
const pushed = Math.max(1, Math.round(fileCount / 100));
const cacheRuns = { cold: [], warm: [], push: [] };
const allFiles = forms.flatMap((form) => big.manifest.filesByForm[form]);
for (let rep = 1; rep <= reps; rep++) {
  rmSync(cacheFile, { force: true });
  cacheRuns.cold.push(await measure(cachedArgs(), { cwd: cachedRepo }));
  cacheRuns.warm.push(await measure(cachedArgs(), { cwd: cachedRepo }));
  for (let index = 0; index < pushed; index++)
    appendFileSync(
      join(cachedRepo, allFiles[(index * 97 + rep * 31) % allFiles.length]),
      `# sửa lần ${rep}\n`,
    );
  cacheRuns.push.push(await measure(cachedArgs(), { cwd: cachedRepo }));
}
const warmJson = join(work, "warm.json");
await measure(cachedArgs(), { cwd: cachedRepo, stdoutFile: warmJson });
const uncachedJson = join(work, "uncached.json");
await measure(vtvlArgs(), { cwd: cachedRepo, stdoutFile: uncachedJson });
const cacheIdentical = readFileSync(warmJson).equals(readFileSync(uncachedJson));
const cacheBytes = readFileSync(cacheFile).length;
const cacheCold = summary(cacheRuns.cold);
const cacheWarm = summary(cacheRuns.warm);
const cachePush = summary(cacheRuns.push);
console.log(
  `  --cache: first run ${(cacheCold.wall / 1000).toFixed(2)} s, nothing changed ${(cacheWarm.wall / 1000).toFixed(2)} s, ` +
    `${pushed} files changed ${(cachePush.wall / 1000).toFixed(2)} s; report ${cacheIdentical ? "the same as" : "DIFFERENT from"} a run without cache`,
);

const keptAuto = summary(keptRuns.auto);
const keptAjv = summary(keptRuns.ajvForms);
const auto = summary(runs.auto);
const single = summary(runs.single);
const ajvForms = summary(runs.ajvForms);
const ajvBase = summary(runs.ajvBase);
const schemaOnly = summary(runs.schemaOnly);

// Where one thread spends its time (VTVL_TIMING: wall time per phase and per rule, summed over the files).
const timing = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [...vtvlArgs(["--concurrency", "1"])].slice(1), {
    cwd: big.directory,
    env: { ...process.env, VTVL_TIMING: "all" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.on("error", reject);
  child.on("close", () =>
    resolve(
      stderr
        .trim()
        .split("\n")
        .slice(2)
        .map((line) => line.split("|").map((cell) => cell.trim()))
        .map(([name, time]) => ({ name, ms: Number(time) })),
    ),
  );
});
const phaseMs = timing
  .filter((row) => row.name.startsWith("(") && row.name !== "(locate)")
  .reduce((sum, row) => sum + row.ms, 0);
const ruleMs = timing.filter((row) => !row.name.startsWith("(")).reduce((sum, row) => sum + row.ms, 0);

// Memory at a fifth of the files (same generator and seed: the first files of the same corpus).
const smallAuto = summary(await Promise.all([measure(vtvlArgs(), { cwd: small.directory })]));
const smallSingle = summary([await measure(vtvlArgs(["--concurrency", "1"]), { cwd: small.directory })]);
// And at four times the files, once each: what a run keeps per file shows as the slope from fileCount on.
const largeAuto = await measure(vtvlArgs(), { cwd: large.directory });
const largeSingle = await measure(vtvlArgs(["--concurrency", "1"]), { cwd: large.directory });
const perFileKiB = (from, to) => ((to.peak - from.peak) * 1024) / (largeCount - fileCount);

// One file, Node's start included, through the real CLI; and Node alone for reference.
const oneFile = join(
  big.directory,
  big.manifest.filesByForm[forms.includes("tt-02-2023-vpcp") ? "tt-02-2023-vpcp" : forms[0]][0],
);
const oneRuns = [];
const nodeRuns = [];
for (let run = 0; run < oneFileRuns; run++) {
  oneRuns.push(
    await measure([process.execPath, vtvl, "lint", "-f", "json", oneFile], { cwd: big.directory }),
  );
  nodeRuns.push(await measure([process.execPath, "-e", "0"]));
}
const one = summary(oneRuns);
const nodeAlone = summary(nodeRuns);
const loadAfter = loadavg()[0];
rmSync(work, { recursive: true, force: true });

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ms = (value) => `${Math.round(value)} ms`;
const mib = (value) => `${Math.round(value)} MiB`;
const rate = (wall) => `${Math.round(fileCount / (wall / 1000))}`;
const speedup = ajvForms.wall / auto.wall;
const oneOk = one.wall < 300;
const memoryGrowth = auto.peak / smallAuto.peak;
const mb = (big.manifest.bytes / 1e6).toFixed(0);

const machine = `${cpus()[0]?.model?.trim() ?? "unknown CPU"}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
const section = `## lint

\`npm run bench\` (bench/lint.mjs), ${new Date().toISOString().slice(0, 10)}, on ${machine}, Node ${process.version},
vtvl ${version("package.json")}, ajv ${version("node_modules/ajv/package.json")}, ajv-cli ${version("node_modules/ajv-cli/package.json")}.
The machine was shared with other work while measured: load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.
Medians of ${reps} runs taken in alternation.

Corpus: \`bench/generate-corpus.ts --count ${fileCount}\` (seed 1): ${fileCount} descriptions, ${mb} MB, in ${big.manifest.agencies}
agency folders of one form each (${forms.map((form) => `${form} ${big.manifest.filesByForm[form].length}`).join(", ")}),
derived from examples/ and templates/positions/; ${findings} findings, ${clean} files without any, ${withErrors} with errors.
The outputs of \`--concurrency 1\` and of the default run are ${identical ? "byte for byte the same" : "**different**"}.

| Run | Wall | Files/s | CPU (user+sys) | Peak memory |
|---|---|---|---|---|
| \`vtvl lint\` (schema + every rule, ${threads} threads) | ${s(auto.wall)} | ${rate(auto.wall)} | ${s(auto.cpu)} | ${mib(auto.peak)} |
| \`vtvl lint --concurrency 1\` | ${s(single.wall)} | ${rate(single.wall)} | ${s(single.cpu)} | ${mib(single.peak)} |
| ajv-cli, one run per form schema (${forms.length} runs) | ${s(ajvForms.wall)} | ${rate(ajvForms.wall)} | ${s(ajvForms.cpu)} | ${mib(ajvForms.peak)} |
| ajv-cli, one run against position.schema.json only | ${s(ajvBase.wall)} | ${rate(ajvBase.wall)} | ${s(ajvBase.cpu)} | ${mib(ajvBase.peak)} |
| \`vtvl lint\`, schema only (every rule off), ${threads} threads | ${s(schemaOnly.wall)} | ${rate(schemaOnly.wall)} | ${s(schemaOnly.cpu)} | ${mib(schemaOnly.peak)} |
| \`vtvl lint --cache\`, first run (every file linted, hashed, stored) | ${s(cacheCold.wall)} | ${rate(cacheCold.wall)} | ${s(cacheCold.cpu)} | ${mib(cacheCold.peak)} |
| \`vtvl lint --cache\`, nothing changed | ${s(cacheWarm.wall)} | ${rate(cacheWarm.wall)} | ${s(cacheWarm.cpu)} | ${mib(cacheWarm.peak)} |
| \`vtvl lint --cache\`, ${pushed} files (1 %) changed | ${s(cachePush.wall)} | ${rate(cachePush.wall)} | ${s(cachePush.cpu)} | ${mib(cachePush.peak)} |

| Target | Result | |
|---|---|---|
| ${fileCount} files at least 1.5× faster than ajv-cli's schema validation | ${speedup.toFixed(2)}× (ajv-cli per form ${s(ajvForms.wall)} / vtvl ${s(auto.wall)}); ${(ajvBase.wall / auto.wall).toFixed(2)}× against the single position.schema.json run | ${speedup >= 1.5 ? "met" : "**not met**"} |
| One file under 300 ms, Node's start included | ${ms(one.wall)} (median of ${oneFileRuns}; \`node -e 0\` alone: ${ms(nodeAlone.wall)}) | ${oneOk ? "met" : "**not met**"} |
| Peak memory that does not grow with the number of files | ${mib(smallAuto.peak)} at ${smallCount} files, ${mib(auto.peak)} at ${fileCount} (×${memoryGrowth.toFixed(2)}), ${mib(largeAuto.peak)} at ${largeCount} (${perFileKiB(auto, largeAuto).toFixed(1)} KiB more per file); one thread: ${mib(smallSingle.peak)} → ${mib(single.peak)} → ${mib(largeSingle.peak)} (${perFileKiB(single, largeSingle).toFixed(1)} KiB per file) | see below |

With \`--cache\` (docs/configuration.md) a run lints only the files whose content changed and runs the cross-file rules
on every file's stored summary: after a push that changed ${pushed} files it takes ${s(cachePush.wall)}, ${(ajvForms.wall / cachePush.wall).toFixed(1)}× faster than
ajv-cli per form, and its report is ${cacheIdentical ? "byte for byte the one of a run without cache" : "**different** from a run without cache"}. The
target above is about a run without it, and stays as measured there. The cache file holds ${(cacheBytes / 1e6).toFixed(0)} MB
(${(cacheBytes / fileCount / 1024).toFixed(1)} KiB a file); a run reads from it only the results it reuses.

On a repository that CI already keeps free of errors (\`--clean 1\`: ${fileCount} files from the templates of
${keptForms.length} forms, blanks filled, no defect injected, ${(kept.manifest.bytes / 1e6).toFixed(0)} MB; ${keptFindings} findings, ${keptWithErrors} files with errors): vtvl ${s(keptAuto.wall)},
ajv-cli per form ${s(keptAjv.wall)}, so ${(keptAjv.wall / keptAuto.wall).toFixed(2)}×; peak memory ${mib(keptAuto.peak)}. Few findings do not make the rules
free: each still reads every text and list of every file.

Where the time goes, one thread (\`VTVL_TIMING=all\`, wall time summed over the files; a rule's time includes
the position scan of the first finding it reports in a file, \`(locate)\`, counted there as well): phases
${s(phaseMs)}, the ${timing.filter((row) => !row.name.startsWith("(")).length} rules ${s(ruleMs)} (${Math.round((1000 * ruleMs) / fileCount)} µs per file). The largest entries:

| Phase or rule | Time | Per file |
|---|---|---|
${timing
  .slice(0, 16)
  .map((row) => `| ${row.name} | ${ms(row.ms)} | ${Math.round((1000 * row.ms) / fileCount)} µs |`)
  .join("\n")}

Reading of the ${speedup >= 1.5 ? "result" : "miss"}: vtvl's schema validation alone runs at ${(ajvForms.wall / schemaOnly.wall).toFixed(2)}× ajv-cli's
speed (${s(schemaOnly.wall)} against ${s(ajvForms.wall)}): one process, js-yaml 4 without positions, precompiled
validators, ${threads} threads. The rules are what remains: ${Math.round((1000 * ruleMs) / fileCount)} µs per file on one thread
for ${timing.filter((row) => !row.name.startsWith("(")).length} rules, with ${Math.round(findings / fileCount)} findings per file to place, against
${Math.round((1000 * phaseMs) / fileCount)} µs for reading, decoding, parsing and validating. On this machine two threads do not
double the speed: every phase takes longer when both cores are busy (compare the two thread counts above).

Memory: without \`--fix\`, a file is read when its turn comes; from 500 files on its findings and its competency
levels wait in a temporary file and only what the cross-file rules group files by stays in memory (\`PROJECT_POSITION_KEYS\`,
strings shared between files), and the report is written a piece per file (see "how it is made fast" below).
The lint command lets V8's heap grow only 50 % above its live size between full collections (\`--heap-growing-percent\`;
by default up to four times). What still grows with the number of files is that summary and the run's bookkeeping
(about 0.85 KiB of live heap a file, measured in heap snapshots at 5,000 and 10,000 files) and, up to its bound, the
table of distinct texts (20,000 texts, about 8 MB, reached near 9,000 files of this corpus). With worker threads each thread adds its own heap (rules, schemas, one chunk).

Wall times of each run (s): vtvl ${runs.auto.map((run) => (run.wall / 1000).toFixed(2)).join(", ")}; vtvl --concurrency 1 ${runs.single.map((run) => (run.wall / 1000).toFixed(2)).join(", ")};
ajv-cli per form ${runs.ajvForms.map((run) => (run.wall / 1000).toFixed(2)).join(", ")}; ajv-cli one run ${runs.ajvBase.map((run) => (run.wall / 1000).toFixed(2)).join(", ")}.

Commands (in the corpus folder; peak memory and CPU from \`/usr/bin/time -f "%M %U %S"\`):

\`\`\`sh
node bench/generate-corpus.ts --count ${fileCount}          # through tsx: node --import tsx …
node bin/vtvl.js lint . -f json > /dev/null
node bin/vtvl.js lint . -f json --concurrency 1 > /dev/null
node bin/vtvl.js lint . -f json --config schema-only.vtvlrc.yaml > /dev/null   # every rule: off
VTVL_TIMING=all node bin/vtvl.js lint . -f json --concurrency 1 > /dev/null  # time per phase and rule
node bin/vtvl.js lint . -f json --cache --cache-location vtvlcache > /dev/null   # on a copy; again; after a push
for form in ${forms.join(" ")}; do
  node node_modules/ajv-cli/dist/index.js validate --spec=draft7 --all-errors --errors=line -c ajv-formats \\
    -s schemas/$form.schema.json -r schemas/position.schema.json -d "$form/**/*.yaml" > /dev/null 2>&1
done
node node_modules/ajv-cli/dist/index.js validate --spec=draft7 --all-errors --errors=line -c ajv-formats \\
  -s schemas/position.schema.json -d "**/*.yaml" > /dev/null 2>&1
node bin/vtvl.js lint -f json ${relative(big.directory, oneFile)} > /dev/null   # one file, ${oneFileRuns} times
\`\`\`

ajv-cli reads YAML itself (js-yaml 3, \`safeLoad\`), so it is given the same .yaml files; js-yaml 3 reads
\`effectiveDate: 2023-10-25\` as a Date, which the schemas (a string in date format) then reject: ajv-cli reports
those files invalid where vtvl, reading YAML 1.2 core types, does not. ajv-cli stops at the first file it cannot
parse, so the corpus has no YAML syntax errors.
`;

console.log(section);
writePerformanceSection("lint", section, "bench/lint");
