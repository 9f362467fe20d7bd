/**
 * Where `render`, `new` and `init` write, and what happens when they cannot: `-o` used as given (a file, a
 * folder, a device or pipe), exit 2 with a message naming the path the user gave (never the temporary file),
 * no hang on a browser that dies at start or under /proc, and user values kept short in messages.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/paths.js";
import { runCli, runCliProcess, tempDir } from "./helpers.js";

const fixture = join(packageRoot, "test/fixtures/render/tt-02-2023-vpcp.yaml");
const TEMPLATE = "vpcp-cv-tham-muu-tong-hop-ve-chuyen-nganh";
const linux = process.platform === "linux";
/** The CLI from the sources, as test/helpers.ts runCliProcess runs it, for a shell to start. */
const MAIN_SCRIPT =
  "const { main } = await import(process.env.VTVL_MAIN); process.exitCode = await main(['node', 'vtvl', ...process.argv.slice(1)]);";

function input(): { dir: string; yaml: string } {
  const dir = tempDir("vtvl-destinations-");
  const yaml = join(dir, "a.yaml");
  copyFileSync(fixture, yaml);
  return { dir, yaml };
}

/** No message shows a raw system error, a temporary file or a stack. */
function expectClean(stderr: string): void {
  expect(stderr).not.toMatch(/\.tmp\b/);
  expect(stderr).not.toMatch(/\b(stat|open|mkdir) '/);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain("internal error");
}

describe("vtvl render -o", () => {
  it("exits 2 at once when the browser exits at start, leaving nothing pending", () => {
    const { dir, yaml } = input();
    const browser = join(dir, "fake-browser.sh");
    writeFileSync(browser, "#!/bin/sh\nexit 3\n");
    chmodSync(browser, 0o755);
    const started = performance.now();
    const child = runCliProcess(["render", yaml, "--browser-path", browser, "-o", join(dir, "x.pdf")], {
      timeout: 30_000,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(child.code).toBe(2);
    expect(child.stderr).toContain("code 3");
    expect(child.stderr).toContain(browser);
    expect(seconds).toBeLessThan(15);
    expect(existsSync(join(dir, "x.pdf"))).toBe(false);
  });

  it("writes the file name as given, whatever its extension, and the summary names it", async () => {
    const { dir, yaml } = input();
    const run = await runCli("render", yaml, "-f", "html", "-o", join(dir, "x.txt"));
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "x.txt"), "utf8")).toContain("<!doctype html>");
    expect(existsSync(join(dir, "x.html"))).toBe(false);
    expect(run.stderr).toContain(`vào ${join(dir, "x.txt")} trong`);
  });

  it("writes into a folder that exists or ends in /, named after the input", async () => {
    const { dir, yaml } = input();
    mkdirSync(join(dir, "existing"));
    const into = await runCli("render", yaml, "-f", "html", "-o", join(dir, "existing"));
    expect(into.code).toBe(0);
    expect(readdirSync(join(dir, "existing"))).toEqual(["a.html"]);
    expect(existsSync(join(dir, "existing.html"))).toBe(false);
    expect(into.stderr).toContain(join(dir, "existing", "a.html"));

    const fresh = await runCli("render", yaml, "-f", "html,docx", "-o", `${join(dir, "new")}/`);
    expect(fresh.code).toBe(0);
    expect(readdirSync(join(dir, "new")).sort()).toEqual(["a.docx", "a.html"]);
  });

  it.runIf(linux)("writes a pipe as it is (-o /dev/stdout) instead of creating a file beside it", () => {
    const { yaml } = input();
    // A shell pipe, as a user has it (Node's own stdio for a child is a socket, which /dev/stdout cannot open).
    const child = spawnSync(
      "sh",
      [
        "-c",
        '"$0" --import tsx --input-type=module -e "$VTVL_SCRIPT" -- render "$1" -f html -o /dev/stdout -q | cat',
        process.execPath,
        yaml,
      ],
      {
        cwd: packageRoot,
        encoding: "utf8",
        timeout: 30_000,
        env: {
          ...process.env,
          VTVL_MAIN: `${packageRoot}src/cli/main.ts`,
          VTVL_SCRIPT: MAIN_SCRIPT,
          NO_COLOR: "1",
        },
      },
    );
    // The shell's status is cat's: no message at all is how vtvl says it succeeded.
    expect(child.stderr).toBe("");
    expect(child.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(existsSync("/dev/stdout.html")).toBe(false);
  });

  it.runIf(linux)("writes a FIFO as it is, without reading it first to see whose it is", async () => {
    const { dir, yaml } = input();
    const fifo = join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    const closed = new Promise((resolve) => reader.once("close", resolve));
    try {
      const run = await runCli("render", yaml, "-f", "html", "-o", fifo, "-q");
      expect(run.code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(["a.yaml", "fifo"]);
      await closed;
      expect(received).toContain("<!doctype html>");
    } finally {
      reader.kill();
    }

    const two = await runCli("render", yaml, "-f", "html,docx", "-o", fifo);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--format");
  });

  it("exits 2 naming the path when -o or --out cannot be used, before writing anything", async () => {
    const { dir, yaml } = input();
    const file = join(dir, "afile");
    writeFileSync(file, "mine\n");

    const under = await runCli("render", yaml, "-f", "html", "-o", join(file, "x.html"));
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`"${join(file, "x.html")}"`);
    expect(under.stderr).toContain("ENOTDIR");
    expectClean(under.stderr);

    const out = await runCli("render", yaml, "-f", "html", "--out", file);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`--out "${file}"`);
    expectClean(out.stderr);
    expect(readFileSync(file, "utf8")).toBe("mine\n");

    const itself = await runCli("render", yaml, "-f", "html", "-o", yaml, "--force");
    expect(itself.code).toBe(2);
    expect(readFileSync(yaml, "utf8")).toBe(readFileSync(fixture, "utf8"));

    // A name that says another format is a mistake, not a name to use as given.
    for (const [format, name] of [
      ["pdf", "x.html"],
      ["html", "x.pdf"],
      ["docx", "x.htm"],
    ]) {
      const mismatch = await runCli("render", yaml, "-f", format!, "-o", join(dir, name!));
      expect(mismatch.code).toBe(2);
      expect(mismatch.stderr).toContain("--format");
      expect(existsSync(join(dir, name!))).toBe(false);
    }

    const empty = await runCli("render", yaml, "-f", "html", "-o", "");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("-o");
  });

  it.runIf(linux)("exits 2 naming the file the user gave when the system refuses it (/proc)", async () => {
    const { yaml } = input();
    for (const target of ["/proc/vtvl-x.html", "/proc/vtvl-sub/x.html"]) {
      const run = await runCli("render", yaml, "-f", "html", "-o", target);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${target}"`);
      expectClean(run.stderr);
    }
    const catalog = await runCli(
      "render",
      "--catalog",
      join(fixture, ".."),
      "-f",
      "html",
      "-o",
      "/proc/c.html",
    );
    expect(catalog.code).toBe(2);
    expect(catalog.stderr).toContain('"/proc/c.html"');
    expectClean(catalog.stderr);
  });
});

