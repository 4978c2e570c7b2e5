// What a re-run costs (issue 15: an input move or a brush redrawn in under 100 ms): a parameterised named sql
// cell and the chart over it, re-run on real duckdb-wasm, make at most two statements and two worker requests
// posted together (one wait), counted at the engine and at DuckDB's worker; results, row counts and staleness
// stay right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { DISPLAY_ROW_CAP } from "../../src/session/evaluate";
import { openSession } from "../../src/session/session";
import type { Session } from "../../src/session/types";
import { wasmEngineInNode } from "../engine/wasm-node";
import { cell, notebookText, rowsOf } from "./helpers";

const ORDER_ROWS = 150_000;
// A raw chart (layered): its plan reads the data cell's whole result, which the cell has already read back.
const labelled = {
  layer: [
    { mark: "bar", encoding: { x: { field: "segment", type: "nominal" }, y: { field: "n", type: "quantitative" } } },
    { mark: "text", encoding: { x: { field: "segment", type: "nominal" }, text: { field: "n" } } },
  ],
};
const notebook = notebookText([
  [
    "sql orders",
    `SELECT i, i % 20 + 1 AS quantity, ['A', 'B', 'C', 'D', 'E'][1 + i % 5] AS segment FROM range(${ORDER_ROWS}) t(i)`,
  ],
  ["input min_qty", '{ "type": "range", "min": 1, "max": 30, "step": 1, "value": 1 }'],
  ["sql by_segment", "SELECT segment, count(*) AS n FROM orders WHERE quantity >= ${min_qty} GROUP BY ALL ORDER BY 1"],
  ["chart revenue data=by_segment", JSON.stringify(labelled)],
  ["sql picked", "SELECT * FROM orders WHERE quantity >= ${min_qty}"],
  [
    "chart counts data=picked",
    JSON.stringify({ mark: "bar", encoding: { x: { field: "segment" }, y: { aggregate: "count" } } }),
  ],
  [
    "chart quantities data=orders",
    JSON.stringify({
      mark: "bar",
      params: [{ name: "band", select: { type: "interval", encodings: ["x"] } }],
      encoding: { x: { field: "quantity", type: "quantitative" }, y: { aggregate: "count" } },
    }),
  ],
  [
    "sql in_band",
    "SELECT segment, count(*) AS n FROM orders WHERE quantity BETWEEN ${band}[1]::INTEGER AND ${band}[2]::INTEGER GROUP BY ALL ORDER BY 1",
  ],
  ["input word", '{ "type": "text", "value": "7" }'],
  ["sql parsed", "SELECT CAST(${word} AS INTEGER) AS v"],
]);

/**
 * An engine whose statements are listed (whitespace collapsed) as they are made, and each CREATE ... AS with its
 * bound values (`creates`); `onCreate` hears each one as it is made. The real engine underneath.
 */
function counted(engine: Engine): {
  engine: Engine;
  statements: string[];
  creates: { sql: string; params: readonly unknown[] }[];
  onCreate: { listener?: (sql: string) => void };
} {
  const statements: string[] = [];
  const creates: { sql: string; params: readonly unknown[] }[] = [];
  const onCreate: { listener?: (sql: string) => void } = {};
  return {
    statements,
    creates,
    onCreate,
    engine: {
      ...engine,
      query: (sql, params, options) => {
        statements.push(sql.replace(/\s+/g, " "));
        return engine.query(sql, params, options);
      },
      createAndRead: (sql, params, read, options) => {
        statements.push(sql.replace(/\s+/g, " "), read.replace(/\s+/g, " "));
        creates.push({ sql, params: [...params] });
        onCreate.listener?.(sql);
        return engine.createAndRead(sql, params, read, options);
      },
    },
  };
}

/** What `sql` counts over the same orders, straight from the engine, by segment. */
async function expected(engine: Engine, min: number): Promise<Record<string, unknown>[]> {
  const sql = `SELECT segment, count(*) AS n FROM orders WHERE quantity >= ${min} GROUP BY ALL ORDER BY 1`;
  return (await engine.query(sql)).rows().map((r) => ({ ...r }));
}

const chartValues = (session: Session, name: string) => {
  const output = cell(session, name).output;
  if (output?.type !== "chart") throw new Error(`${name} drew no chart`);
  return (output.spec.data as { values: Record<string, unknown>[] }).values;
};

