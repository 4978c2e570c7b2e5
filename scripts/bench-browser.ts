// What every browser bench shares: the command-line options, the app build it times (.bench/dist, built once
// per run), the app served from it and headless Chromium recording every request, closed however the bench
// ends, and failing the bench when any request left the origin (the privacy rule holds in benches too).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type ElementHandle, type Page } from "playwright-core";
import { openBrowser, serveDirectory, type OpenBrowser, type ServiceWorkers } from "../test/browser/harness";

/** The repository's root. */
export const root = resolve(import.meta.dirname, "..");
/** Where benches keep generated data and builds (git-ignored). */
export const benchDir = join(root, ".bench");
/** How long the engine may take to start on a busy machine. */
export const ENGINE_TIMEOUT = 300_000;

/** The command line: `--name value` options and bare `--flag`s. */
export interface Args {
  /** The value after `--name`, if given. */
  value(name: string): string | undefined;
  /** The number after `--name`, or `fallback`. */
  number(name: string, fallback: number): number;
  /** Whether the bare `--name` was given. */
  flag(name: string): boolean;
  /** The comma-separated list after `--name`, if given. */
  list(name: string): string[] | undefined;
}

/** Reads the options of `argv` (default: this process's). */
export function parseArgs(argv: readonly string[] = process.argv.slice(2)): Args {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  return {
    value,
    number: (name, fallback) => Number(value(name)) || fallback,
    flag: (name) => argv.includes(name),
    list: (name) => value(name)?.split(",").filter(Boolean),
  };
}

/** Whether the module of `meta` is the script Node was started with (its CLI entry should run). */
export const isMain = (meta: ImportMeta) => !!process.argv[1] && resolve(process.argv[1]) === resolve(meta.filename);

/** Builds the app into `outDir` (default .bench/dist), or reuses it when `reuse` and it is there. */
export function buildApp({ outDir = join(benchDir, "dist"), reuse = false } = {}): string {
  if (reuse && existsSync(join(outDir, "index.html"))) return outDir;
  console.error(`building the app into ${outDir} ...`);
  const vite = join(root, "node_modules/vite/bin/vite.js");
  execFileSync(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  return outDir;
}

/** The build a bench run alone times: `--dist DIR`, else .bench/dist (built, or reused with `--no-build`). */
export function distFromArgs(args: Args): string {
  const given = args.value("--dist");
  return given ? resolve(given) : buildApp({ reuse: args.flag("--no-build") });
}

/** The app served from a build and a fresh page of a recording Chromium. */
export interface App {
  readonly origin: string;
  readonly page: Page;
  readonly browser: OpenBrowser;
}

/**
 * What `withApp` opens: a cacheable server, the page's path, whether to wait for the engine, the viewport,
 * service workers (blocked by default, as in the tests) and a script run in every document before its own.
 */
export interface AppOptions {
  readonly cacheable?: boolean;
  readonly path?: string | null;
  readonly engine?: boolean;
  readonly viewport?: { width: number; height: number };
  readonly serviceWorkers?: ServiceWorkers;
  readonly init?: string;
}

/** Throws when any of `requests` left `origin`, naming them. */
function checkOrigin(off: readonly string[]): void {
  if (off.length) throw new Error(`requests off the origin: ${off.join(" ")}`);
}

/**
 * Serves `dist`, opens Chromium on `path` (default "/"; null: no page load) and, unless `engine` is false,
 * waits for the engine; runs `body`; then checks that no request left the origin and closes everything.
 */
export async function withApp<T>(dist: string, options: AppOptions, body: (app: App) => Promise<T>): Promise<T> {
  const server = await serveDirectory(dist, { cacheable: options.cacheable ?? false });
  try {
    return await withServedPage(server.origin, options, body);
  } finally {
    await server.close();
  }
}

/** As `withApp`, for a page on an origin already served. */
export async function withServedPage<T>(
  origin: string,
  options: AppOptions,
  body: (app: App) => Promise<T>,
): Promise<T> {
  const ob = await openBrowser({ serviceWorkers: options.serviceWorkers });
  try {
    if (options.init) await ob.context.addInitScript(options.init);
    if (options.viewport) await ob.page.setViewportSize(options.viewport);
    if (options.path !== null) {
      await ob.page.goto(`${origin}${options.path ?? "/"}`);
      if (options.engine ?? true) await ob.page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    }
    const result = await body({ origin, page: ob.page, browser: ob });
    checkOrigin(ob.offOrigin(origin));
    return result;
  } finally {
    await ob.close();
  }
}

/**
 * Waits for `selector` with an observer in the page and returns the element: seen as the page adds it. Playwright's
 * `waitForSelector` polls at 20, 50, 100, 100, then every 500 ms, so a load of seconds was seen 0-0.5 s late
 * (0.26 s median in `scripts/bench-load-steps.ts`), a delay the peers' timings (a promise the page resolves) never had.
 */
export async function seenInPage(page: Page, selector: string, timeout: number): Promise<ElementHandle> {
  await page.evaluate(
    ([sel, ms]) =>
      new Promise<void>((resolve, reject) => {
        if (document.querySelector(sel)) return resolve();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(sel)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${sel}: not seen in ${ms} ms`));
        }, ms);
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      }),
    [selector, timeout] as const,
  );
  return (await page.$(selector))!;
}

/** Opens notebook `text` through the app's Open button and, unless `trust` is false, trusts and runs it. */
export async function openNotebook(page: Page, name: string, text: string, trust = true): Promise<void> {
  await page
    .locator('input[data-action="open-notebook"]')
    .setInputFiles({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
  if (trust) await page.locator('[data-action="trust"]').click();
}

/** A Chromium profile on disk (repeat visits need its code cache: an incognito context keeps none). */
export interface Profile {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The profile's directory. */
  readonly dir: string;
}

/** Runs `body` in a fresh on-disk profile, then checks that no request left `origin` and removes the profile. */
export async function withProfile<T>(origin: string, body: (profile: Profile) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "clientbook-bench-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
  const off: string[] = [];
  context.on("request", (r) => {
    const url = r.url();
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin) off.push(url);
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const result = await body({ context, page, dir });
    checkOrigin(off);
    return result;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
