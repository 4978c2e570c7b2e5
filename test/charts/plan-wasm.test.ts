// Every golden case's planned SQL on duckdb-wasm (the browser's engine) returns the rows native DuckDB returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planChart } from "../../src/charts/plan/plan";
import type { Engine } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { ColumnInfo, ResultTable } from "../../src/table/result";
import { wasmEngineInNode } from "../engine/wasm-node";
import { CASES } from "./plan-cases";
import { sampleTable } from "./plan-harness";

let native: Engine;
let wasm: Engine;
let columns: ColumnInfo[];

beforeAll(async () => {
  [native, wasm] = await Promise.all([nativeEngine(), wasmEngineInNode()]);
  [columns] = await Promise.all([sampleTable(native), sampleTable(wasm)]);
});
afterAll(async () => {
  await Promise.all([native.close(), wasm.close()]);
});

// Rows as sorted text, numbers to 12 significant digits (the two builds may differ in the last bits).
const rowsOf = (table: ResultTable) =>
  table
    .rows()
    .map((row) =>
      JSON.stringify(Object.values(row).map((v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v))),
    )
    .sort();

describe("planned SQL on duckdb-wasm and native DuckDB", () => {
  it("returns the same rows for every golden case", async () => {
    for (const [name, spec] of Object.entries(CASES)) {
      const plan = planChart(spec, { relation: "t", columns }, { rowCap: 5000 });
      const [a, b] = [await native.query(plan.sql, plan.params), await wasm.query(plan.sql, plan.params)];
      expect(
        b.columns.map((c) => c.name),
        name,
      ).toEqual(a.columns.map((c) => c.name));
      expect(rowsOf(b), name).toEqual(rowsOf(a));
      expect(a.numRows, name).toBeGreaterThan(0);
    }
  });
});