describe("a re-run of a named sql cell on duckdb-wasm", () => {
  const requests: string[] = [];
  let engine: Engine;
  let statements: string[];
  let creates: ReturnType<typeof counted>["creates"];
  let onCreate: ReturnType<typeof counted>["onCreate"];
  let session: Session;
  const idOf = (name: string) => cell(session, name).cell.id;

  beforeAll(async () => {
    const wasm = await wasmEngineInNode(
      (type) => requests.push(type),
      () => requests.push("answer"),
    );
    ({ engine, statements, creates, onCreate } = counted(wasm));
    session = openSession(engine, { liveDelayMs: 0 });
    session.open(notebook, { trusted: true });
    await session.runAll();
  }, 120_000);
  afterAll(() => engine?.close());

  /** Moves `input` to `value` and waits for the re-runs; returns the statements and worker requests they made. */
  async function move(input: string, value: unknown) {
    statements.length = 0;
    requests.length = 0;
    session.setInputValue(idOf(input), value);
    expect(cell(session, "by_segment").stale || input !== "min_qty").toBe(true);
    await session.whenIdle();
    return { statements: [...statements], requests: [...requests] };
  }

  it("makes two statements and two worker requests in one wait, and the chart over it none", async () => {
    await move("min_qty", 5);
    const made = await move("min_qty", 11);
    const bySegment = made.statements.filter((s) => /by_segment/.test(s));
    expect(bySegment).toHaveLength(2);
    expect(bySegment[0]).toMatch(/^CREATE OR REPLACE TEMP TABLE "by_segment" AS SELECT/);
    expect(bySegment[1]).toBe('SELECT * FROM "by_segment" LIMIT 100000');
    // by_segment: one prepared run of the CREATE, one read; picked the same; counts: its chart's query.
    const posted = made.requests.filter((r) => r !== "answer");
    expect(posted.filter((r) => r !== "RUN_PREPARED" && r !== "RUN_QUERY")).toEqual([]);
    expect(posted.length).toBeLessThanOrEqual(5);
    // Each read is posted right behind its CREATE, before the worker answers: one wait for the two.
    // Each read is posted right behind its CREATE, before the worker answers: one wait for the two (was two).
    expect(made.requests.join(" ")).toBe(
      "RUN_PREPARED RUN_QUERY answer answer RUN_PREPARED RUN_QUERY answer answer RUN_QUERY answer",
    );
    expect(rowsOf(cell(session, "by_segment"))).toEqual(await expected(engine, 11));
    expect(chartValues(session, "revenue")).toEqual(await expected(engine, 11));
    expect(cell(session, "revenue").stale).toBe(false);
  });

  it("reports the right row count when a filter moves the result over and under the display cap", async () => {
    await move("min_qty", 1);
    const all = cell(session, "picked");
    expect(all.output).toMatchObject({ type: "table", totalRows: ORDER_ROWS });
    expect(rowsOf(all)).toHaveLength(DISPLAY_ROW_CAP);
    const counts = chartValues(session, "counts");
    expect(counts.reduce((sum, r) => sum + Number(Object.values(r).find((v) => typeof v === "number")), 0)).toBe(
      ORDER_ROWS,
    );
    await move("min_qty", 16);
    const some = cell(session, "picked");
    expect(some.output).toMatchObject({ type: "table", totalRows: ORDER_ROWS / 4 });
    expect(rowsOf(some)).toHaveLength(ORDER_ROWS / 4);
    expect(rowsOf(some).every((r) => Number(r.quantity) >= 16)).toBe(true);
    expect(some.stale).toBe(false);
  });

  it("gives an empty result its columns, and the chart over it no rows", async () => {
    await move("min_qty", 30);
    const empty = cell(session, "by_segment");
    expect(empty.output).toMatchObject({ type: "table", totalRows: 0 });
    if (empty.output?.type !== "table") throw new Error("no table");
    expect(empty.output.table.columns.map((c) => c.name)).toEqual(["segment", "n"]);
    expect(chartValues(session, "revenue")).toEqual([]);
    expect(cell(session, "revenue").status).toBe("done");
  });

  it("shows an error from a kept prepared statement, then the next good value's result", async () => {
    await move("word", "12");
    expect(rowsOf(cell(session, "parsed"))).toEqual([{ v: 12 }]);
    await move("word", "twelve");
    expect(cell(session, "parsed")).toMatchObject({ status: "error", stale: false });
    expect(cell(session, "parsed").error?.message).toMatch(/twelve/);
    await move("word", "13");
    expect(cell(session, "parsed")).toMatchObject({ status: "done", stale: false });
    expect(rowsOf(cell(session, "parsed"))).toEqual([{ v: 13 }]);
  });

  /**
   * A drag (issue 15), or brushes quicker than their reader: `set` is called with each step, the next one a tick
   * after `reader`'s statement was posted (while DuckDB's worker computes it, so each step supersedes the reader in
   * flight); resolves once all is idle.
   */
  async function drag<T>(reader: string, steps: readonly T[], set: (value: T) => void): Promise<void> {
    creates.length = 0;
    requests.length = 0;
    let step = 0;
    onCreate.listener = (sql) => {
      if (sql.includes(`"${reader}"`) && ++step < steps.length) setTimeout(() => set(steps[step]));
    };
    try {
      set(steps[0]);
      await expect.poll(() => step, { timeout: 60_000 }).toBeGreaterThanOrEqual(steps.length);
      await session.whenIdle();
    } finally {
      onCreate.listener = undefined;
    }
  }
  /** The values each CREATE ... AS of the named cell was bound to, in order. */
  const runsOf = (name: string) => creates.filter((c) => c.sql.includes(`"${name}"`)).map((c) => c.params);
  const prepared = () => requests.filter((r) => r === "RUN_PREPARED").length;

  it("runs each reader once per value in a drag of an input, and ends with the last value's rows", async () => {
    // The runtime re-runs a superseded reader with the new value itself; the live re-run a tick later must not
    // run it (and what reads it) once more for the same value.
    await move("min_qty", 2);
    const steps = [4, 6, 8, 10, 12];
    const id = idOf("min_qty");
    await drag("by_segment", steps, (v) => session.setInputValue(id, v));
    // Once per value, in order; a reader after it waits for the last value and runs once.
    expect(runsOf("by_segment")).toEqual(steps.map((v) => [v]));
    expect(runsOf("picked")).toEqual([[12]]);
    // A superseded statement still waiting in the engine's queue is skipped: at most one prepared run per step.
    expect(prepared()).toBeLessThanOrEqual(steps.length + 1);
    expect(rowsOf(cell(session, "by_segment"))).toEqual(await expected(engine, 12));
    expect(chartValues(session, "revenue")).toEqual(await expected(engine, 12));
    for (const name of ["by_segment", "revenue", "picked", "counts"])
      expect(cell(session, name)).toMatchObject({ status: "done", stale: false });
    expect(cell(session, "picked").output).toMatchObject({ type: "table", totalRows: (ORDER_ROWS * 9) / 20 });
  });

  it("runs the reader of a brush once per range when brushes come quicker than it runs, ending with the last", async () => {
    const chartId = idOf("quantities");
    const steps = [
      [2, 5],
      [2, 8],
      [3, 11],
      [4, 14],
      [6, 17],
    ];
    await drag("in_band", steps, (band) => session.setSelection(chartId, "band", band));
    // `${band}` is written twice: each run binds both ends (as text, as a brush's ends are) twice.
    expect(runsOf("in_band")).toEqual(steps.map((band) => [...band, ...band].map(String)));
    expect(prepared()).toBeLessThanOrEqual(steps.length);
    const direct = await engine.query(
      "SELECT segment, count(*) AS n FROM orders WHERE quantity BETWEEN 6 AND 17 GROUP BY ALL ORDER BY 1",
    );
    expect(rowsOf(cell(session, "in_band"))).toEqual(direct.rows().map((r) => ({ ...r })));
    expect(cell(session, "in_band")).toMatchObject({ status: "done", stale: false });
  });

  it("reads the new columns when a table its kept statement reads is replaced", async () => {
    session.setSource(
      idOf("orders"),
      `SELECT i, i % 20 + 1 AS quantity, 'S' || (i % 3) AS segment, i * 2 AS twice FROM range(${ORDER_ROWS}) t(i)`,
    );
    await session.whenIdle();
    await session.run(idOf("orders"));
    expect(cell(session, "by_segment").status).toBe("done");
    await move("min_qty", 20);
    expect(rowsOf(cell(session, "by_segment"))).toEqual(await expected(engine, 20));
    const picked = cell(session, "picked");
    if (picked.output?.type !== "table") throw new Error("no table");
    expect(picked.output.table.columns.map((c) => c.name)).toEqual(["i", "quantity", "segment", "twice"]);
    expect(picked.output.totalRows).toBe(ORDER_ROWS / 20);
  });
});

describe("a re-run of a named sql cell on native DuckDB", () => {
  it("makes the same two statements, with the same results", async () => {
    const { engine, statements } = counted(await nativeEngine());
    try {
      const session = openSession(engine, { liveDelayMs: 0 });
      session.open(notebook, { trusted: true });
      await session.runAll();
      statements.length = 0;
      session.setInputValue(cell(session, "min_qty").cell.id, 7);
      await session.whenIdle();
      expect(statements.filter((s) => /by_segment/.test(s))).toHaveLength(2);
      expect(chartValues(session, "revenue")).toEqual(await expected(engine, 7));
    } finally {
      await engine.close();
    }
  });
});
