// Pre-aggregates of linked charts: a chart answered from the pre-aggregate returns the same rows as its own plan
// over the raw rows, for every linked case and for many brushes over one pre-aggregate; charts whose aggregate
// does not decompose (median, distinct, bins over the filtered rows) get none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planChart } from "../../../src/charts/plan/plan";
import { planPreaggregate } from "../../../src/charts/plan/preaggregate";
import type { LinkedSelection } from "../../../src/charts/plan/linked";
import type { Engine } from "../../../src/engine/engine";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import type { ColumnInfo, ResultTable } from "../../../src/table/result";
import { sampleTable } from "../plan-harness";
import { LINKED_CASES, linkedOf, type LinkedCase } from "./cases";

let engine: Engine;
let columns: ColumnInfo[];
const schema = () => ({ relation: "t", columns });

beforeAll(async () => {
  engine = await nativeEngine();
  columns = await sampleTable(engine, 3000);
});
afterAll(() => engine.close());

const rowsOf = (table: ResultTable) =>
  Array.from({ length: table.numRows }, (_, r) =>
    table.columns.map((_, c) => {
      const v = table.column(c)[r];
      return typeof v === "number" ? Math.round(v * 1e6) / 1e6 : typeof v === "bigint" ? Number(v) : v;
    }),
  );

async function compare(c: LinkedCase, brushes: LinkedSelection[], table: string) {
  const pre = planPreaggregate(c.b, schema(), { brush: brushes[0] })!;
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${table} AS ${pre.build}`);
  for (const brush of brushes) {
    const plan = planChart(c.b, schema(), { rowCap: 5000, linked: { brush } });
    const answered = pre.answer(table, brush, plan);
    expect(answered.spec).toBe(plan.spec);
    const raw = await engine.query(plan.sql, plan.params);
    const fast = await engine.query(answered.sql, answered.params);
    expect(fast.columns.map((col) => col.name)).toEqual(raw.columns.map((col) => col.name));
    expect(rowsOf(fast)).toEqual(rowsOf(raw));
  }
  const size = await engine.query(`SELECT count(*) FROM ${table}`);
  expect(Number(size.column(0)[0])).toBeLessThan(3000);
}

describe("planPreaggregate(spec, schema, linked)", () => {
  const refused = ["binned-by-months-brush", "median-by-months-brush", "distinct-by-months-brush"];
  for (const [name, c] of Object.entries(LINKED_CASES)) {
    if (refused.includes(name)) {
      it(`${name}: none (the chart reads the raw rows)`, () => {
        expect(planPreaggregate(c.b, schema(), { brush: linkedOf(c, columns) })).toBeUndefined();
      });
      continue;
    }
    it(`${name}: the same rows as the raw plan`, async () => {
      await compare(c, [linkedOf(c, columns)], "pre_case");
    });
  }

  it("answers thirty brush moves over one pre-aggregate exactly", async () => {
    const c = LINKED_CASES["sum-by-timestamp-months-brush"];
    const day0 = Date.UTC(2022, 11, 1);
    const brushes = Array.from({ length: 30 }, (_, i) => {
      const lo = day0 + ((i * 37) % 600) * 86_400_000;
      return linkedOf({ ...c, raw: [lo, lo + ((i * 53) % 300) * 86_400_000] }, columns);
    });
    brushes.push(linkedOf({ ...c, raw: [] }, columns));
    await compare(c, brushes, "pre_moves");
  });

  it("answers clicks on a bar from one pre-aggregate, an empty click keeping all", async () => {
    const c = LINKED_CASES["monthly-line-by-point-on-bar"];
    const clicks = [["Retail"], ["Online", "Wholesale"], [null], [], ["Retail", null]];
    await compare(
      c,
      clicks.map((raw) => linkedOf({ ...c, raw }, columns)),
      "pre_clicks",
    );
  });

  it("rebuilds nothing for another selection: the build query does not depend on the selection's value", () => {
    const c = LINKED_CASES["count-by-months-brush"];
    const one = planPreaggregate(c.b, schema(), { brush: linkedOf(c, columns) })!;
    const two = planPreaggregate(c.b, schema(), { brush: linkedOf({ ...c, raw: [] }, columns) })!;
    expect(two.build).toBe(one.build);
    expect(one.build).toContain("GROUP BY");
  });
});
