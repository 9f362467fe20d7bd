/**
 * HTML → PDF with one browser and a bounded pool of pages. Each page runs with JavaScript off and request
 * interception on: the document itself and the layout's fonts are answered from memory under a private origin
 * (https://vtvl.invalid, a reserved name that never resolves), every other request is refused and recorded.
 */
import type { CDPSession, HTTPRequest, Page } from "puppeteer-core";
import { fontBytes, fontFaces } from "./fonts.js";
import { launchBrowser, type LaunchedBrowser } from "./browser.js";
import { makeDeterministic } from "./deterministic.js";

export const RENDER_ORIGIN = "https://vtvl.invalid";
export const FONT_BASE_URL = `${RENDER_ORIGIN}/fonts/`;

/** Evaluated by DevTools, which works with the page's own JavaScript off: resolves on the document's load. */
const WAIT_FOR_LOAD =
  'new Promise((resolve) => document.readyState === "complete" ? resolve() : addEventListener("load", () => resolve(), { once: true }))';

export interface PdfEngineOptions {
  executablePath: string;
  concurrency: number;
  userAgent: string;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH): fixes the PDF's dates so equal inputs give equal bytes. */
  sourceDateEpoch?: number;
  timeoutMs?: number;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests the page made and the renderer refused (should be none for our own templates). */
  blocked: string[];
  ms: number;
}

interface Job {
  url: string;
  html: string;
  blocked: string[];
}

interface PooledPage {
  page: Page;
  job?: Job;
  /** Set once the page holds a document of ours: later jobs replace its content instead of navigating. */
  document?: { session: CDPSession; frameId: string };
}

export class PdfEngine {
  private readonly idle: PooledPage[] = [];
  private readonly waiters: Array<{ resolve: (page: PooledPage) => void; reject: (error: unknown) => void }> =
    [];
  private created = 0;
  private sequence = 0;
  private closed = false;
  private readonly fonts = new Map(fontFaces().map((face) => [`${FONT_BASE_URL}${face.file}`, face.file]));

  private constructor(
    private readonly launched: LaunchedBrowser,
    private readonly options: PdfEngineOptions,
  ) {}

  static async start(options: PdfEngineOptions): Promise<PdfEngine> {
    const launched = await launchBrowser(options.executablePath, options.userAgent);
    const engine = new PdfEngine(launched, options);
    // The first page is opened with the browser, while the caller is still reading its first files.
    try {
      engine.created++;
      engine.idle.push(await engine.newPage(launched.firstPage));
    } catch (error) {
      await launched.close();
      throw error;
    }
    return engine;
  }

  get executablePath(): string {
    return this.launched.executablePath;
  }

  get pagesCreated(): number {
    return this.created;
  }

  /** Process id of the browser, for measuring its memory. */
  get pid(): number | undefined {
    return this.launched.pid;
  }

  /** A page set up for our documents: `existing` (the browser's first tab) or a new one. */
  private async newPage(existing?: Page): Promise<PooledPage> {
    const page = existing ?? (await this.launched.browser.newPage());
    const pooled: PooledPage = { page };
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Interception turns the cache off; on, the fonts a page has loaded are reused by its next documents.
    await page.setCacheEnabled(true);
    page.on("request", (request) => this.answer(pooled, request));
    return pooled;
  }

  private answer(pooled: PooledPage, request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const job = pooled.job;
    if (job && url === job.url) {
      void request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: job.html });
      return;
    }
    const font = this.fonts.get(url);
    if (font) {
      void request.respond({
        status: 200,
        contentType: "font/woff2",
        headers: { "cache-control": "public, max-age=31536000, immutable" },
        body: fontBytes(font),
      });
      return;
    }
    if (url.startsWith("data:")) {
      // Inline data never leaves the machine; Chromium does not route it through interception anyway.
      void request.continue();
      return;
    }
    job?.blocked.push(url);
    void request.abort("blockedbyclient");
  }

  private async acquire(): Promise<PooledPage> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.created < this.options.concurrency) {
      this.created++;
      try {
        return await this.newPage();
      } catch (error) {
        this.created--;
        throw error;
      }
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private release(pooled: PooledPage): void {
    pooled.job = undefined;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(pooled);
    else this.idle.push(pooled);
  }

  private async discard(pooled: PooledPage): Promise<void> {
    await pooled.page.close().catch(() => undefined);
    this.created--;
    const waiter = this.waiters.shift();
    if (waiter) {
      this.created++;
      this.newPage().then(waiter.resolve, (error: unknown) => {
        this.created--;
        waiter.reject(error);
      });
    }
  }

  /**
   * `fresh`: navigate to a new document instead of replacing the content of the page's previous one, whose
   * Content-Security-Policy would otherwise still apply (our documents all carry the same one).
   */
  async render(html: string, options: { fresh?: boolean } = {}): Promise<PdfResult> {
    if (this.closed) throw new Error("the PDF engine is closed");
    const started = performance.now();
    const pooled = await this.acquire();
    const job: Job = { url: `${RENDER_ORIGIN}/document/${++this.sequence}.html`, html, blocked: [] };
    pooled.job = job;
    const timeout = this.options.timeoutMs ?? 60_000;
    try {
      if (pooled.document && !options.fresh) {
        // Replacing the content of a document already at our origin skips a navigation and keeps its fonts.
        await pooled.document.session.send("Page.setDocumentContent", {
          frameId: pooled.document.frameId,
          html,
        });
        // As goto's "load": every subresource settled (fonts loaded, anything else refused) before printing.
        await pooled.page.evaluate(WAIT_FOR_LOAD);
      } else {
        await pooled.page.goto(job.url, { waitUntil: "load", timeout });
        const session = await pooled.page.createCDPSession();
        const { frameTree } = await session.send("Page.getFrameTree");
        pooled.document = { session, frameId: frameTree.frame.id };
      }
      const raw = await pooled.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: false,
        waitForFonts: true,
        timeout,
      });
      const pdf =
        this.options.sourceDateEpoch === undefined
          ? raw
          : makeDeterministic(raw, this.options.sourceDateEpoch);
      this.release(pooled);
      return { pdf, blocked: job.blocked, ms: performance.now() - started };
    } catch (error) {
      await this.discard(pooled);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.launched.close();
  }
}
