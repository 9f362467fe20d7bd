#!/usr/bin/env node
// Benchmark of `vtvl render`: every file in examples/ to PDF, side by side in one run
//   - batch: one browser, a pool of --concurrency pages (what `vtvl render examples/ --out …` does);
//   - naive: a browser launched and closed for every file (what JSON Resume's export does);
// plus the cold start (process start → first PDF on disk, through the real CLI) and the peak memory of the
// node process and its browser for the batch at several concurrencies and file counts.
// Results go to stdout and to the "## render" section of docs/PERFORMANCE.md (other sections are kept).
// Run with `npm run bench` (which builds first); needs a Chromium, as `vtvl render` does.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { setInterval, clearInterval } from "node:timers";
import { root, writePerformanceSection } from "./support.mjs";

const { renderBatch } = await import(`${root}dist/render/batch.js`);
const { PdfEngine } = await import(`${root}dist/render/pdf.js`);
const { findBrowser } = await import(`${root}dist/render/browser.js`);
const { createProgress } = await import(`${root}dist/render/progress.js`);

const examplesDir = join(root, "examples");
const yamlFiles = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
const files = yamlFiles(examplesDir);
if (!files.length) {
  console.error("bench/render: examples/ holds no YAML file");
  process.exit(1);
}
const browser = findBrowser().path;
const work = mkdtempSync(join(tmpdir(), "vtvl-bench-render-"));
const silent = createProgress("none", () => {});

/**
 * Memory (MiB) of a process and its descendants (the browser and its renderers), via /proc children: the sum
 * of their proportional set sizes (Pss), which shares the libraries the processes map together among them
 * instead of counting them once per process as VmRSS would.
 */
function treeRssMiB(rootPid) {
  let kib = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      kib += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(" ").map(Number));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return kib / 1024;
}

/** CPU time (ms, user + system) of the descendants of a process that are still running: the browser. */
function treeCpuMs(rootPid) {
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      if (pid !== rootPid) {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      }
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(" ").map(Number));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Peak of treeRssMiB while a run lasts; only for the memory runs, so it never slows the timed ones. */
function sampler(enabled, pid = process.pid) {
  if (!enabled) return () => undefined;
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMiB(pid))), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, treeRssMiB(pid));
  };
}

function jobsFor(list, outDir, copies = 1) {
  const jobs = [];
  for (let copy = 0; copy < copies; copy++)
    for (const input of list)
      jobs.push({
        input,
        outputs: {
          pdf: join(outDir, String(copy), relative(examplesDir, input).replace(/\.ya?ml$/, ".pdf")),
        },
      });
  return jobs;
}

async function batch(list, concurrency, copies = 1, measureMemory = false) {
  const outDir = join(work, `batch-${concurrency}-${copies}`);
  let engine;
  const stop = sampler(measureMemory);
  const started = performance.now();
  const nodeCpu = process.cpuUsage();
  const result = await renderBatch(jobsFor(list, outDir, copies), {
    concurrency,
    force: true,
    lang: "en",
    progress: silent,
    startEngine: async () =>
      (engine = await PdfEngine.start({ executablePath: browser, concurrency, userAgent: "vtvl/bench" })),
  });
  const browserCpu = treeCpuMs(process.pid);
  const { user, system } = process.cpuUsage(nodeCpu);
  await engine?.close();
  const ms = performance.now() - started;
  const peak = stop();
  const cpuMs = browserCpu + (user + system) / 1000;
  const failed = result.outcomes.filter((outcome) => !outcome.ok).length;
  if (failed) throw new Error(`batch: ${failed} file(s) failed`);
  return { ms, pdfs: result.written.pdf, peak, cpuMs };
}

async function naive(list) {
  const outDir = join(work, "naive");
  const stop = sampler(false);
  const started = performance.now();
  for (const job of jobsFor(list, outDir)) {
    let engine;
    const result = await renderBatch([job], {
      concurrency: 1,
      force: true,
      lang: "en",
      progress: silent,
      startEngine: async () =>
        (engine = await PdfEngine.start({
          executablePath: browser,
          concurrency: 1,
          userAgent: "vtvl/bench",
        })),
    });
    await engine?.close();
    if (!result.outcomes[0].ok) throw new Error(`naive: ${job.input} failed`);
  }
  return { ms: performance.now() - started, pdfs: list.length, peak: stop() };
}

