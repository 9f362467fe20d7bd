/**
 * Finding and starting the Chromium or Chrome that prints the PDFs (as Marp CLI does): an explicit
 * --browser-path, then PUPPETEER_EXECUTABLE_PATH and CHROME_PATH, then the usual install paths, then a browser
 * puppeteer downloaded itself. Started headless with a fresh profile and without any background networking,
 * which on a machine with no network would otherwise stall the start.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
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
  close(): Promise<void>;
}

/** Arguments for a headless start that never reaches the network and leaves nothing in the user's profile. */
export function browserArgs(userDataDir: string, userAgent: string): string[] {
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

export async function launchBrowser(executablePath: string, userAgent: string): Promise<LaunchedBrowser> {
  const { default: puppeteer } = await import("puppeteer-core");
  const userDataDir = mkdtempSync(join(tmpdir(), "vtvl-chromium-"));
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      args: browserArgs(userDataDir, userAgent),
      ignoreDefaultArgs: ["--enable-automation"],
      timeout: 60_000,
      protocolTimeout: 120_000,
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  let closed = false;
  return {
    browser,
    executablePath,
    close: async () => {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => browser.process()?.kill("SIGKILL"));
      removeProfile();
    },
  };
}
