#!/usr/bin/env node
// Makes a fresh clone ready to run: npm dependencies, the build, a Chromium for PDF rendering and LibreOffice
// for the Word round-trip test.
// Called before the README's two commands (npm run demo, npm test) so both work on a new machine as written.
// Plain JavaScript with no dependencies: it runs before node_modules exists.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const quiet = process.argv.includes("--quiet");
const log = (message) => quiet || console.error(`[setup] ${message}`);
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[setup] "${command} ${args.join(" ")}" failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
};

if (!existsSync("node_modules/.package-lock.json")) {
  log("installing npm dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

const browserCandidates = [
  process.env.PUPPETEER_EXECUTABLE_PATH,
  process.env.CHROME_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
].filter(Boolean);
const hasBrowser = browserCandidates.some((path) => existsSync(path));
const missingPackages = [];
if (!hasBrowser) missingPackages.push("chromium");
if (!existsSync("/usr/bin/pdftotext")) missingPackages.push("poppler-utils");
// LibreOffice opens the Word files vtvl writes and converts its HTML to .docx in test/docx.test.ts.
if (!existsSync("/usr/bin/soffice")) missingPackages.push("libreoffice-writer-nogui");
if (missingPackages.length) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    log(`installing ${missingPackages.join(", ")} from Debian's packages`);
    run("apt-get", ["update", "-qq"]);
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missingPackages], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    log(
      `missing ${missingPackages.join(", ")}: install them (e.g. "sudo apt-get install ${missingPackages.join(" ")}"); ` +
        "PDF rendering and its tests need a Chromium; the Word round-trip test needs LibreOffice (skipped without it).",
    );
  }
}

log("building (tsc)");
run("npm", ["run", "--silent", "build"]);
