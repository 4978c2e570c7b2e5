import { readFileSync } from "node:fs";
import { openBrowser, serveDirectory } from "../test/browser/harness";
const server = await serveDirectory("dist");
const b = await openBrowser();
b.page.on("console", (m) => console.log("console:", m.type(), m.text()));
b.page.on("pageerror", (e) => console.log("pageerror:", e.message));
await b.page.goto(`${server.origin}/`);
const text = readFileSync(process.argv[2], "utf8");
await b.page.locator('input[data-action="open-notebook"]').setInputFiles({ name: "x.md", mimeType: "text/markdown", buffer: Buffer.from(text) });
await b.page.locator('[data-action="trust"]').click();
await b.page.waitForTimeout(6000);
const dump = async () => console.log(await b.page.locator("[data-cell]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-state")} ${e.getAttribute("data-stale")} | ${(e.textContent ?? "").replace(/\s+/g, " ").slice(-300)}`).join("\n")));
await dump();
const move = process.argv[3];
if (move) {
  for (const step of move.split(",")) {
    const [cell, v] = step.split("=");
    await b.page.locator(`[data-cell="${cell}"] input[type="range"]`).evaluate((el, v) => { (el as HTMLInputElement).value = v; el.dispatchEvent(new Event("input", { bubbles: true })); }, v);
    await b.page.waitForTimeout(700);
    await dump();
  }
  await b.page.waitForTimeout(3000);
  await dump();
}
console.log(await b.page.locator('[data-role="notebook-error"], .notice').allTextContents());
await b.page.screenshot({ path: "/tmp/cb/probe.png" });
await b.close(); await server.close();
