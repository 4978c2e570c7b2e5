import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import type { CompiledCell } from "../../src/compile/types";
import { evaluateSql, toCellFailure } from "../../src/session/evaluate";
import { EngineError } from "../../src/engine/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await nativeEngine();
});
afterAll(() => engine.close());

const sqlCell = (name: string, sql: string, params: string[] = []): CompiledCell => ({
  id: `id-${name}`,
  kind: "sql",
  name,
  defines: [name],
  references: params,
  body: { type: "sql", sql, params },
});
const signal = () => new AbortController().signal;

describe("evaluateSql(engine, cell, inputs, signal)", () => {
  it("binds ${name} values as parameters inside CREATE TEMP TABLE ... AS, never as SQL text", async () => {
    const evil = "'; DROP TABLE x; --";
    const out = await evaluateSql(
      engine,
      sqlCell("p", "SELECT ? AS n, ? AS s", ["limit_n", "label"]),
      new Map<string, unknown>([
        ["limit_n", 5],
        ["label", evil],
      ]),
      signal(),
    );
    expect(out.type === "table" && out.table.rows().map((r) => ({ ...r }))).toEqual([{ n: 5, s: evil }]);
    const again = await engine.query('SELECT s FROM "p"');
    expect(again.column(0)).toEqual([evil]);
  });

  it("makes a named result queryable by later SQL", async () => {
    await evaluateSql(engine, sqlCell("base", "SELECT * FROM range(3) t(i)"), new Map(), signal());
    const out = await evaluateSql(engine, sqlCell("total", "SELECT sum(i) AS s FROM base"), new Map(), signal());
    expect(out.type === "table" && out.table.column(0)).toEqual([3]);
  });

  it("refuses to start once aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(evaluateSql(engine, sqlCell("never", "SELECT 1"), new Map(), controller.signal)).rejects.toThrow(
      "stop",
    );
  });
});

describe("toCellFailure(err, source)", () => {
  it("subtracts the wrapper's length and gives a 1-based line and column", () => {
    const sql = "SELECT 1\nFROM nope";
    const failure = toCellFailure(new EngineError("no table", 10 + 14), { sql, source: sql, offset: 10 });
    expect([failure.line, failure.column]).toEqual([2, 6]);
  });

  it("points past a ${name} parameter at the column in the source, not in the compiled query", async () => {
    const source = "SELECT ${threshold} AS t, nope FROM range(1)";
    const sql = "SELECT ? AS t, nope FROM range(1)";
    const cell = { ...sqlCell("shifted", sql, ["threshold"]) };
    const error = await evaluateSql(engine, cell, new Map([["threshold", 3]]), signal(), source).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ line: 1, column: source.indexOf("nope") + 1 });
  });

  it("drops a position that falls inside the wrapper", () => {
    const failure = toCellFailure(new EngineError("bad name", 3), { sql: "SELECT 1", source: "SELECT 1", offset: 10 });
    expect(failure.line).toBeUndefined();
    expect(failure.message).toBe("bad name");
  });
});
