// Runs one hostile case in a fresh page of its build's browser context and returns what it saw
// leave or go wrong: requests off the app's origin or carrying the canary, popups, navigation away,
// the canary in a downloaded file, main-thread stalls, and the case's own checks.
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { readFile } from "node:fs/promises";
import { CANARY, CLIENTS_CSV, holdsCanary } from "./canary";
import type { Weakening } from "./weaken";
import { withThreads } from "../../../src/sw/isolation";

/** What a case's action and check get. */
export interface CaseContext {
  readonly page: Page;
  /** The attacker host name of this run (`<tag>.evil.test`). */
  readonly evil: string;
  /** Gives a leak `ms` to show: resolves then, or as soon as the attacker has heard from this run. */
  linger(ms: number): Promise<void>;
}

/** One hostile notebook: what it is, how the user meets it, and what must not happen. */
export interface HostileCase {
  readonly name: string;
  /** The hole of issue 10 it reproduces, when it is one of the six. */
  readonly hole?: number;
  /** The notebook text; `EVIL` stands for the attacker host of the run. */
  readonly notebook?: string;
  /** How it is opened: from disk (default), or served beside the app and opened with `?notebook=`. */
  readonly open?: "disk" | "link";
  /** A page query to open instead (`EVIL` replaced), e.g. `?notebook=http://EVIL/n.md`. */
  readonly query?: string;
  /** Load the canary clients.csv: before the notebook (default), after it, or not at all. */
  readonly data?: "before" | "after" | "none";
  /** Whether the user presses "Run this notebook" (default true). */
  readonly trust?: boolean;
  /** Cells (by name) that must end in an error: the defence refused what they tried. */
  readonly mustFail?: readonly string[];
  /** What the user does once the notebook has run. */
  readonly action?: (c: CaseContext) => Promise<void>;
  /** Whether confirm dialogs are accepted (default: dismissed). */
  readonly acceptDialogs?: boolean;
  /** The longest the page's main thread may stall after the run starts, in ms. */
  readonly maxStallMs?: number;
  /** Case-specific violations, read after the action. */
  readonly check?: (c: CaseContext) => Promise<string[]>;
  /** The defence to take out for the weakened run. */
  readonly weaken: Weakening;
  /** How long the notebook's cells may take to settle (default 30 s; 0: do not wait, the action does). */
  readonly settleMs?: number;
  /** Also run on an isolated page, DuckDB on threads (the cases that reach workers, frames, fetch, the engine). */
  readonly threaded?: boolean;
}

/** What one run of a case saw. */
export interface CaseRun {
  readonly start: number;
  end: number;
  readonly findings: string[];
}

/** The path a `link` case's notebook is served at, beside the app. */
export const linkedPath = (tag: string) => `hostile/${tag}.md`;

const LOCAL = ["data:", "blob:", "about:", "chrome-error:", "chrome:"];
const SETTLED = '[data-kind="sql"], [data-kind="ts"], [data-kind="chart"], [data-kind="input"]';

// A timer on the page's main thread: the longest gap between its ticks is the longest stall.
const STALL_METER = `if (window.top === window) {
  let last = performance.now();
  window.__maxGap = 0;
  window.__resetGap = () => { window.__maxGap = 0; last = performance.now(); };
  setInterval(() => {
    const now = performance.now();
    window.__maxGap = Math.max(window.__maxGap, now - last);
    last = now;
  }, 20);
}`;

/** Fills in the run's attacker host. */
export const withEvil = (text: string, evil: string) => text.replaceAll("EVIL", evil);

async function settle(page: Page, ms: number): Promise<string | null> {
  try {
    await page.waitForFunction(
      (selector) => {
        const cells = [...document.querySelectorAll(selector)];
        // Markdown shows its source text until its `${}` values are computed.
        const prose = [...document.querySelectorAll(".prose")].every((p) => !(p.textContent ?? "").includes("${"));
        return prose && cells.every((c) => ["done", "error"].includes(c.getAttribute("data-state") ?? ""));
      },
      SETTLED,
      { timeout: ms, polling: 100 },
    );
    return null;
  } catch {
    const open = await page.$$eval(SETTLED, (cells) =>
      cells
        .filter((c) => !["done", "error"].includes(c.getAttribute("data-state") ?? ""))
        .map((c) => c.getAttribute("data-cell")),
    );
    return `cells did not finish within ${ms} ms: ${open.join(", ")}`;
  }
}

/**
 * One browser context per build, shared by that build's cases so that the app's files (DuckDB's wasm
 * above all) come from the HTTP cache (the suite serves them cacheable): each case still gets a fresh page,
 * so a fresh DuckDB and sandbox.
 */
export async function newBuildContext(browser: Browser): Promise<BrowserContext> {
  // No service worker: its 40 MB offline copy per case is no part of what a notebook can reach.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  await context.addInitScript(STALL_METER);
  return context;
}

/** How long the first visit of a threaded context may take to keep its offline copy on a busy machine. */
const OFFLINE_TIMEOUT = 300_000;

/**
 * A context whose pages can be cross-origin isolated and run DuckDB's threaded build: the app's service worker
 * is let in, and a first visit to `origin` waits until it keeps the offline copy, so every later page of the
 * context that asks (`?threads=on`, added by runCase) is served by it with the isolation headers (src/sw/isolation.ts).
 */
export async function newThreadedContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    serviceWorkers: "allow",
  });
  await context.addInitScript(STALL_METER);
  const first = await context.newPage();
  try {
    await first.goto(`${origin}/`);
    await first.waitForSelector("body[data-offline=ready]", { timeout: OFFLINE_TIMEOUT });
  } finally {
    await first.close();
  }
  return context;
}

