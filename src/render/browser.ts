/**
 * Finding and starting the Chromium or Chrome that prints the PDFs (as Marp CLI does): an explicit
 * --browser-path, then PUPPETEER_EXECUTABLE_PATH and CHROME_PATH, then the usual install paths, then a browser
 * puppeteer downloaded itself. Started headless with a fresh profile and without any background networking,
 * which on a machine with no network would otherwise stall the start.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { Browser, ConnectionTransport, Page } from "puppeteer-core";
import type { Localized } from "../i18n/index.js";

export interface BrowserCandidate {
  path: string;
  source: string;
}

export interface BrowserSearch {
  browserPath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

const SYSTEM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome-beta",
    "/usr/bin/microsoft-edge",
    "/snap/bin/chromium",
    "/opt/google/chrome/chrome",
  ],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
    "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
  ],
};

function isExecutableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Browsers that `npx puppeteer browsers install` left under ~/.cache/puppeteer, newest build first. */
function puppeteerCacheBrowsers(home: string): string[] {
  const root = join(home, ".cache", "puppeteer");
  const found: string[] = [];
  for (const product of ["chrome", "chrome-headless-shell", "chromium"]) {
    const productDir = join(root, product);
    if (!existsSync(productDir)) continue;
    const builds = readdirSync(productDir).sort().reverse();
    for (const build of builds) {
      for (const relative of [
        "chrome-linux64/chrome",
        "chrome-headless-shell-linux64/chrome-headless-shell",
        "chrome-linux/chrome",
        "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
        "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
        "chrome-win64/chrome.exe",
      ]) {
        const path = join(productDir, build, relative);
        if (isExecutableFile(path)) found.push(path);
      }
    }
  }
  return found;
}

/** Every place looked at, in order, with whether a browser is there. */
export function browserCandidates(search: BrowserSearch = {}): Array<BrowserCandidate & { exists: boolean }> {
  const env = search.env ?? process.env;
  const list: BrowserCandidate[] = [];
  if (search.browserPath) list.push({ path: search.browserPath, source: "--browser-path" });
  if (env.PUPPETEER_EXECUTABLE_PATH)
    list.push({ path: env.PUPPETEER_EXECUTABLE_PATH, source: "PUPPETEER_EXECUTABLE_PATH" });
  if (env.CHROME_PATH) list.push({ path: env.CHROME_PATH, source: "CHROME_PATH" });
  for (const path of SYSTEM_PATHS[search.platform ?? process.platform] ?? [])
    list.push({ path, source: "system" });
  for (const path of puppeteerCacheBrowsers(search.home ?? homedir()))
    list.push({ path, source: "~/.cache/puppeteer" });
  return list.map((candidate) => ({ ...candidate, exists: isExecutableFile(candidate.path) }));
}

export class BrowserNotFound extends Error {
  constructor(readonly details: Localized) {
    super(details.en);
    this.name = "BrowserNotFound";
  }
}

/** The browser to use. An explicit --browser-path that is not there is an error, never silently replaced. */
export function findBrowser(search: BrowserSearch = {}): BrowserCandidate {
  const candidates = browserCandidates(search);
  if (search.browserPath && !candidates[0]?.exists) {
    throw new BrowserNotFound({
      vi: `Không có trình duyệt ở "${search.browserPath}" (--browser-path). Hãy kiểm tra đường dẫn tới Chromium hoặc Chrome.`,
      en: `No browser at "${search.browserPath}" (--browser-path). Check the path to Chromium or Chrome.`,
    });
  }
  const found = candidates.find((candidate) => candidate.exists);
  if (found) return found;
  const tried = candidates.map((candidate) => `  ${candidate.path} (${candidate.source})`).join("\n");
  throw new BrowserNotFound({
    vi:
      "Cần Chromium hoặc Google Chrome để in PDF nhưng không tìm thấy. Cài Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), " +
      "hoặc chỉ đường dẫn bằng --browser-path / biến môi trường CHROME_PATH. In HTML (--format html) không cần trình duyệt.\n" +
      `Đã tìm ở:\n${tried}`,
    en:
      "Chromium or Google Chrome is needed to print PDFs and none was found. Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), " +
      "or give its path with --browser-path / the CHROME_PATH variable. HTML output (--format html) needs no browser.\n" +
      `Looked in:\n${tried}`,
  });
}

export interface LaunchedBrowser {
  browser: Browser;
  executablePath: string;
  /** Process id of the browser. */
  pid: number | undefined;
  /** The tab the browser opened with, ready to use as a first page. */
  firstPage: Page | undefined;
  close(): Promise<void>;
}

/**
 * What puppeteer.launch() passes to Chrome (puppeteer-core's defaultArgs for new headless), without
 * --enable-automation (the banner and the automation flag) and with our feature switches merged in. A test
 * compares it with the installed puppeteer-core's list, so an upgrade that changes it is noticed.
 */
