// Month selections and DuckDB's date_trunc (issue 12): DuckDB 1.4 kept rows of `CAST(date_trunc('month', d) AS
// DATE) BETWEEN a AND b` when a > b, and a brush inside one month binds exactly such reversed bounds. Every place
// the linked planner compares a date_trunc key (the raw rows' plain range, the pre-aggregate's stored key, a click
// on a month bar) is checked on native DuckDB and duckdb-wasm against counts made here in JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planChart } from "../../../src/charts/plan/plan";
import { planPreaggregate } from "../../../src/charts/plan/preaggregate";
import type { Engine } from "../../../src/engine/engine";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import type { ColumnInfo } from "../../../src/table/result";
import { wasmEngineInNode } from "../../engine/wasm-node";
import { sampleTable } from "../plan-harness";
import { LINKED_CASES, linkedOf } from "./cases";

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** Rows per segment (null as "null") whose day's month is in `[from, to]` (ISO months), or is one of `months`. */
function expected(days: [string | null, number][], keep: (month: string) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [segment, day] of days)
    if (keep(monthOf(day))) counts[String(segment)] = (counts[String(segment)] ?? 0) + 1;
  return counts;
}

const CASES: [string, (month: string) => boolean][] = [
  // The brush lies inside March 2023: no month bar starts in it, so the bounds are reversed.
  ["count-by-brush-between-months", () => false],
  ["count-by-months-brush", (m) => m >= "2023-04" && m <= "2023-09"],
  ["count-by-point-on-month", (m) => m === "2023-02" || m === "2024-07"],
];

for (const [label, open] of [
  ["native DuckDB", nativeEngine],
  ["duckdb-wasm", wasmEngineInNode],
] as const) {
  describe(`month selections on ${label}`, () => {
    let engine: Engine;
    let columns: ColumnInfo[];
    let days: [string | null, number][];
    beforeAll(async () => {
      engine = await open();
      columns = await sampleTable(engine, 3000);
      const rows = (await engine.query("SELECT segment, epoch_ms(day::TIMESTAMP) AS day FROM t")).rows();
      days = rows.map((r) => [r.segment as string | null, Number(r.day)]);
    }, 120_000);
    afterAll(() => engine?.close());

    const counts = async (sql: string, params: readonly unknown[]) =>
      Object.fromEntries(
        (await engine.query(sql, params as never))
          .rows()
          .map((r) => [String(r.segment), Number(Object.entries(r).find(([k]) => k !== "segment")![1])]),
      );

    for (const [name, keep] of CASES) {
      it(`${name}: the raw plan and the pre-aggregate count the rows counted here`, async () => {
        const c = LINKED_CASES[name];
        const brush = linkedOf(c, columns);
        const schema = { relation: "t", columns };
        const plan = planChart(c.b, schema, { rowCap: 5000, linked: { brush } });
        const want = expected(days, keep);
        const pre = planPreaggregate(c.b, schema, { brush })!;
        await engine.query(`CREATE OR REPLACE TEMP TABLE pre_months AS ${pre.build}`);
        const answered = pre.answer("pre_months", brush, plan);
        expect(await counts(plan.sql, plan.params)).toEqual(want);
        expect(await counts(answered.sql, answered.params)).toEqual(want);
      });
    }
  });
}
