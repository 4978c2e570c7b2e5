// The chart planner on bad input (clear messages naming the field and the columns), on raw charts over
// more rows than the cap, and the deterministic samples it offers for them; all on native DuckDB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartMessages } from "../../src/messages/charts";
import { planChart } from "../../src/charts/plan/plan";
import { drawChart } from "../../src/charts/plan/run";
import { hashSampleSql, reservoirSampleSql } from "../../src/charts/plan/sample";
import { ChartPlanError, type Spec } from "../../src/charts/plan/types";
import type { Engine } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { ColumnInfo } from "../../src/table/result";
import { NASTY, sampleTable } from "./plan-harness";

let engine: Engine;
let columns: ColumnInfo[];
let big: ColumnInfo[];

beforeAll(async () => {
  engine = await nativeEngine();
  columns = await sampleTable(engine);
  await engine.query("CREATE VIEW big AS SELECT range AS id, range % 7 AS k FROM range(10000000)");
  await engine.query("CREATE VIEW mid AS SELECT * FROM big WHERE id < 200000");
  big = (await engine.query("SELECT * FROM big LIMIT 0")).columns as ColumnInfo[];
});
afterAll(() => engine.close());

const plan = (spec: Spec, rowCap = 5000) => planChart(spec, { relation: "t", columns }, { rowCap });
const failure = (spec: Spec) => {
  try {
    plan(spec);
  } catch (e) {
    expect(e).toBeInstanceOf(ChartPlanError);
    return (e as Error).message;
  }
  throw new Error("planChart accepted the spec");
};

describe("planChart on bad input", () => {
  it("names a field that is not a column and lists the columns, in encodings and transforms", () => {
    const message = failure({ mark: "bar", encoding: { x: { field: "segmnt" }, y: { aggregate: "count" } } });
    expect(message).toContain("“segmnt”");
    for (const c of columns) expect(message).toContain(`“${c.name}”`);
    expect(failure({ mark: "bar", transform: [{ filter: { field: "nope", equal: 1 } }], encoding: {} })).toContain(
      "“nope”",
    );
    expect(
      failure({ mark: "bar", encoding: { x: { field: "segment" }, y: { aggregate: "sum", field: "amont" } } }),
    ).toContain("“amont”");
  });

  it("names a field that is not a column in a calculate expression and in a boxplot", () => {
    const calc = { calculate: "datum.amont * 2", as: "twice" };
    const message = failure({ mark: "bar", transform: [calc], encoding: { y: { aggregate: "sum", field: "twice" } } });
    expect(message).toMatch(/^The chart uses the field “amont”, but the data has no such column\. Columns: “segment”/);
    expect(failure({ mark: "boxplot", encoding: { x: { field: "segment" }, y: { field: "amuont" } } })).toContain(
      "“amuont”",
    );
  });

  it("leaves a calculate over text, or dividing by a field, to Vega with a reason", () => {
    for (const calculate of ["datum.segment + 'x'", "datum.amount / datum.qty", "datum.day * 2", "sqrt(datum.qty)"]) {
      const planned = plan({ mark: "point", transform: [{ calculate, as: "c" }], encoding: { x: { field: "c" } } });
      expect(planned.kind, calculate).toBe("raw");
      expect(planned.reason, calculate).toBe("its calculate transform cannot run in the database");
      expect(planned.pushed, calculate).toEqual([]);
    }
  });

  it("refuses an aggregate over a text field other than counting, naming the field and its type", () => {
    const message = failure({
      mark: "bar",
      encoding: { x: { field: "vip" }, y: { aggregate: "sum", field: "segment" } },
    });
    expect(message).toMatch(/sum of “segment”, a VARCHAR column/);
    expect(
      plan({ mark: "bar", encoding: { x: { field: "vip" }, y: { aggregate: "distinct", field: "segment" } } }).kind,
    ).toBe("aggregated");
  });

  it("refuses a timeUnit on a column that is not a date, and a bin over text", () => {
    expect(
      failure({ mark: "line", encoding: { x: { field: "qty", timeUnit: "yearmonth" }, y: { aggregate: "count" } } }),
    ).toMatch(/“yearmonth” on “qty”, a INTEGER column/);
    expect(
      failure({ mark: "bar", encoding: { x: { field: "note", bin: true }, y: { aggregate: "count" } } }),
    ).toContain("bins “note”");
  });
});