describe("vtvl init, when its folder cannot be made", () => {
  it("exits 2 with a message for a file in the way or an empty path", async () => {
    const dir = tempDir("vtvl-init-bad-");
    const file = join(dir, "afile");
    writeFileSync(file, "x\n");
    const under = await runCli("init", join(file, "sub"));
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`"${join(file, "sub")}"`);
    expect(under.stderr).toContain("ENOTDIR");
    expectClean(under.stderr);

    const empty = await runCli("init", "");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("vtvl init .");
  });

  it.runIf(linux)("fails at once under /proc, where a recursive mkdir would loop forever", async () => {
    const run = await runCli("init", "/proc/vtvl-x/y");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"/proc/vtvl-x/y"');
    expectClean(run.stderr);
  });
});

describe("vtvl new, when its file cannot be written", () => {
  it.runIf(linux)("exits 2 naming -o, not the temporary file", async () => {
    for (const target of ["/proc/vtvl-x.yaml", "/proc/vtvl-sub/x.yaml"]) {
      const run = await runCli("new", "--template", TEMPLATE, "--yes", "-o", target);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${target}"`);
      expectClean(run.stderr);
    }
  });

  it("exits 2 for a file in the way and for an empty -o", async () => {
    const dir = tempDir("vtvl-new-bad-");
    writeFileSync(join(dir, "afile"), "x\n");
    const under = await runCli("new", "--template", TEMPLATE, "--yes", "-o", join(dir, "afile/x.yaml"));
    expect(under.code).toBe(2);
    expect(under.stderr).toContain("ENOTDIR");
    expectClean(under.stderr);
    const empty = await runCli("new", "--template", TEMPLATE, "--yes", "-o", "");
    expect(empty.code).toBe(2);
  });

  it("does not repeat a 100 KB --template in its message", async () => {
    const run = await runCli("new", "--template", "a".repeat(100_000), "--yes");
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(1_000);
    expect(run.stderr).toContain("aaaa…");
  });
});
