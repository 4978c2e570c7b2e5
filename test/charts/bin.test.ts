// binStartSql's clamp is a CASE that must give what greatest(start, least(x, stop - step)) gives, for every x
// DuckDB can hold (NaN and infinities included) and bin bounds, in native DuckDB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binStartSql } from "../../src/charts/plan/bin";
import type { Engine } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";

let engine: Engine;
beforeAll(async () => {
  engine = await nativeEngine();
});
afterAll(() => engine.close());

describe("binStartSql(column, bins)", () => {
  it("bins as the greatest / least clamp does, edges, NaN and infinities included", async () => {
    const xs = ["-1e300", "-5", "0", "0.1", "1.9999999999", "2", "9.5", "10", "10.5", "'nan'", "'inf'", "'-inf'"];
    // Bounds as the extent makes them, then ones where stop - step falls below start (a one-bin span, and one no extent makes).
    const bounds = ["(0, 2, 10)", "(-3.5, 0.5, -1)", "(1e-17, 1, 1)", "(0, 2, 1)", "(0.1, 0.2, 0.30000000000000004)"];
    const column = { name: "x", type: "DOUBLE", kind: "number" as const };
    const reference =
      "b.start + b.step * floor(1e-14 + (greatest(b.start, least(x, b.stop - b.step)) - b.start) / b.step)";
    const sql =
      `SELECT count(*) AS n, count(*) FILTER (WHERE ${binStartSql(column, "b")} IS NOT DISTINCT FROM ${reference}) AS same ` +
      `FROM (VALUES ${xs.map((x) => `(${x}::DOUBLE)`).join(", ")}) AS v(x), ` +
      `(VALUES ${bounds.join(", ")}) AS b(start, step, stop)`;
    const [row] = (await engine.query(sql)).rows();
    expect(Number(row.n)).toBe(xs.length * bounds.length);
    expect(Number(row.same)).toBe(Number(row.n));
  });
});
