// Stop reaches every query a run posts, on the native engine: a ts cell's read of a whole upstream table and its
// rows made into a table, and a linked chart's pre-aggregate build. Each waits in the engine's queue behind a slow
// query of no run; after Stop that query finishes, and what the stopped run posted must not run after it.
import { afterEach, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { cell, notebookText, sessionWith } from "./helpers";

// Runs until cancelled: it stands for a query of no run (a load, another tab's work) holding the engine.
const SLOW = "SELECT sum(a.i * b.i) AS s FROM range(200000) a(i), range(200000) b(i)";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Calls `engine`'s `method` as before; resolves with the call `match` picks (its promise, as `call`) once made. */
function watch<M extends "query" | "createTable">(
  engine: Engine,
  method: M,
  match: (first: string) => boolean,
): Promise<{ call: Promise<unknown> }> {
  return new Promise((resolve) => {
    const original = engine[method].bind(engine) as (...args: unknown[]) => Promise<unknown>;
    (engine as unknown as Record<M, unknown>)[method] = (...args: unknown[]) => {
      const call = original(...args);
      // Wrapped: resolving with the promise itself would wait for it to settle.
      if (match(String(args[0]))) resolve({ call });
      return call;
    };
  });
}

/** Stops the session while `call` waits behind the slow query, then lets the slow query go. */
async function stopBehind(engine: Engine, stop: () => Promise<void>, slow: Promise<unknown>): Promise<void> {
  await stop();
  await engine.cancel();
  await expect(slow).rejects.toThrow();
}

const tables = async (engine: Engine, like: string) =>
  (await engine.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '${like}'`)).numRows;

describe("Session.cancel() (Stop)", () => {
  it("stops a ts cell's read of a whole upstream table, posted behind other work", async () => {
    const runner = nodeCodeRunner({ timeoutMs: 0 });
    const text = notebookText([
      ["sql big", "SELECT i FROM range(50) t(i)"],
      ["ts total", "return big.length;"],
    ]);
    // A first page of 10 rows: the ts cell reads the other 40 from the table.
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0, firstRows: 10, runner });
    cleanups.push(close, () => runner.close());
    await session.run(cell(session, "big").cell.id);
    const read = watch(engine, "query", (sql) => /^SELECT \* FROM "?big"?$/.test(sql));
    const slow = engine.query(SLOW);
    const running = session.run(cell(session, "total").cell.id);
    const posted = (await read).call;
    await stopBehind(engine, () => session.cancel(), slow);
    await running;
    await expect(posted).rejects.toThrow();
    expect(cell(session, "total").status).toBe("stopped");
  });

  it("stops a ts cell's rows from becoming a table when they wait behind other work", async () => {
    const runner = nodeCodeRunner({ timeoutMs: 0 });
    const text = notebookText([["ts made", "return [{ a: 1 }, { a: 2 }];"]]);
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0, runner });
    cleanups.push(close, () => runner.close());
    const create = watch(engine, "createTable", (name) => name === "made");
    const slow = engine.query(SLOW);
    const running = session.run(cell(session, "made").cell.id);
    const posted = (await create).call;
    await stopBehind(engine, () => session.cancel(), slow);
    await running;
    await expect(posted).rejects.toThrow();
    expect(await tables(engine, "made")).toBe(0);
  });

  it("stops a linked chart's pre-aggregate build; a later run builds it", async () => {
    const text = notebookText([
      [
        "sql orders",
        "SELECT DATE '2024-01-01' + INTERVAL (i % 366) DAY AS order_date, ['a', 'b', 'c'][1 + i % 3] AS segment " +
          "FROM range(20000) t(i)",
      ],
      [
        "chart months data=orders",
        JSON.stringify({
          mark: "bar",
          params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
          encoding: { x: { field: "order_date", timeUnit: "yearmonth" }, y: { aggregate: "count" } },
        }),
      ],
      [
        "chart by_segment data=orders",
        JSON.stringify({
          mark: "bar",
          transform: [{ filter: { param: "brush" } }],
          encoding: { x: { field: "segment" }, y: { aggregate: "count" } },
        }),
      ],
    ]);
    const { session, engine, close } = await sessionWith(text, { liveDelayMs: 0 });
    cleanups.push(close);
    await session.runAll();
    await expect.poll(() => tables(engine, "__clientbook_linked_%"), { timeout: 20_000 }).toBe(1);
    // The slow query is posted right behind the chart's draw, so the build the draw then starts waits behind it.
    let slow: Promise<unknown> | undefined;
    const query = engine.query.bind(engine);
    engine.query = (sql, params, options) => {
      const call = query(sql, params, options);
      if (!slow && sql.includes('"orders"')) slow = query(SLOW);
      return call;
    };
    const build = watch(engine, "query", (sql) => sql.startsWith("CREATE OR REPLACE TEMP TABLE __clientbook_linked_"));
    // Another aggregate: the chart runs again (live), draws from the raw rows and starts a new build.
    const chart = cell(session, "by_segment").cell;
    session.setSource(chart.id, chart.source.replace('"count"', '"count", "title": "orders"'));
    const posted = (await build).call;
    await stopBehind(engine, () => session.cancel(), slow!);
    await session.whenIdle();
    await expect(posted).rejects.toThrow();
    // The old build was dropped with the change, the new one never ran.
    expect(await tables(engine, "__clientbook_linked_%")).toBe(0);
    // Stopped builds are not remembered: the chart's next run starts one, which is kept.
    await session.run(cell(session, "by_segment").cell.id);
    expect(cell(session, "by_segment").status).toBe("done");
    await expect.poll(() => tables(engine, "__clientbook_linked_%"), { timeout: 20_000 }).toBe(1);
  });
});
