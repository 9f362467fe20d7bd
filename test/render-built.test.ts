/**
 * What the build adds for a fast cold start must not change what is printed: the precompiled templates
 * (dist/render/templates.precompiled.cjs, used by the bundled CLI) give the HTML the Handlebars compiler
 * gives, and the browser is started with the arguments puppeteer itself would use.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Handlebars from "handlebars";
import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { PUPPETEER_DEFAULT_ARGS, launchArgs } from "../src/render/browser.js";
import { renderHtmlDocument } from "../src/render/html.js";
import { COMPILE_OPTIONS } from "../src/render/templates.js";
import { loadForRender } from "../src/render/load.js";
import { packageRoot } from "../src/paths.js";
import { tempDir } from "./helpers.js";

const precompiledPath = join(packageRoot, "dist/render/templates.precompiled.cjs");
const layoutsDir = join(packageRoot, "templates/layouts");

describe("precompiled templates", () => {
  it("are built from the current templates, with the compile options of the renderer", () => {
    expect(existsSync(precompiledPath), "run `npm run build` first").toBe(true);
    const table = createRequire(import.meta.url)(precompiledPath) as Record<string, { source: string }>;
    const files = readdirSync(layoutsDir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith(".hbs"))
      .map((name) => name.split("\\").join("/"))
      .sort();
    expect(Object.keys(table).sort()).toEqual(files);
    for (const name of files)
      expect(table[name]!.source, name).toBe(readFileSync(join(layoutsDir, name), "utf8"));
    // A spec the compiler would not write again means other options or another Handlebars.
    const sample = files.find((name) => name.endsWith("position.hbs"))!;
    const code = readFileSync(precompiledPath, "utf8");
    expect(code).toContain(Handlebars.precompile(table[sample]!.source, COMPILE_OPTIONS) as string);
  });

  it("give the bundled CLI the HTML the compiler gives, for one example of each layout", () => {
    const examples = [
      "examples/tt-02-2023-vpcp",
      "examples/hung-yen-pl1-1-2022",
      "examples/qd-4135-btctw",
      "examples/qd-302-2025-ubnd",
      "examples/ninh-binh-xa-2026",
    ].flatMap((dir) =>
      readdirSync(join(packageRoot, dir), { recursive: true })
        .map(String)
        .filter((name) => name.endsWith(".yaml"))
        .slice(0, 2)
        .map((name) => join(packageRoot, dir, name)),
    );
    expect(examples.length).toBeGreaterThanOrEqual(8);
    // The bundle loads the table beside itself (scripts/bundle.mjs); without it, it would compile.
    expect(existsSync(join(packageRoot, "dist/bundle/templates.precompiled.cjs"))).toBe(true);
    const out = tempDir();
    for (const [index, file] of examples.entries()) {
      const target = join(out, `${index}.html`);
      const run = spawnSync(
        process.execPath,
        [join(packageRoot, "bin/vtvl.js"), "render", file, "-o", target, "-q"],
        {
          encoding: "utf8",
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const loaded = loadForRender(file, readFileSync(file), "vi");
      if (!loaded.ok) throw new Error(`${file} did not load`);
      const expected = renderHtmlDocument(loaded.position, loaded.form.id, dirname(file));
      expect(readFileSync(target, "utf8"), file).toBe(expected);
    }
  });
});

describe("browser arguments", () => {
  it("are puppeteer's own defaults without --enable-automation", () => {
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((arg) => arg !== "about:blank");
    expect([...PUPPETEER_DEFAULT_ARGS, "--enable-automation"].sort()).toEqual([...theirs].sort());
  });

  it("name each flag once, merge the feature lists and open a blank page over a pipe", () => {
    const args = launchArgs("/tmp/profile", "vtvl/test");
    expect(new Set(args).size).toBe(args.length);
    expect(args.filter((arg) => arg.startsWith("--disable-features="))).toHaveLength(1);
    const disabled = args
      .find((arg) => arg.startsWith("--disable-features="))!
      .split("=")[1]!
      .split(",");
    expect(disabled).toEqual(
      expect.arrayContaining(["Translate", "IsolateSandboxedIframes", "InterestFeedContentSuggestions"]),
    );
    expect(args).toEqual(
      expect.arrayContaining(["--user-data-dir=/tmp/profile", "--remote-debugging-pipe", "--headless=new"]),
    );
    expect(args.at(-1)).toBe("about:blank");
    expect(args).not.toContain("--enable-automation");
  });
});
