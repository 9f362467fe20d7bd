#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) and the lint worker into dist/bundle/, one module per entry
// and per lazily loaded command, so that a run loads a few files instead of a hundred: about 50 ms of a
// one-file `vtvl lint`. npm packages stay external (node_modules as installed). Runs last in `npm run build`.
// Files the code loads relative to itself are placed beside the bundle: the precompiled schema validators,
// config validator and templates.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const outdir = `${dist}bundle`;
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: { vtvl: `${dist}cli/main.js`, worker: `${dist}lint/worker.js` },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "chunk-[hash]",
  logLevel: "warning",
});
copyFileSync(`${dist}schema/validators.cjs`, `${outdir}/validators.cjs`);
copyFileSync(`${dist}render/templates.precompiled.cjs`, `${outdir}/templates.precompiled.cjs`);
copyFileSync(`${dist}config/config-validator.cjs`, `${outdir}/config-validator.cjs`);