/**
 * Runs `hostile` against the app at `origin` in a new page of `context`; `tag` names the run's attacker
 * host, `heard` says whether the attacker has received a request for a host, and `threaded` that the
 * context is a threaded one (a page that is not isolated and threaded is then a finding).
 */
export async function runCase(
  context: BrowserContext,
  origin: string,
  hostile: HostileCase,
  tag: string,
  heard: (evil: string) => boolean = () => false,
  threaded = false,
): Promise<CaseRun> {
  const run: CaseRun = { start: Date.now(), end: 0, findings: [] };
  const evil = `${tag}.evil.test`;
  const downloads: Promise<void>[] = [];
  const requests: string[] = [];
  const onFinished = (request: Request) => requests.push(request.url());
  const onFailed = (request: Request) => {
    if (!/BLOCKED|ABORTED|^csp$/i.test(request.failure()?.errorText ?? "")) requests.push(request.url());
  };
  const popups: Page[] = [];
  const onPopup = (popup: Page) => {
    popups.push(popup);
    run.findings.push(`a popup opened: ${popup.url() || "(blank)"}`);
  };
  let opened: Page | undefined;
  try {
    // Playwright also reports requests that a content policy then refuses before they leave (some with
    // no failure event at all): only answered ones, or ones that failed out on the network, count here.
    // Whatever did go out is in the net log and the attacker's record anyway.
    context.on("requestfinished", onFinished);
    context.on("requestfailed", onFailed);
    const page = await context.newPage();
    opened = page;
    context.on("page", onPopup);
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() || new URL(frame.url()).origin === origin) return;
      run.findings.push(`the page navigated away: ${frame.url()}`);
    });
    page.on("dialog", (dialog) => void (hostile.acceptDialogs ? dialog.accept() : dialog.dismiss()));
    page.on("download", (download) => {
      downloads.push(
        download.path().then(async (path) => {
          const text = await readFile(path, "utf8");
          if (holdsCanary(text)) run.findings.push(`the canary is in the downloaded ${download.suggestedFilename()}`);
        }),
      );
    });
    // A wait that only gives a leak time to happen ends once one has: it is already a finding.
    const linger = async (ms: number) => {
      for (const until = Date.now() + ms; Date.now() < until && !heard(evil);) {
        await new Promise((tick) => setTimeout(tick, Math.min(50, until - Date.now())));
      }
    };
    const c: CaseContext = { page, evil, linger };
    const linked = hostile.open === "link" ? `?notebook=${linkedPath(tag)}` : "";
    const query = hostile.query ? withEvil(hostile.query, evil) : linked;
    await page.goto(`${origin}/${threaded ? withThreads(query) : query}`);
    await page.waitForSelector("body[data-engine=ready]", { timeout: 90_000 });
    if (threaded) {
      // The evidence is only evidence if the page really ran on threads.
      const engine = await page.evaluate(() => [crossOriginIsolated, document.body.dataset.engineBundle]);
      if (engine.join() !== "true,coi") run.findings.push(`the page was not threaded (isolated, bundle: ${engine})`);
    }
    const data = hostile.data ?? "before";
    const load = async () => {
      await page.locator('input[data-action="load-files"]').setInputFiles(CLIENTS_CSV);
      await page.locator('[data-table="clients"]').waitFor({ timeout: 30_000 });
    };
    if (data === "before") await load();
    if (hostile.notebook && hostile.open !== "link") {
      const buffer = Buffer.from(withEvil(hostile.notebook, evil));
      const file = { name: "hostile.md", mimeType: "text/markdown", buffer };
      await page.locator('input[data-action="open-notebook"]').setInputFiles(file);
      await page.locator("article.cell").first().waitFor({ timeout: 10_000 });
    }
    if (data === "after") await load();
    await page.evaluate("window.__resetGap()");
    if (hostile.trust ?? true) {
      await page.locator('[data-action="trust"]').click({ timeout: 15_000 });
      const late = hostile.settleMs === 0 ? null : await settle(page, hostile.settleMs ?? 30_000);
      if (late) run.findings.push(late);
    }
    await hostile.action?.(c);
    // Time for anything the notebook set going (timers, beacons, images) to reach the attacker.
    await linger(500);
    const stall = Number(await page.evaluate("window.__maxGap"));
    if (hostile.maxStallMs !== undefined && stall > hostile.maxStallMs) {
      run.findings.push(`the page's main thread stalled ${Math.round(stall)} ms (limit ${hostile.maxStallMs} ms)`);
    }
    for (const name of hostile.mustFail ?? []) {
      const state = await page.locator(`[data-cell="${name}"]`).getAttribute("data-state", { timeout: 5_000 });
      if (state !== "error") run.findings.push(`cell ${name} was not refused (state ${state})`);
    }
    run.findings.push(...((await hostile.check?.(c)) ?? []));
    await Promise.all(downloads);
    for (const url of requests) {
      if (holdsCanary(decodeURIComponent(url))) run.findings.push(`a request carried the canary: ${url}`);
      const local = LOCAL.some((s) => url.startsWith(s)) || new URL(url).origin === origin;
      if (!local) run.findings.push(`a request left the app's origin: ${url}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    run.findings.push(`the case did not complete: ${message.split("\n")[0]}`);
  } finally {
    run.end = Date.now();
    context.off("requestfinished", onFinished);
    context.off("requestfailed", onFailed);
    context.off("page", onPopup);
    await Promise.all([opened, ...popups].map((p) => p?.close().catch(() => undefined)));
  }
  return run;
}

/** The canary, for cases that build their own checks. */
export { CANARY };
