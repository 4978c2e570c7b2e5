// The wasm engine's statement memory on real duckdb-wasm: a re-run of the same SQL makes one worker round
// trip (counted at the worker), a kept statement that fails is prepared anew, and more distinct statements
// than are kept still give the right rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/engine/engine";
import { PREPARED_KEPT } from "../../../src/engine/wasm/statements";
import { wasmEngineInNode } from "../wasm-node";

describe("engineOnDuckDB(db) statement memory", () => {
  const requests: string[] = [];
  let engine: Engine;
  beforeAll(async () => {
    engine = await wasmEngineInNode((type) => requests.push(type));
  });
  afterAll(() => engine?.close());

  /** The worker requests `work` made. */
  async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
    requests.length = 0;
    await work();
    return [...requests];
  }

  it("checks, prepares and streams SQL the first time; its re-run is one round trip", async () => {
    const sql = "SELECT i FROM range(?) t(i) WHERE i % ? = 0";
    const first = await requestsOf(() => engine.query(sql, [100, 3]));
    expect(first).toEqual(expect.arrayContaining(["CREATE_PREPARED", "SEND_PREPARED"]));
    expect(first).not.toContain("GET_TABLE_NAMES");
    expect(await requestsOf(() => engine.query(sql, [100, 5], { quick: true }))).toEqual(["RUN_PREPARED"]);
    expect((await engine.query(sql, [100, 50], { quick: true })).rows().map((r) => r.i)).toEqual([0, 50]);
    const create = "CREATE OR REPLACE TEMP TABLE kept AS SELECT i FROM range(?) t(i)";
    await engine.query(create, [10]);
    expect(await requestsOf(() => engine.query(create, [20]))).toEqual(["RUN_PREPARED"]);
    expect((await engine.query("SELECT count(*) AS n FROM kept")).rows()[0].n).toBe(20);
    const read = "SELECT * FROM kept LIMIT 100000";
    await engine.query(read, [], { quick: true });
    expect(await requestsOf(() => engine.query(read, [], { quick: true }))).toEqual(["RUN_QUERY"]);
  });

  // The count binds the statement and the worker logs a bind error in the console, though the run works.
  it("counts the statements of a text only when it holds a `;` before its end outside comments and strings, or a PIVOT", async () => {
    const using = "SELECT * FROM (SELECT 1 AS k) a JOIN (SELECT 1 AS k) b USING (k) WHERE a.k = ?;";
    expect(await requestsOf(() => engine.query(using, [1]))).not.toContain("GET_TABLE_NAMES");
    // A recipe's comments hold `;` (the count bound its whole statement: 40-80 ms in the worker per cell).
    const inComment = "-- scores by ntile; ties by id\nSELECT 'a;b' AS s";
    expect(await requestsOf(() => engine.query(inComment))).not.toContain("GET_TABLE_NAMES");
    expect((await engine.query(inComment)).rows()[0].s).toBe("a;b");
    const escaped = "SELECT E'\\''; SELECT 2";
    expect(await requestsOf(() => engine.query(escaped).catch(() => undefined))).toContain("GET_TABLE_NAMES");
    await expect(engine.query(escaped)).rejects.toThrow(/one SQL statement at a time/);
    await expect(engine.query("SELECT 1 AS a; SELECT 2 AS b")).rejects.toThrow(/one SQL statement at a time/);
    // DuckDB makes a PIVOT without an IN list two statements, with no `;`: it is counted too.
    await engine.query("CREATE OR REPLACE TEMP TABLE sales AS SELECT 'a' AS k, 1 AS v");
    await expect(engine.query("PIVOT sales ON k USING sum(v)")).rejects.toThrow(/one SQL statement at a time/);
  });

  it("reports a run-time error of a kept statement, then prepares it anew and runs it", async () => {
    const sql = "SELECT CAST(? AS INTEGER) AS v";
    expect((await engine.query(sql, ["4"])).rows()[0].v).toBe(4);
    await expect(engine.query(sql, ["four"])).rejects.toThrow(/four/);
    const again = await requestsOf(async () => expect((await engine.query(sql, ["5"])).rows()[0].v).toBe(5));
    expect(again).toContain("CREATE_PREPARED");
    expect(again).not.toContain("GET_TABLE_NAMES");
  });

  it("keeps the last statements used, closing older ones, and every one still answers right", async () => {
    const sqls = Array.from({ length: PREPARED_KEPT + 8 }, (_, k) => `SELECT ? + ${k} AS v`);
    for (const [k, sql] of sqls.entries()) expect((await engine.query(sql, [1])).rows()[0].v).toBe(k + 1);
    const closed = await requestsOf(async () => {
      for (const [k, sql] of sqls.entries()) expect((await engine.query(sql, [2])).rows()[0].v).toBe(k + 2);
    });
    // A cycle longer than the memory misses every time: this pass prepares (and closes) each one again.
    expect(closed.filter((r) => r === "CREATE_PREPARED")).toHaveLength(sqls.length);
    expect(closed.filter((r) => r === "CLOSE_PREPARED")).toHaveLength(sqls.length);
    const last = sqls.at(-1)!;
    expect(await requestsOf(() => engine.query(last, [3], { quick: true }))).toEqual(["RUN_PREPARED"]);
  });
});