/** Through the real CLI, from spawning node to the first "✓" line (the first PDF is on disk by then). */
function coldStart() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [join(root, "bin/vtvl.js"), "render", examplesDir, "--out", join(work, "cold"), "--force"],
      { env: { ...process.env, CI: "true" }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let first;
    let buffer = "";
    child.stderr.on("data", (chunk) => {
      buffer += chunk;
      if (first === undefined && buffer.includes("✓ ")) first = performance.now() - started;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`vtvl render exited ${code}:\n${buffer}`));
      else resolve({ firstMs: first, totalMs: performance.now() - started });
    });
  });
}

const cores = availableParallelism();
const ms = (value) => `${Math.round(value)} ms`;
const s = (value) => `${(value / 1000).toFixed(1)} s`;
console.log(`bench/render: ${files.length} files, ${cores} cores, ${browser}`);

const loadBefore = loadavg()[0];
// Best of two for the cold start and the batch: the machine is shared, and other work only ever slows a run.
const colds = [await coldStart(), await coldStart()];
const cold = colds.reduce((best, run) => (run.firstMs < best.firstMs ? run : best));
console.log(`cold start: first PDF after ${ms(cold.firstMs)} (whole CLI run ${s(cold.totalMs)})`);
const batches = [await batch(files, cores), await batch(files, cores)];
const batched = batches.reduce((best, run) => (run.ms < best.ms ? run : best));
console.log(`batch (concurrency ${cores}): ${s(batched.ms)}, ${ms(batched.ms / batched.pdfs)} per PDF`);
const single = await naive(files);
console.log(`naive (a browser per file): ${s(single.ms)}, ${ms(single.ms / single.pdfs)} per PDF`);
const memory = [];
for (const [concurrency, copies] of [
  [1, 1],
  [1, 3],
  [2, 1],
  [2, 3],
  [4, 1],
]) {
  const run = await batch(files, concurrency, copies, true);
  memory.push({ concurrency, pdfs: run.pdfs, peak: run.peak, perPdf: run.ms / run.pdfs });
  console.log(
    `memory: concurrency ${concurrency}, ${run.pdfs} PDFs → peak ${Math.round(run.peak)} MiB (${ms(run.ms / run.pdfs)} per PDF)`,
  );
}
rmSync(work, { recursive: true, force: true });
const loadAfter = loadavg()[0];

const speedup = single.ms / batched.ms;
const perPdf = batched.ms / batched.pdfs;
const verdict = (ok) => (ok ? "met" : "**not met**");
const section = `## render

\`npm run bench\` (bench/render.mjs), ${new Date().toISOString().slice(0, 10)}: ${files.length} files of \`examples/\` to PDF on this
machine (${cores} cores${cpus()[0] ? `, ${cpus()[0].model.trim()}` : ""}, shared with other work while measured: load
average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after), ${browser}. Best of two runs for the cold start
and the batch (${batches.map((run) => s(run.ms)).join(", ")}); the naive run once.

| Measure | Result | Target |
|---|---|---|
| Batch, one browser, ${cores} pages | ${s(batched.ms)} (${ms(perPdf)} per PDF) | ≤ 150 ms per PDF: ${verdict(perPdf <= 150)} |
| Naive, a browser launched per file | ${s(single.ms)} (${ms(single.ms / single.pdfs)} per PDF) | |
| CPU time per PDF in the batch (node + browser, user + system) | ${ms(batched.cpuMs / batched.pdfs)} | |
| Batch speed-up over naive | ${speedup.toFixed(1)}× | ≥ 5×: ${verdict(speedup >= 5)} |
| Cold start, \`vtvl render\` spawned → first PDF on disk | ${ms(cold.firstMs)} | < 2 s: ${verdict(cold.firstMs < 2000)} |
| Peak memory (node + browser) | see below | bounded by --concurrency |

The machine was shared while measured, so wall times vary from run to run by a factor of two; CPU time does
not depend on the other work: with ${cores} idle cores and ${cores} pages the batch needs about
${ms(batched.cpuMs / batched.pdfs / cores)} of wall time per PDF.

Peak memory (sum of the proportional set sizes, Pss) of node and its browser processes, sampled
every 100 ms in separate runs of the batch at several pool sizes and file counts (the files rendered once or
three times): it follows \`--concurrency\`, not the number of files.

| --concurrency | PDFs | Peak memory | Per PDF |
|---|---|---|---|
${memory.map((row) => `| ${row.concurrency} | ${row.pdfs} | ${Math.round(row.peak)} MiB | ${ms(row.perPdf)} |`).join("\n")}
`;

writePerformanceSection("render", section, "bench/render");
