// A sandbox frame that never starts fails its cell with a message, in real Chromium: one whose script
// never says `ready` (the readiness timeout), and one whose script cannot be fetched (a 404); the
// failed frame is removed. The page hosts the real browser runner, bundled from src/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openBrowser, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";

const PAGE = `import { sandboxRunner } from ${JSON.stringify(resolve(__dirname, "../../src/sandbox/sandbox-runner"))};
window.tryRun = async (readyTimeoutMs) => {
  const runner = sandboxRunner({ readyTimeoutMs });
  const started = performance.now();
  const request = { cell: "t", js: "return 1", inputs: {}, tables: {} };
  const host = { sql: async () => ({ columns: [], data: [] }) };
  try {
    return { value: await runner.run(request, host, new AbortController().signal) };
  } catch (e) {
    return { message: e.message, ms: performance.now() - started, frames: document.querySelectorAll("iframe").length };
  } finally {
    runner.close();
  }
};`;

let dir = "";
const servers: StaticServer[] = [];
let ob: OpenBrowser | undefined;

async function bundlePage(): Promise<string> {
  const entry = join(dir, "page.js");
  await writeFile(entry, PAGE);
  const out = await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: { write: false, target: "es2022", minify: false, lib: { entry, formats: ["iife"], name: "p" } },
  });
  const chunk = (Array.isArray(out) ? out : [out])
    .flatMap((o) => ("output" in o ? o.output : []))
    .find((o) => o.type === "chunk");
  if (!chunk || chunk.type !== "chunk") throw new Error("ready page: no bundle output");
  return chunk.code;
}

/** Serves a page with the runner and, if given, `script` as its code-sandbox.js; returns its address. */
async function site(name: string, script?: string): Promise<string> {
  const root = join(dir, name);
  await mkdir(root);
  await writeFile(join(root, "runner.js"), await bundlePage());
  await writeFile(join(root, "index.html"), '<!doctype html><meta charset="utf-8"><script src="./runner.js"></script>');
  if (script !== undefined) await writeFile(join(root, "code-sandbox.js"), script);
  const server = await serveDirectory(root);
  servers.push(server);
  return server.origin;
}

type Tried = { value?: unknown; message?: string; ms?: number; frames?: number };
const tryRun = async (origin: string, timeout: number): Promise<Tried> => {
  await ob!.page.goto(`${origin}/`);
  const page = ob!.page;
  return await page.evaluate((t) => (window as unknown as { tryRun(t: number): Promise<Tried> }).tryRun(t), timeout);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "clientbook-ready-"));
  ob = await openBrowser();
});

afterAll(async () => {
  await ob?.close();
  for (const server of servers) await server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("sandboxRunner: a frame that does not start", () => {
  it("whose script never says ready: the run fails after the timeout, saying so, and the frame goes", async () => {
    const origin = await site("silent", "/* a sandbox script that never says ready */");
    const tried = await tryRun(origin, 2000);
    expect(tried.message).toBe(
      "The code sandbox did not start within 2 seconds; run the cell again (reload the page if it persists).",
    );
    expect(tried.ms).toBeGreaterThanOrEqual(1900);
    expect(tried.frames).toBe(0);
    expect(ob!.offOrigin(origin)).toEqual([]);
  });

  it("whose script cannot be fetched: the run fails at once with the reason", async () => {
    const origin = await site("missing");
    const tried = await tryRun(origin, 60_000);
    expect(tried.message).toMatch(/^The code sandbox could not load its script \(Error: 404 Not Found\)/);
    expect(tried.ms).toBeLessThan(30_000);
    expect(tried.frames).toBe(0);
  });
});
