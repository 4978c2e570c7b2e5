// Shared setup for the browser tests: serve the built app, open a fresh browser context per test in
// one Chromium per test file, and after every test assert that no request left the page's origin.
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, recordedContext, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";

/** The built app under test. */
export const dist = resolve(__dirname, "../../dist");
/** How long the wasm engine may take to start on a busy machine. */
export const ENGINE_TIMEOUT = 90_000;

/** Serves dist/ for the tests of one file and checks every test's requests; returns the helpers. */
export function useApp() {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let current: OpenBrowser | undefined;

  beforeAll(async () => {
    if (!existsSync(resolve(dist, "index.html"))) throw new Error("dist/ is missing: run `npx vite build` first");
    server = await serveDirectory(dist);
    // One Chromium per file: a context shares no storage, cache or cookies with the next test's context,
    // and a launch costs seconds on a busy machine.
    browser = await launchChromium();
  });

  afterEach(async () => {
    // Every test: nothing the page, its frames or its workers asked for left the origin.
    if (current && server) {
      const off = current.offOrigin(server.origin);
      await current.close();
      current = undefined;
      expect(off).toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    /** The served app's origin. */
    origin: () => server!.origin,
    /** Opens the app (with an optional `?query`) in a new context, its languages set to `locale` if given. */
    async open(query = "", locale?: string): Promise<OpenBrowser> {
      const recorded = await recordedContext(browser!, { locale });
      const page = await recorded.newPage();
      current = {
        browser: browser!,
        context: recorded.context,
        page,
        requests: recorded.requests,
        offOrigin: recorded.offOrigin,
        close: () => recorded.context.close(),
      };
      await current.page.goto(`${server!.origin}/${query}`);
      return current;
    },
  };
}

/** Opens notebook text through the "Open notebook" file input, as a file from disk. */
export async function openFromDisk(ob: OpenBrowser, name: string, text: string): Promise<void> {
  await ob.page
    .locator('input[data-action="open-notebook"]')
    .setInputFiles({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
}

/** Clicks the toolbar control `data-action="<action>"`, first opening the toolbar menu that holds it if closed. */
export async function clickAction(page: Page, action: string): Promise<void> {
  const control = page.locator(`[data-action="${action}"]`);
  if (!(await control.isVisible())) {
    await page.locator(`[data-menu]:has([data-action="${action}"]) > [data-menu-toggle]`).click();
  }
  await control.click();
}
