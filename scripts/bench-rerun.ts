// What a re-run costs below the UI (issue 15 item 3): the session and the wasm engine alone, in Node on real
// duckdb-wasm, over the interaction notebook of bench-interact.ts. Times a range input moved -> by_segment and
// its chart done, and a brush set -> picked and its chart done, with the worker requests each made. With
// `--base DIR` (a checkout or `git archive` of another commit's src/, test/engine/wasm-node.ts and a
// node_modules link) both run in one process, move by move in turn, so the machine's load hits both alike.
//
// Alone: `npx tsx scripts/bench-rerun.ts [--rows N] [--moves N] [--base DIR]` (default 1,000,000 rows, 30 moves).
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { isMain, parseArgs } from "./bench-browser";
import { interactNotebook } from "./bench-interact";
import { percentile } from "./bench-table";

interface Opened {
  readonly label: string;
  readonly session: import("../src/session/types").Session;
  readonly close: () => Promise<void>;
  readonly requests: string[];
  readonly ids: { readonly input: string; readonly months: string };
  readonly times: { move: number[]; brush: number[] };
  readonly trips: { move: number[]; brush: number[] };
}

/** Opens the notebook on a session and wasm engine from the tree at `dir`, and runs it. */
async function open(label: string, dir: string, rows: number): Promise<Opened> {
  const { wasmEngineInNode } = await import(`${dir}/test/engine/wasm-node.ts`);
  const { openSession } = (await import(`${dir}/src/session/session.ts`)) as typeof import("../src/session/session");
  const requests: string[] = [];
  const engine = await wasmEngineInNode((type: string) => requests.push(type));
  const session = openSession(engine, { liveDelayMs: 0 });
  session.open(interactNotebook(rows), { trusted: true });
  await session.runAll();
  const idOf = (name: string) => session.getState().cells.find((c) => c.cell.name === name)!.cell.id;
  const ids = { input: idOf("min_qty"), months: idOf("months") };
  return {
    label,
    session,
    close: () => engine.close(),
    requests,
    ids,
    times: { move: [], brush: [] },
    trips: { move: [], brush: [] },
  };
}

/** Times `change` until the session is idle again, with the worker requests it made. */
async function timed(o: Opened, what: "move" | "brush", change: () => void): Promise<void> {
  o.requests.length = 0;
  const t0 = performance.now();
  change();
  await o.session.whenIdle();
  o.times[what].push(performance.now() - t0);
  o.trips[what].push(o.requests.length);
}

/** Runs the moves and brushes on each tree in turn; returns the report's lines. */
export async function benchRerun(trees: { label: string; dir: string }[], rows: number, moves: number) {
  const opened: Opened[] = [];
  for (const t of trees) opened.push(await open(t.label, t.dir, rows));
  const load = () =>
    loadavg()
      .map((v) => v.toFixed(2))
      .join(" ");
  const before = load();
  let value = 1;
  for (let i = 0; i < moves; i++) {
    value = 1 + ((value - 1 + 7) % 20);
    const from = Date.UTC(2023, 1 + (i % 7), 1);
    const brush = [from, from + (40 + (i % 11) * 20) * 86_400_000];
    // Alternate which tree goes first, so neither always runs on a warmer machine.
    for (const o of i % 2 ? [...opened].reverse() : opened) {
      await timed(o, "move", () => o.session.setInputValue(o.ids.input, value));
      await timed(o, "brush", () => o.session.setSelection(o.ids.months, "brush", brush));
    }
  }
  const line = (o: Opened, what: "move" | "brush", label: string) =>
    `${o.label.padEnd(6)} ${label.padEnd(38)} median ${percentile(o.times[what], 50).toFixed(0).padStart(5)} ms` +
    `  p95 ${percentile(o.times[what], 95).toFixed(0).padStart(5)} ms` +
    `  worker requests ${percentile(o.trips[what], 50)}`;
  const lines = [
    `session + wasm engine in Node, ${rows.toLocaleString("en")} rows, ${moves} moves and brushes`,
    `load average before: ${before}, after: ${load()}`,
    ...opened.flatMap((o) => [
      line(o, "move", "range -> by_segment + revenue done"),
      line(o, "brush", "brush -> picked + linked done"),
    ]),
  ];
  for (const o of opened) await o.close();
  return lines;
}

if (isMain(import.meta)) {
  const args = parseArgs();
  const base = args.value("--base");
  const trees = [...(base ? [{ label: "base", dir: resolve(base) }] : []), { label: "this", dir: resolve(".") }];
  console.log((await benchRerun(trees, args.number("--rows", 1_000_000), args.number("--moves", 30))).join("\n"));
}
