// The chart planner on linked charts (a chart filtered by another chart's selection over the same result):
// golden files (specs and selection in -> SQL, parameters and spec out), and end to end: chart B drawn from
// the planned rows looks exactly like Vega-Lite drawing both charts over all raw rows with the selection set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { bindChart } from "../../../src/charts/bind";
import { planChart } from "../../../src/charts/plan/plan";
import { ChartPlanError } from "../../../src/charts/plan/types";
import type { Engine } from "../../../src/engine/engine";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import type { ColumnInfo, ResultTable } from "../../../src/table/result";
import { expectGolden, expectOnlyGolden, goldenJson } from "../../golden";
import { drawn, sampleTable } from "../plan-harness";
import { LINKED_CASES, linkedOf, withValue } from "./cases";

const dir = join(__dirname, "golden");
let engine: Engine;
let columns: ColumnInfo[];
let all: ResultTable;

beforeAll(async () => {
  engine = await nativeEngine();
  columns = await sampleTable(engine);
  all = await engine.query("SELECT * FROM t");
});
afterAll(() => engine.close());

describe("planChart(spec, schema, { linked })", () => {
  for (const [name, c] of Object.entries(LINKED_CASES)) {
    it(name, async () => {
      const brush = linkedOf(c, columns);
      const plan = planChart(c.b, { relation: "t", columns }, { rowCap: 5000, linked: { brush } });
      const { kind, reason, pushed, sql, params } = plan;
      const golden = { a: c.a, brush, in: c.b, kind, reason, pushed, sql, params, out: plan.spec };
      expectGolden(join(dir, `${name}.json`), goldenJson(golden));
      expect(kind).toBe("aggregated");
      expect(JSON.stringify(plan.spec)).not.toContain('"param"');
      const rows = await engine.query(plan.sql, plan.params);
      const a = withValue(c);
      const expected = await drawn(bindChart({ vconcat: [a, c.b] }, all, Infinity).spec);
      const actual = await drawn({
        vconcat: [bindChart(a, all, Infinity).spec, bindChart(plan.spec, rows, Infinity).spec],
      });
      expect(expected.marks.flat().length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }

  it("holds no golden file without a case", () => {
    expectOnlyGolden(
      dir,
      Object.keys(LINKED_CASES).map((name) => `${name}.json`),
    );
  });

  it("refuses a filter by a name no chart selects, naming it", () => {
    const spec = { ...LINKED_CASES["count-by-months-brush"].b, transform: [{ filter: { param: "nope" } }] };
    expect(() => planChart(spec, { relation: "t", columns }, { rowCap: 10 })).toThrow(ChartPlanError);
    const plan = () => planChart(spec, { relation: "t", columns }, { rowCap: 10 });
    expect(plan).toThrow(/“nope”.*not a chart selection/);
  });

  it("refuses a linked filter after a transform the database cannot run", () => {
    const c = LINKED_CASES["count-by-months-brush"];
    const spec = { ...c.b, transform: [{ calculate: "random()", as: "r" }, { filter: { param: "brush" } }] };
    const linked = { brush: linkedOf(c, columns) };
    expect(() => planChart(spec, { relation: "t", columns }, { rowCap: 10, linked })).toThrow(/first in "transform"/);
  });

  it("refuses a brush on a text field and a time unit it cannot snap to", () => {
    const spec = LINKED_CASES["count-by-months-brush"].b;
    const plan = (brush: object) => () =>
      planChart(spec, { relation: "t", columns }, { rowCap: 10, linked: { brush: brush as never } });
    expect(plan({ type: "interval", field: "note", value: ["a", "b"] })).toThrow(/“note”, a VARCHAR column/);
    expect(plan({ type: "interval", field: "day", timeUnit: "month", value: ["1", "2"] })).toThrow(/“month”/);
  });
});
