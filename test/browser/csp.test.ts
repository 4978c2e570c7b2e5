// The built pages carry the content policies of security.md as the first tag in <head>, with no
// referrer, and the sandbox page's script is a classic one (an opaque origin cannot load modules).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { dist } from "./app-fixture";

const SHELL =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-src 'self'; media-src 'none'; object-src 'none'; manifest-src 'self'; base-uri 'none'; form-action 'none'";
const SANDBOX =
  "default-src 'none'; script-src 'self' blob: 'unsafe-eval'; worker-src blob:; connect-src 'none'; img-src data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; media-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'";

const firstHeadTag = (html: string) => /<head>\s*(<[^>]+>)/.exec(html)?.[1] ?? "";

describe("dist/index.html and dist/sandbox.html", () => {
  it("open <head> with their content policy and send no referrer", () => {
    for (const [file, policy] of [
      ["index.html", SHELL],
      ["sandbox.html", SANDBOX],
    ]) {
      const html = readFileSync(resolve(dist, file), "utf8");
      expect(firstHeadTag(html)).toBe(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      expect(html).toContain('<meta name="referrer" content="no-referrer" />');
    }
  });

  it("load the sandbox script as a classic script from the app itself", () => {
    const html = readFileSync(resolve(dist, "sandbox.html"), "utf8");
    expect(html).toMatch(/<script src="\.\/sandbox-entry\.js\?v=[0-9a-f]+"><\/script>/);
    expect(html).not.toContain('type="module"');
    expect(readFileSync(resolve(dist, "sandbox-entry.js"), "utf8").length).toBeGreaterThan(100_000);
  });
});
