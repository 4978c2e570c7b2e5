// Checks the browser-test harness itself: it serves files and records requests that leave the origin.
import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBrowser, serveDirectory } from "./harness";

describe("openBrowser()", () => {
  it("records same-origin and off-origin requests", async () => {
    const dir = await mkdtemp(join(tmpdir(), "harness-"));
    await writeFile(join(dir, "index.html"), '<!doctype html><p>hi</p><img src="http://off-origin.invalid/x.png">');
    await writeFile(join(dir, "a.wasm"), new Uint8Array([0, 97, 115, 109]));
    const server = await serveDirectory(dir);
    const b = await openBrowser();
    try {
      await b.page.goto(`${server.origin}/`);
      const type = await b.page.evaluate(async () => (await fetch("a.wasm")).headers.get("content-type"));
      expect(type).toBe("application/wasm");
      expect(b.requests).toContain(`${server.origin}/`);
      expect(b.offOrigin(server.origin)).toEqual(["http://off-origin.invalid/x.png"]);
    } finally {
      await b.close();
      await server.close();
    }
  });
});
