// The engine's idle-time warm-up on real duckdb-wasm in Node: it runs its one query once per engine and leaves
// nothing behind; it never runs while other work is queued or running or sooner than the quiet time asked after it,
// and work queued while it runs goes next (the warm-up is interrupted, the user's statement is not).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/engine/engine";
import { wasmEngineInNode } from "../wasm-node";

describe("engineOnDuckDB(db).warmUp()", () => {
  const requests: string[] = [];
  let posted: ((type: string) => void) | undefined;
  let engine: Engine;
  beforeAll(async () => {
    engine = await wasmEngineInNode((type) => {
      requests.push(type);
      posted?.(type);
    });
  });
  afterAll(() => engine?.close());

  /** Resolves when the next request of `type` is posted to DuckDB's worker. */
  const nextPosted = (type: string) =>
    new Promise<void>((resolve) => {
      posted = (t) => {
        if (t !== type) return;
        posted = undefined;
        resolve();
      };
    });

  const objects = async () =>
    (
      await engine.query(
        `SELECT (SELECT count(*) FROM duckdb_tables()) + (SELECT count(*) FROM duckdb_views() WHERE NOT internal) AS n`,
      )
    ).rows()[0].n;

  it("is skipped while a statement runs, and that statement's result is whole", async () => {
    const busy = engine.query("SELECT count(*) AS n FROM range(3000000) t(i) WHERE i % 7 = 0");
    expect(await engine.warmUp!()).toBe(false);
    expect((await busy).rows()[0].n).toBe(428572);
  });

  it("gives way to a query queued while it runs: interrupted, the query answers, later work is not cancelled", async () => {
    const started = nextPosted("START_PENDING_QUERY");
    requests.length = 0;
    const warming = engine.warmUp!();
    await started;
    const answer = await engine.query("SELECT 42 AS v");
    expect(answer.rows()[0].v).toBe(42);
    expect(await warming).toBe(false);
    // The interrupt was posted before the user's statement, so it could only stop the warm-up.
    expect(requests.indexOf("CANCEL_PENDING_QUERY")).toBeGreaterThan(requests.indexOf("START_PENDING_QUERY"));
    expect(requests.indexOf("CANCEL_PENDING_QUERY")).toBeLessThan(requests.lastIndexOf("START_PENDING_QUERY"));
    expect((await engine.memory()).limit).toBeGreaterThan(0);
    expect((await engine.listTables()).length).toBeGreaterThanOrEqual(0);
  });

  it("is skipped until the engine has had no work for the quiet time asked", async () => {
    await engine.query("SELECT 1 AS v");
    requests.length = 0;
    // Idle now, but busy a moment ago: a gap between an interaction's queries.
    expect(await engine.warmUp!(60_000)).toBe(false);
    expect(requests).toEqual([]);
  });

  it("runs to its end once per engine and leaves no table or view behind", async () => {
    const before = await objects();
    requests.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await engine.warmUp!(200)).toBe(true);
    expect(requests).toContain("START_PENDING_QUERY");
    expect(requests).not.toContain("CANCEL_PENDING_QUERY");
    requests.length = 0;
    expect(await engine.warmUp!()).toBe(true);
    expect(requests).toEqual([]);
    expect(await objects()).toBe(before);
  });
});