describe("planChart values and names stay data", () => {
  it("binds filter values as parameters: a quote in a value is a value", async () => {
    const evil = "a'; DROP TABLE t; --";
    const p = plan({
      mark: "bar",
      transform: [{ filter: { field: "note", oneOf: [evil, "a"] } }],
      encoding: { x: { field: NASTY.replace('"', '\\"') }, y: { aggregate: "count" } },
    });
    expect(p.sql).not.toContain(evil);
    expect(p.params).toEqual([evil, "a"]);
    const rows = await engine.query(p.sql, p.params);
    const expected = await engine.query(`SELECT count(*) AS n FROM t WHERE note = 'a'`);
    expect(rows.column(1).reduce((a, b) => Number(a) + Number(b), 0)).toBe(Number(expected.column(0)[0]));
  });

  it("leaves a filter Vega compares differently (text against a number column) to Vega, with a reason", () => {
    const p = plan({
      mark: "bar",
      transform: [{ filter: { field: "qty", equal: "3" } }],
      encoding: { x: { field: "segment" }, y: { aggregate: "count" } },
    });
    expect(p.kind).toBe("raw");
    expect(p.reason).toContain("filter transform");
    expect(p.spec.transform).toEqual([{ filter: { field: "qty", equal: "3" } }]);
    expect(p.params).toEqual([]);
  });
});

describe("charts over more rows than the cap", () => {
  const schema = (relation = "big") => ({ relation, columns: big });

  it("counts all 10,000,000 rows in the database and sends the chart 7 rows", async () => {
    const chart = await drawChart(
      engine,
      { mark: "bar", encoding: { x: { field: "k" }, y: { aggregate: "count" } } },
      schema(),
      5000,
    );
    expect(chart.plan.kind).toBe("aggregated");
    expect(chart.rows).toBe(7);
    expect(chart.capped).toBe(false);
    const values = (chart.spec.data as { values: { __count: number }[] }).values;
    expect(values.reduce((sum, row) => sum + row.__count, 0)).toBe(10_000_000);
  });

  it("asks for rowCap + 1 rows of a 10,000,000-point scatter and says the cap was hit", async () => {
    const chart = await drawChart(
      engine,
      { mark: "point", encoding: { x: { field: "id" }, y: { field: "k" } } },
      schema(),
      5000,
    );
    expect(chart.plan.kind).toBe("raw");
    expect(chart.plan.reason).toContain("one mark per row");
    expect(chart.plan.sql).toMatch(/LIMIT 5001$/);
    expect(chart.rows).toBe(5000);
    expect(chart.capped).toBe(true);
    expect(chartMessages.rawCapped(chart.plan.reason!, 5000)).toMatch(
      /first 5,000 rows of more: the chart draws one mark/,
    );
  });

  it("says the cap was hit when an aggregate has more groups than the cap", async () => {
    const chart = await drawChart(
      engine,
      { mark: "bar", encoding: { x: { field: "id" }, y: { aggregate: "count" } } },
      schema("mid"),
      100,
    );
    expect(chart.plan.kind).toBe("aggregated");
    expect(chart.rows).toBe(100);
    expect(chart.capped).toBe(true);
  });

  it("offers a hash sample of the raw rows: n rows, the same on every run, spread over the whole table", async () => {
    const p = planChart({ mark: "point", encoding: { x: { field: "id" }, y: { field: "k" } } }, schema("mid"), {
      rowCap: 5000,
    });
    const sql = hashSampleSql(p, ["id", "k"], 1000, 7);
    const first = await engine.query(sql, p.params);
    const second = await engine.query(sql, p.params);
    expect(first.numRows).toBe(1000);
    expect(second.column(0)).toEqual(first.column(0));
    expect(Math.max(...first.column(0).map(Number))).toBeGreaterThan(180_000);
    const other = await engine.query(hashSampleSql(p, ["id", "k"], 1000, 8), p.params);
    expect(other.column(0)).not.toEqual(first.column(0));
  });

  it("offers DuckDB's seeded reservoir sample of n rows", async () => {
    const p = planChart({ mark: "point", encoding: { x: { field: "id" }, y: { field: "k" } } }, schema(), {
      rowCap: 5000,
    });
    const rows = await engine.query(reservoirSampleSql(p, 500, 3), p.params);
    expect(rows.numRows).toBe(500);
  });
});
