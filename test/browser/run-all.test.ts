// "Run all" on the example notebook: the bar counts the session's progress up to total/total and names
// the running cell, and the cells on screen run first (cells far above them do not hold them up).
import { describe, expect, it } from "vitest";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ENGINE_TIMEOUT, dist, useApp } from "./app-fixture";

const app = useApp();

interface RunRecord {
  finished: string[];
  progress: { done: number; total: number; running: string | null }[];
  visible: string[];
}

describe("Run all", () => {
  it("shows progress to total/total and finishes the visible cells before cells off screen", async () => {
    const shipped = await readFile(resolve(dist, "notebooks/customer-review.md"), "utf8");
    // Not byte-identical to the shipped file, so it does not run on open: the test's click starts it.
    const copy = resolve(dist, "notebooks/_test-run-all.md");
    await writeFile(copy, shipped.replace("Customer review, H1 2025", "Customer review (run all)"));
    try {
      const { page } = await app.open("?notebook=notebooks/_test-run-all.md");
      await page.locator('[data-table="orders"]').waitFor({ timeout: ENGINE_TIMEOUT });
      await page.locator('[data-table="customers"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-cell="at_risk"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.evaluate(() => {
        const inView = (el: Element) => {
          const box = el.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        };
        const record: RunRecord = {
          finished: [],
          progress: [],
          visible: [...document.querySelectorAll("[data-cell]")]
            .filter((el) => el.getAttribute("data-kind") !== "markdown" && inView(el))
            .map((el) => el.getAttribute("data-cell")!),
        };
        (window as unknown as { record: RunRecord }).record = record;
        const note = (el: Element) => {
          const id = el.getAttribute("data-cell");
          if (id && el.getAttribute("data-state") === "done" && !record.finished.includes(id)) record.finished.push(id);
          if (el.getAttribute("data-role") === "run-progress") {
            const done = Number(el.getAttribute("data-done"));
            const total = Number(el.getAttribute("data-total"));
            record.progress.push({ done, total, running: el.getAttribute("data-running") });
          }
        };
        new MutationObserver((changes) => {
          for (const change of changes) {
            if (change.target instanceof Element) note(change.target);
            for (const node of change.addedNodes) if (node instanceof Element) note(node);
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
        // A click on the sticky toolbar's button without scrolling the page (a locator click may scroll).
        (document.querySelector('[data-action="run-all"]') as HTMLButtonElement).click();
      });
      const computing = page.locator('[data-cell][data-kind="sql"], [data-cell][data-kind="chart"]');
      const states = () => computing.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
      await expect.poll(async () => (await states()).every((s) => s === "done"), { timeout: 60_000 }).toBe(true);
      await page.locator('[data-role="run-progress"]').waitFor({ state: "detached" });
      const record = await page.evaluate(() => (window as unknown as { record: RunRecord }).record);

      const last = record.progress.at(-1)!;
      console.log(`run-all progress: ${record.progress.length} updates, last ${last.done}/${last.total}`);
      expect(last.total).toBeGreaterThan(5);
      expect(last.done).toBe(last.total);
      expect(record.progress.every((p) => p.total === last.total && p.done <= p.total)).toBe(true);
      expect(record.progress.some((p) => p.running)).toBe(true);

      // The cells on screen (at the bottom) finish before monthly_revenue, the first cell, which they do not read.
      console.log(`visible: ${record.visible.join(", ")}; finish order: ${record.finished.join(", ")}`);
      expect(record.visible).toContain("at_risk");
      expect(record.visible).not.toContain("monthly_revenue");
      const at = (id: string) => record.finished.indexOf(id);
      expect(record.visible.every((id) => at(id) >= 0 && at(id) < at("monthly_revenue"))).toBe(true);
    } finally {
      await rm(copy, { force: true });
    }
  });
});
