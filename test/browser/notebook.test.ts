// Notebooks opened from disk: they wait for the user's word, errors stay on their cell, broken
// files are refused without losing the current notebook, and Markdown is sanitized.
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();

const TWO_CELLS = `---
notebook: 1
title: Error test
---

# Errors stay on their cell

\`\`\`sql good
SELECT 42 AS answer
\`\`\`

\`\`\`sql bad
SELECT no_such_column FROM good
\`\`\`

\`\`\`sql after
SELECT answer + 1 AS next FROM good
\`\`\`

\`\`\`python
print("kept, shown, not run")
\`\`\`
`;

describe("notebooks opened from disk", () => {
  it("do not run until the user trusts them, then run; a SQL error shows DuckDB's message on its cell only", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "errors.md", TWO_CELLS);
    await page.locator('[data-cell="good"]').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-cell="good"]').getAttribute("data-state")).toBe("idle");
    expect(await page.locator('[data-role="result-table"]').count()).toBe(0);
    await page.screenshot({ path: "/tmp/clientbook-untrusted.png" });

    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="after"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-cell="bad"][data-state="error"]').waitFor();
    expect(await page.locator('[data-cell="good"]').getAttribute("data-state")).toBe("done");
    expect(await page.locator('[data-cell="bad"] [data-role="cell-error"]').textContent()).toMatch(/no_such_column/);
    expect(await page.locator('[data-cell="after"] [data-role="result-table"]').getAttribute("data-rows")).toBe("1");
    expect(await page.locator('[data-kind="code"] [data-role="not-run"]').count()).toBe(1);
    expect(await page.locator('[data-action="trust"]').count()).toBe(0);
    await page.screenshot({ path: "/tmp/clientbook-errors.png" });
  });

  it("a broken notebook file shows a clear message and the current notebook stays", async () => {
    const ob = await app.open();
    const { page } = ob;
    await openFromDisk(ob, "errors.md", TWO_CELLS);
    await page.locator('[data-cell="good"]').waitFor();
    await openFromDisk(ob, "broken.md", "---\nnotebook: 1\ntitle: [unclosed\n---\n\n# Hi\n");
    const message = page.locator('[data-role="notebook-error"]');
    await message.waitFor();
    expect(await message.textContent()).toContain("broken.md");
    expect(await page.locator('[data-role="title"]').textContent()).toBe("Error test");
    expect(await page.locator('[data-cell="good"]').count()).toBe(1);
  });

  it("sanitizes Markdown: no scripts, no event handlers, no outside images", async () => {
    const ob = await app.open();
    const { page } = ob;
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const text = `---
notebook: 1
title: Hostile
---

# Hello <script>window.__pwned = 1</script>

<img src="x" onerror="window.__pwned = 2"> <img src="https://tracker.example.com/p.gif">
<a href="javascript:alert(1)">click</a> <iframe src="https://example.com"></iframe>
<div style="position:fixed" id="x" onclick="alert(1)">styled</div>
`;
    await openFromDisk(ob, "hostile.md", text);
    const prose = page.locator(".prose").first();
    await prose.waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await page
        .locator(".prose script, .prose iframe, .prose [onerror], .prose [onclick], .prose [style], .prose [id]")
        .count(),
    ).toBe(0);
    expect(await page.locator('.prose img[src^="http"], .prose img[src="x"]').count()).toBe(0);
    expect(await page.locator('.prose a[href^="javascript"]').count()).toBe(0);
    expect(await prose.textContent()).toContain("Hello");
    expect(dialogs).toBe(0);
  });
});
