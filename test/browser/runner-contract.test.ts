// The CodeRunner contract (test/code/contract.ts) on the browser sandbox runner, in real Chromium:
// a test page hosts the built code sandbox script (dist/code-sandbox.js) and the real runner, bundled from src/.
// Also here: a cell cannot answer for another run (one fresh Worker and channel per run).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CodeRequest } from "../../src/code/runner";
import { describeRunnerContract, requestOf } from "../code/contract";
import type { Ending, Outcome } from "../code/runner-outcome";
import { dist } from "./app-fixture";
import { openBrowser, serveDirectory, type OpenBrowser, type StaticServer } from "./harness";

let dir = "";
let server: StaticServer | undefined;
let ob: OpenBrowser | undefined;

/** Bundles test/code/runner-page.ts as one classic script (as the app's build bundles its sandbox). */
async function bundlePage(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: {
      write: false,
      target: "es2022",
      minify: false,
      lib: {
        entry: resolve(__dirname, "../code/runner-page.ts"),
        formats: ["iife"],
        name: "clientbookContractPage",
        fileName: () => "runner.js",
      },
    },
  });
  const chunk = (Array.isArray(out) ? out : [out])
    .flatMap((o) => ("output" in o ? o.output : []))
    .find((o) => o.type === "chunk");
  if (!chunk || chunk.type !== "chunk") throw new Error("runner page: no bundle output");
  return chunk.code;
}

beforeAll(async () => {
  if (!existsSync(join(dist, "code-sandbox.js"))) throw new Error("dist/ is missing: run `npx vite build` first");
  dir = await mkdtemp(join(tmpdir(), "clientbook-runner-"));
  await copyFile(join(dist, "code-sandbox.js"), join(dir, "code-sandbox.js"));
  await writeFile(join(dir, "runner.js"), await bundlePage());
  await writeFile(
    join(dir, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>runner</title><script src="./runner.js"></script>',
  );
  server = await serveDirectory(dir);
  ob = await openBrowser();
  await ob.page.goto(`${server.origin}/`);
  await ob.page.waitForFunction(() => "clientbookContract" in window);
});

afterAll(async () => {
  const off = ob && server ? ob.offOrigin(server.origin) : [];
  await ob?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  expect(off).toEqual([]);
});

interface PageContract {
  run(request: CodeRequest, ending?: Ending): Promise<Outcome>;
  dropped(): string[];
}
const runInPage = (request: CodeRequest, ending: Ending = "none") =>
  ob!.page.evaluate(
    ([r, e]) => (window as unknown as { clientbookContract: PageContract }).clientbookContract.run(r, e),
    [request, ending] as const,
  );

describeRunnerContract("sandboxRunner (Chromium)", () => ({ run: runInPage }));

describe("sandboxRunner: one fresh channel per run", () => {
  it("a cell that takes its port and forges 'done' for later runs cannot change another cell's result; the forgeries are dropped and logged", async () => {
    const thief = requestOf(`
      let stolen: MessagePort | undefined;
      let run = 0;
      const send = MessagePort.prototype.postMessage;
      // Catch the port (and this run's id) on the way out, then keep it.
      MessagePort.prototype.postMessage = function (this: MessagePort, message: any, transfer?: any) {
        stolen = this;
        run = message?.run ?? run;
        return send.call(this, message, transfer);
      };
      // Any port handed to this Worker later is taken as well.
      self.addEventListener("message", (e: MessageEvent) => { for (const p of e.ports) p.postMessage({ type: "done", run: run + 1, value: "forged" }); });
      log("catch the port");
      const mine = run;
      const forge = () => { for (let r = mine + 1; r <= mine + 40; r++) send.call(stolen!, { type: "done", run: r, value: "forged" }); };
      forge();
      setInterval(forge, 1);
      setTimeout(forge, 0);
      return "thief";
    `);
    const victim = requestOf("await new Promise((r) => setTimeout(r, 300)); log('victim'); return 'real'");
    expect((await runInPage(thief)).value).toBe("thief");
    // Give the thief's timers time to post on its old channel before the next run starts.
    await ob!.page.waitForTimeout(200);
    const after = await runInPage(victim);
    expect(after.value).toBe("real");
    expect(after.logs).toEqual(["victim"]);
    const dropped = await ob!.page.evaluate(() =>
      (window as unknown as { clientbookContract: PageContract }).clientbookContract.dropped(),
    );
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.some((d) => /names another run/.test(d))).toBe(true);
    // Logged, but not flooding the log: a few lines per run at most.
    expect(dropped.length).toBeLessThanOrEqual(10);
    // The next run again gets its own answer.
    expect((await runInPage(requestOf("return 6 * 7"))).value).toBe(42);
  });

  it("a fresh Worker per run costs little: the next run's Worker is started ahead (median printed)", async () => {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = Date.now();
      expect((await runInPage(requestOf(`return ${i} * 2`))).value).toBe(i * 2);
      times.push(Date.now() - started);
    }
    const median = [...times].sort((a, b) => a - b)[7];
    console.log(`one trivial ts run, fresh Worker and channel each: median ${median} ms (${times.join(", ")})`);
    expect(median).toBeLessThan(1000);
  });
});