export const PUPPETEER_DEFAULT_ARGS: readonly string[] = [
  "--allow-pre-commit-input",
  "--disable-background-networking",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-breakpad",
  "--disable-client-side-phishing-detection",
  "--disable-component-extensions-with-background-pages",
  "--disable-crash-reporter",
  "--disable-default-apps",
  "--disable-dev-shm-usage",
  "--disable-hang-monitor",
  "--disable-infobars",
  "--disable-ipc-flooding-protection",
  "--disable-popup-blocking",
  "--disable-prompt-on-repost",
  "--disable-renderer-backgrounding",
  "--disable-search-engine-choice-screen",
  "--disable-sync",
  "--export-tagged-pdf",
  "--force-color-profile=srgb",
  "--generate-pdf-document-outline",
  "--metrics-recording-only",
  "--no-first-run",
  "--password-store=basic",
  "--use-mock-keychain",
  "--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes",
  "--enable-features=PdfOopif",
  "--headless=new",
  "--hide-scrollbars",
  "--mute-audio",
  "--disable-extensions",
];

/** Arguments for a headless start that never reaches the network and leaves nothing in the user's profile. */
function browserArgs(userDataDir: string, userAgent: string): string[] {
  const args = [
    `--user-data-dir=${userDataDir}`,
    `--user-agent=${userAgent}`,
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pings",
    "--metrics-recording-only",
    "--mute-audio",
    "--font-render-hinting=none",
    "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions",
    // Belt and braces: should anything slip past request interception (a speculative connection for a frame
    // does), it goes to a proxy that does not exist instead of the network.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
  ];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}

/** The full command line: puppeteer's defaults and ours, each flag once, feature lists merged. */
export function launchArgs(userDataDir: string, userAgent: string): string[] {
  const features = { "--disable-features": new Set<string>(), "--enable-features": new Set<string>() };
  const seen = new Set<string>();
  const args: string[] = [];
  for (const arg of [...PUPPETEER_DEFAULT_ARGS, ...browserArgs(userDataDir, userAgent)]) {
    const [name, value] = arg.split(/=(.*)/s) as [string, string | undefined];
    if (name in features && value !== undefined) {
      for (const feature of value.split(",")) features[name as keyof typeof features].add(feature);
    } else if (!seen.has(arg)) {
      seen.add(arg);
      args.push(arg);
    }
  }
  for (const [name, list] of Object.entries(features))
    if (list.size) args.push(`${name}=${[...list].join(",")}`);
  return [...args, "--remote-debugging-pipe", "about:blank"];
}

/**
 * DevTools over the pipe Chrome opens on fds 3 (its input) and 4 (its output) with --remote-debugging-pipe:
 * messages are JSON texts ended by a NUL byte. Messages sent before Chrome is ready wait in the pipe.
 */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  private pending = "";
  private closed = false;
  private closeHandler?: () => void;

  /**
   * Puppeteer sets this in its Connection, after a few awaits: if the pipe closed before (a browser that
   * exits at once), the connection still learns of it, and drops its pending calls and their 120 s timers,
   * which would otherwise keep the process alive long after the error.
   */
  get onclose(): (() => void) | undefined {
    return this.closeHandler;
  }

  set onclose(handler: (() => void) | undefined) {
    this.closeHandler = handler;
    if (handler && this.closed) queueMicrotask(() => this.closeHandler?.());
  }

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding("utf8");
    output.on("data", (chunk: string) => {
      let from = 0;
      for (let end = chunk.indexOf("\0"); end !== -1; end = chunk.indexOf("\0", from)) {
        const message = this.pending + chunk.slice(from, end);
        this.pending = "";
        from = end + 1;
        this.onmessage?.(message);
      }
      this.pending += chunk.slice(from);
    });
    output.on("close", () => this.close());
    input.on("error", () => this.close());
  }

  send(message: string): void {
    if (!this.closed) this.input.write(`${message}\0`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}

/** Launching failed: the browser's own last words (stderr) say why. */
export class BrowserLaunchError extends Error {}

/**
 * Starts the browser process at once, then loads puppeteer while it boots (the two take about as long) and
 * connects over the pipe. Puppeteer's own launch() would load puppeteer first and start the browser after.
 */
export async function launchBrowser(executablePath: string, userAgent: string): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "vtvl-chromium-"));
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  const child = spawn(executablePath, launchArgs(userDataDir, userAgent), {
    stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const failure = new Promise<never>((_, reject) => {
    const fail = (reason: string) =>
      reject(new BrowserLaunchError(`${reason}${stderr.trim() ? `\n${stderr.trim()}` : ""}`));
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`the browser exited at start (${signal ?? `code ${code}`})`));
  });
  failure.catch(() => undefined);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    removeProfile();
  };
  let browser: Browser;
  let firstPage: Page | undefined;
  let transport: PipeTransport | undefined;
  try {
    const { default: puppeteer } = await import("puppeteer-core");
    transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    browser = await Promise.race([
      puppeteer.connect({
        transport,
        defaultViewport: { width: 800, height: 600 },
        protocolTimeout: 120_000,
      }),
      failure,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new BrowserLaunchError("the browser did not answer within 60 s")),
          60_000,
        ).unref(),
      ),
    ]);
    firstPage = (await browser.pages())[0];
  } catch (error) {
    await kill();
    // Whatever puppeteer still waits for (its connection may be set up after the failure) ends now.
    transport?.close();
    for (const stream of child.stdio) stream?.destroy();
    throw error;
  }
  let closed = false;
  return {
    browser,
    executablePath,
    pid: child.pid,
    firstPage,
    close: async () => {
      if (closed) return;
      closed = true;
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await browser.close().catch(() => child.kill("SIGKILL"));
      await exited;
      clearTimeout(timer);
      removeProfile();
    },
  };
}
