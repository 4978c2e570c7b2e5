// The engine warm-up's effect in Node (duckdb-wasm's eh bundle, the browser's wasm): per round a fresh engine
// loads the bench's orders, then (every other round) runs `engine.warmUp()`, then the recipes in turn; prints per
// recipe the wall time and the process's CPU (every thread: DuckDB's worker and V8's compiler threads), the
// warm-up's own, and the medians over the rounds with and without it (interleaved, so load changes hit both).
// `npx tsx scripts/bench-warm-up.ts [--rounds N] [--only rfm,abc]` (data: run scripts/bench-recipes.ts once first).
import { join } from "node:path";
import { fileSourceFromPath } from "../src/engine/node-file";
import { openSession } from "../src/session/session";
import { nodeCodeRunner } from "../src/sandbox-node/node-runner";
import { wasmEngineInNode } from "../test/engine/wasm-node";
import { isMain, parseArgs, root } from "./bench-browser";
import { recipeNotebook } from "./bench-recipes";

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function round(ids: readonly string[], warm: boolean): Promise<Record<string, [wall: number, cpu: number]>> {
  const engine = await wasmEngineInNode();
  const runner = nodeCodeRunner({ timeoutMs: 0 });
  const out: Record<string, [number, number]> = {};
  try {
    const session = openSession(engine, { runner, liveDelayMs: false });
    await session.loadFile(fileSourceFromPath(join(root, ".bench/recipes-v4-1000000-100000/orders.csv")), {
      table: "orders",
    });
    const timed = async (key: string, work: () => Promise<unknown>) => {
      const [t0, c0] = [performance.now(), cpuMs()];
      await work();
      out[key] = [performance.now() - t0, cpuMs() - c0];
    };
    if (warm)
      await timed("(warm-up)", async () => {
        if (!(await engine.warmUp!())) throw new Error("the warm-up did not run");
      });
    for (const id of ids)
      await timed(id, async () => {
        session.open(recipeNotebook(id), { trusted: true });
        await session.runAll();
        const failed = session.getState().cells.filter((c) => c.status === "error");
        if (failed.length) throw new Error(`${id}: ${failed[0].error?.message}`);
      });
  } finally {
    runner.close();
    await engine.close();
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (isMain(import.meta)) {
  const args = parseArgs();
  const ids = args.list("--only")?.length ? args.list("--only")! : ["rfm", "abc"];
  const rounds = args.number("--rounds", 3);
  const results: { warm: boolean; times: Record<string, [number, number]> }[] = [];
  for (let i = 0; i < 2 * rounds; i++) {
    const warm = i % 2 === 1;
    const times = await round(ids, warm);
    results.push({ warm, times });
    const line = Object.entries(times).map(([k, [w, c]]) => `${k} ${Math.round(w)} ms wall / ${Math.round(c)} ms CPU`);
    console.error(`  ${warm ? "warm-up" : "none   "}: ${line.join(", ")}`);
  }
  for (const key of ["(warm-up)", ...ids]) {
    const of = (warm: boolean, i: 0 | 1) =>
      results.filter((r) => r.warm === warm && r.times[key]).map((r) => r.times[key][i]);
    const cell = (xs: number[]) => (xs.length ? `${Math.round(median(xs))}` : "-");
    console.log(
      `${key.padEnd(10)} wall ${cell(of(false, 0))} -> ${cell(of(true, 0))} ms, CPU ${cell(of(false, 1))} -> ${cell(of(true, 1))} ms (medians)`,
    );
  }
}
