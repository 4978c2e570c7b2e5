import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { compileCell } from "../../src/compile/compile";
import { buildRecipe } from "../../src/recipes/registry";
import { TX_COLUMNS, engineWith, rounded, runRecipe, tableSql, txBinding } from "./helpers";

// Purchase months in 2024: A Jan-Apr, B Jan + Mar, C Jan, D Feb-Apr, E Apr.
const MONTHS: Record<string, number[]> = { A: [1, 2, 3, 4], B: [1, 3], C: [1], D: [2, 3, 4], E: [4] };

// Purchase months in 2024 with gaps at the window's edge (active_window = 2): P Jan + Mar (in the base without a
// break), Q Jan + Apr (out in Mar, back in Apr), R Feb, S Jan + Feb + Jun.
const GAPS: Record<string, number[]> = { P: [1, 3], Q: [1, 4], R: [2], S: [1, 2, 6] };

let engine: Engine;
beforeAll(async () => {
  const rows = Object.entries(MONTHS).flatMap(([id, months]) => months.map((m) => [id, `2024-0${m}-10`, 100, 10]));
  const gaps = Object.entries(GAPS).flatMap(([id, months]) => months.map((m) => [id, `2024-0${m}-10`, 100, 10]));
  engine = await engineWith(tableSql("ret_orders", TX_COLUMNS, rows), tableSql("gap_orders", TX_COLUMNS, gaps));
});
afterAll(() => engine.close());

const run = (params: Record<string, unknown>) =>
  runRecipe(engine, "retention", {
    tables: { transactions: txBinding("ret_orders") },
    params: { period: "month", active_window: 1, ...params },
  });

describe("retention recipe", () => {
  it("computes churn, retention and growth of a hand-built cohort", async () => {
    const out = await run({ analysis_date: "2024-04-30" });
    expect(
      rounded(out.rows.retention, 4).map(({ period_start, ...r }) => [
        new Date(period_start as number).toISOString().slice(0, 7),
        r,
      ]),
    ).toEqual([
      [
        "2024-01",
        {
          at_start: 0,
          new_customers: 3,
          lost: 0,
          at_end: 3,
          churn_rate: null,
          retention_rate: null,
          growth_rate: null,
        },
      ],
      [
        "2024-02",
        {
          at_start: 3,
          new_customers: 1,
          lost: 2,
          at_end: 2,
          churn_rate: 0.6667,
          retention_rate: 0.3333,
          growth_rate: -0.3333,
        },
      ],
      [
        "2024-03",
        { at_start: 2, new_customers: 0, lost: 0, at_end: 3, churn_rate: 0, retention_rate: 1, growth_rate: 0.5 },
      ],
      [
        "2024-04",
        {
          at_start: 3,
          new_customers: 1,
          lost: 1,
          at_end: 3,
          churn_rate: 0.3333,
          retention_rate: 0.6667,
          growth_rate: 0,
        },
      ],
    ]);
    expect(out.chartWarnings).toEqual({ retention_heatmap: [], retention_curve_chart: [], retention_chart: [] });
  });

  it("builds the cohort matrix and the average retention curve", async () => {
    const out = await run({ analysis_date: "2024-04-30" });
    const matrix = out.rows.retention_cohorts.map((r) => [
      new Date(r.cohort as number).toISOString().slice(0, 7),
      r.k,
      r.cohort_size,
      r.active,
    ]);
    expect(matrix).toEqual([
      ["2024-01", 0, 3, 3],
      ["2024-01", 1, 3, 1],
      ["2024-01", 2, 3, 2],
      ["2024-01", 3, 3, 1],
      ["2024-02", 0, 1, 1],
      ["2024-02", 1, 1, 1],
      ["2024-02", 2, 1, 1],
      ["2024-04", 0, 1, 1],
    ]);
    expect(rounded(out.rows.retention_curve, 4)).toEqual([
      { k: 0, share: 1, cohorts: 3 },
      { k: 1, share: 0.5, cohorts: 2 },
      { k: 2, share: 0.75, cohorts: 2 },
      { k: 3, share: 0.3333, cohorts: 1 },
    ]);
  });

  it("leaves out a period still running and keeps customers in the base for the active window", async () => {
    const partial = await run({ analysis_date: "2024-04-15" });
    expect(partial.rows.retention).toHaveLength(3);
    const window2 = await run({ analysis_date: "2024-04-30", active_window: 2 });
    // Base in February: bought in January or February = A, B, C, D; in March: A, B, D; lost in March: C.
    expect(window2.rows.retention.map((r) => [r.at_end, r.lost])).toEqual([
      [3, 0],
      [4, 0],
      [3, 1],
      [4, 0],
    ]);
  });

  it("groups the orders into purchase periods once: the churn and cohort cells read the cell retention_active", async () => {
    const cells = buildRecipe("retention", {
      tables: { transactions: txBinding("ret_orders") },
      params: { period: "month", active_window: 1 },
    });
    const readers = (name: string) =>
      cells
        .filter((c) =>
          compileCell({
            id: c.name ?? "",
            kind: c.kind,
            name: c.name,
            attrs: c.attrs ?? {},
            source: c.source,
          }).references.includes(name),
        )
        .map((c) => c.name);
    expect(readers("retention_active")).toEqual(["retention", "retention_cohorts"]);
    // The purchase periods are computed in that one cell only.
    expect(cells.filter((c) => c.source.includes("SELECT DISTINCT customer_id")).map((c) => c.name)).toEqual([
      "retention_active",
    ]);
    const out = await run({ analysis_date: "2024-04-30" });
    // One row per customer and month bought in: A 4, B 2, C 1, D 3, E 1.
    expect(out.rows.retention_active).toHaveLength(11);
  });

  it("counts leavers and returners at the edge of a 2-period window", async () => {
    const out = await runRecipe(engine, "retention", {
      tables: { transactions: txBinding("gap_orders") },
      params: { period: "month", active_window: 2, analysis_date: "2024-06-30" },
    });
    // Base at the end of Jan: P, Q, S; Feb: P, Q, R, S; Mar: P, R, S (Q lost); Apr: P, Q (R, S lost; Q back);
    // May: Q (P lost); Jun: S (Q lost; S back).
    expect(out.rows.retention.map((r) => [r.at_start, r.new_customers, r.lost, r.at_end])).toEqual([
      [0, 3, 0, 3],
      [3, 1, 0, 4],
      [4, 0, 1, 3],
      [3, 0, 2, 2],
      [2, 0, 1, 1],
      [1, 0, 1, 1],
    ]);
  });
});
