// The built shell carries the content policy of SECURITY.md as the first tag in <head>, with no
// referrer; the sandbox frame's srcdoc document carries its own, which allows exactly one inline
// script: the bootstrap, by the hash the shell's policy names too. The sandbox script is fetched by
// the shell (from the address index.html names, with its version), never loaded by the frame.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { dist } from "./app-fixture";
import { BOOTSTRAP, BOOTSTRAP_HASH, frameDocument } from "../../src/sandbox/frame-document";

const HASH = "'sha256-q3ng1X9e/EBpa+8lHVb+HZbKfW2eaT5KxIWbhm+xcig='";
const SHELL =
  `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' blob: ${HASH}; worker-src 'self' blob:; ` +
  "connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
  "frame-src 'none'; media-src 'none'; object-src 'none'; manifest-src 'self'; base-uri 'none'; form-action 'none'";
const SANDBOX =
  `default-src 'none'; script-src blob: ${HASH}; worker-src blob:; connect-src 'none'; img-src data: blob:; ` +
  "style-src 'unsafe-inline'; font-src data:; media-src 'none'; frame-src 'none'; object-src 'none'; " +
  "form-action 'none'; base-uri 'none'";

const firstHeadTag = (html: string) => /<head>\s*(<[^>]+>)/.exec(html)?.[1] ?? "";

describe("dist/index.html and the sandbox frame's document", () => {
  it("open <head> with their content policy and send no referrer", () => {
    const shell = readFileSync(resolve(dist, "index.html"), "utf8");
    expect(firstHeadTag(shell)).toBe(`<meta http-equiv="Content-Security-Policy" content="${SHELL}" />`);
    expect(shell).toContain('<meta name="referrer" content="no-referrer" />');
    const frame = frameDocument("0123abcd");
    expect(firstHeadTag(frame)).toBe(`<meta http-equiv="Content-Security-Policy" content="${SANDBOX}">`);
    expect(frame).toContain('<meta name="referrer" content="no-referrer">');
    expect(frame).toContain('<body data-token="0123abcd">');
    // No 'unsafe-eval' and no 'unsafe-inline' for scripts anywhere; no address the frame could load from.
    for (const policy of [SHELL, SANDBOX]) expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    expect(frame).not.toMatch(/<[^>]*\s(src|href)=/);
  });

  it("allow only the bootstrap inline: the one script in the frame's document, by its hash", () => {
    expect(`'sha256-${createHash("sha256").update(BOOTSTRAP).digest("base64")}'`).toBe(HASH);
    expect(BOOTSTRAP_HASH).toBe(HASH);
    const scripts = [...frameDocument("ff").matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([BOOTSTRAP]);
    expect(() => frameDocument('"><script>alert(1)</script>')).toThrow(/hex/);
  });

  it("name the sandbox scripts with their versions; there is no sandbox page to load", () => {
    const shell = readFileSync(resolve(dist, "index.html"), "utf8");
    expect(shell).toMatch(/<meta name="clientbook-sandbox-script" content="\.\/sandbox-entry\.js\?v=[0-9a-f]{10}" \/>/);
    expect(shell).toMatch(/<meta name="clientbook-code-script" content="\.\/code-sandbox\.js\?v=[0-9a-f]{10}" \/>/);
    expect(existsSync(resolve(dist, "sandbox.html"))).toBe(false);
    expect(readFileSync(resolve(dist, "sandbox-entry.js"), "utf8").length).toBeGreaterThan(100_000);
    // Each frame kind gets only its own script: charts carry no code Worker, the code frame no Vega.
    expect(readFileSync(resolve(dist, "sandbox-entry.js"), "utf8")).not.toContain("importScripts");
    expect(readFileSync(resolve(dist, "code-sandbox.js"), "utf8")).not.toContain("vega-lite");
  });
});
