// Per-cell views: running one cell re-renders that cell's view, not every cell of the notebook; an
// edit reaches the session at once, so a re-run starts after the session's one pause in typing.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";
import { codeOf } from "./code";

const app = useApp();
const fence = "```";
const NAMES = ["a1", "a2", "a3", "a4", "a5", "a6"];
const NOTEBOOK = `---
notebook: 1
title: Render counts
---

${NAMES.map((n, i) => `${fence}sql ${n}\nSELECT ${i} AS v\n${fence}\n`).join("\n")}`;

const counts = (page: Page) =>
  page.locator("[data-cell]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-render-count"))));

describe("cell views", () => {
  it("running one cell re-renders only that cell's view", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "render.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="a6"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-cell][data-state="running"]').first().waitFor({ state: "detached" });
    await page.waitForTimeout(300);
    const before = await counts(page);
    await page.locator('[data-cell="a3"] [data-action="run-cell"]').click();
    await page.locator('[data-cell="a3"][data-state="done"]').waitFor();
    await page.waitForTimeout(500);
    const after = await counts(page);
    const changed = NAMES.filter((_, i) => after[i] !== before[i]);
    console.log(`cell views re-rendered by one cell's run: ${changed.length} of ${NAMES.length} (${changed})`);
    expect(changed).toEqual(["a3"]);
  });

  it("starts a re-run one pause after the last keystroke (one debounce, not two)", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "render.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="a6"][data-state="done"]').waitFor({ timeout: 30_000 });
    await codeOf(page, "a1").click();
    await page.keyboard.press("End");
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('[data-cell][data-state="running"]').first().waitFor({ state: "detached" });
      // Time from the keystroke to the cell's view showing it running, measured inside the page.
      const started = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const cell = document.querySelector('[data-cell="a1"]')!;
            const t0 = performance.now();
            new MutationObserver((_, observer) => {
              if (cell.getAttribute("data-state") !== "running") return;
              observer.disconnect();
              resolve(performance.now() - t0);
            }).observe(cell, { attributes: true, attributeFilter: ["data-state"] });
          }),
      );
      // A change to the query ("v" becomes "v0", "v00", …): a trailing space leaves the compiled cell as it was,
      // and a cell the runtime has run with its current definition does not run again.
      await page.keyboard.type("0");
      latencies.push(await started);
      await page.locator('[data-cell="a1"][data-state="done"]').waitFor();
    }
    const median = [...latencies].sort((a, b) => a - b)[2];
    console.log(`keystroke -> re-run start: median ${Math.round(median)} ms (${latencies.map(Math.round).join(", ")})`);
    // Two debounces in a row (250 ms in the view, 300 ms in the session) could never start before 550 ms.
    expect(median).toBeLessThan(500);
    expect(median).toBeGreaterThan(100);
  });
});
