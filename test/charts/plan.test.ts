// The chart planner against golden files (spec in -> SQL, parameters and spec out), and end to end: the rows
// the planned SQL returns, drawn with the rewritten spec, look exactly like Vega-Lite drawing all raw rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { bindChart } from "../../src/charts/bind";
import { planChart } from "../../src/charts/plan/plan";
import type { Engine } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { ColumnInfo, ResultTable } from "../../src/table/result";
import { expectGolden, expectOnlyGolden, goldenJson } from "../golden";
import { CASES } from "./plan-cases";
import { drawn, sampleTable } from "./plan-harness";

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

describe("planChart golden cases", () => {
  for (const [name, spec] of Object.entries(CASES)) {
    it(name, async () => {
      const plan = planChart(spec, { relation: "t", columns }, { rowCap: 5000 });
      const { kind, reason, pushed, sql, params } = plan;
      expectGolden(
        join(dir, `${name}.json`),
        goldenJson({ in: spec, kind, reason, pushed, sql, params, out: plan.spec }),
      );
      expect(kind).toBe(name.startsWith("raw-") ? "raw" : "aggregated");
      const rows = await engine.query(plan.sql, plan.params);
      expect(rows.numRows).toBeLessThanOrEqual(plan.rowCap);
      if (kind === "aggregated") expect(rows.numRows).toBeLessThan(all.numRows);
      const expected = await drawn(bindChart(spec, all, Infinity).spec);
      const actual = await drawn(bindChart(plan.spec, rows, Infinity).spec);
      expect(expected.marks.flat().length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }

  it("holds no golden file without a case", () => {
    expectOnlyGolden(
      dir,
      Object.keys(CASES).map((name) => `${name}.json`),
    );
  });
});
