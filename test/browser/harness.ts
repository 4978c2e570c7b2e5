// Browser-test harness: a static file server for the built app and a headless Chromium that
// records every request the page, its frames and its workers make (to prove nothing leaves).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from "playwright-core";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".wasm": "application/wasm",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".parquet": "application/octet-stream",
  ".jsonl": "application/x-ndjson",
};

/** A running static server. */
export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` over HTTP on 127.0.0.1 at a random port, with correct MIME types (incl. wasm); uncached
 * unless `cacheable` (as a real static host would: what repeat visits gain needs the browser's caches).
 */
export async function serveDirectory(dir: string, { cacheable = false } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      // Stay inside root: a `..` in the URL must not reach other files.
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, {
        "Content-Type": MIME[extname(path).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": cacheable ? "public, max-age=3600" : "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** An open headless browser with one page and the URLs of every request it made. */
export interface OpenBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request URL seen so far (page, frames, workers), in order. */
  readonly requests: string[];
  /** The recorded requests that went anywhere other than `origin` (data:, blob: and about: are local). */
  offOrigin(origin: string): string[];
  close(): Promise<void>;
}

const LOCAL_SCHEMES = ["data:", "blob:", "about:", "chrome-error:", "chrome:"];

/** Launches headless Chromium (no context yet): tests that want one browser for many contexts use this. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A browser context whose every request (pages, frames, workers) is recorded. */
export interface RecordedContext {
  readonly context: BrowserContext;
  /** Every request URL seen so far, in order. */
  readonly requests: string[];
  /** The recorded requests that went anywhere other than `origin` (data:, blob: and about: are local). */
  offOrigin(origin: string): string[];
  /** Opens another page of the context (recorded too). */
  newPage(): Promise<Page>;
}

/** Whether a context lets the app register its service worker. */
export type ServiceWorkers = "allow" | "block";

/** How a test context is made: service workers (blocked by default) and the page locale (e.g. "zh-CN"). */
export interface ContextOptions {
  readonly serviceWorkers?: ServiceWorkers;
  readonly locale?: string;
}

/**
 * Opens a new context in `browser` and records every request URL of it, frames and workers included (the
 * service worker's too). Service workers are blocked unless asked for: the app's offline copy (40 MB
 * fetched in the background) belongs to the offline tests, not to what every other test fetched.
 */
export async function recordedContext(
  browser: Browser,
  { serviceWorkers = "block", locale }: ContextOptions = {},
): Promise<RecordedContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    serviceWorkers,
    ...(locale ? { locale } : {}),
  });
  const requests: string[] = [];
  const seen = new Set<unknown>();
  // The context and each page both report page, frame and dedicated-worker requests; each Request
  // object is counted once. A worker's own script URL is recorded when it starts.
  const record = (request: { url(): string }) => {
    if (seen.has(request)) return;
    seen.add(request);
    requests.push(request.url());
  };
  context.on("request", record);
  const watchWorker = (worker: Worker) => {
    requests.push(worker.url());
  };
  const watched = new WeakSet<Page>();
  const watchPage = (p: Page) => {
    if (watched.has(p)) return;
    watched.add(p);
    p.on("request", record);
    p.on("worker", watchWorker);
    // A popup is a way out in itself: it is recorded so that offOrigin() reports it.
    p.on("popup", (popup) => requests.push(`popup:${popup.url()}`));
  };
  context.on("page", watchPage);
  return {
    context,
    requests,
    offOrigin(origin: string) {
      return requests.filter((url) => {
        if (LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme))) return false;
        try {
          return new URL(url).origin !== origin;
        } catch {
          return true;
        }
      });
    },
    async newPage() {
      const page = await context.newPage();
      watchPage(page);
      return page;
    },
  };
}

/** Launches headless Chromium and records every request URL of its context, frames and workers included. */
export async function openBrowser(options: ContextOptions = {}): Promise<OpenBrowser> {
  const browser = await launchChromium();
  const recorded = await recordedContext(browser, options);
  const page = await recorded.newPage();
  return {
    browser,
    context: recorded.context,
    page,
    requests: recorded.requests,
    offOrigin: recorded.offOrigin,
    close: () => browser.close(),
  };
}
