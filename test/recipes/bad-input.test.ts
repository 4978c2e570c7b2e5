import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { EXCLUSION, noCustomersToCluster } from "../../src/messages/recipes";
import { modelMessages } from "../../src/messages/models";
import { RECIPES } from "../../src/recipes/registry";
import { TX_COLUMNS, byKey, engineWith, runRecipe, tableSql, txBinding } from "./helpers";

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("ret_orders", TX_COLUMNS, [
      ["A", "2024-11-01", 100, 40],
      ["A", "2024-12-01", 50, 20],
      ["A", "2024-12-20", -30, -12],
      ["A", "2024-12-21", 0, 0],
      ["B", "2024-10-01", 60, 20],
      [null, "2024-10-01", 60, 20],
      ["B", null, 60, 20],
      ["B", "2024-10-05", null, 20],
      ["B", "2025-02-01", 999, 99],
      ["A", "2030-01-01", 999, 99],
    ]),
    tableSql("one_orders", TX_COLUMNS, [
      ["Solo", "2024-05-01", 100, 30],
      ["Solo", "2024-06-01", 50, 10],
    ]),
    tableSql("text_dates", { customer: "VARCHAR", day: "VARCHAR", amount: "DOUBLE", margin: "DOUBLE" }, [
      ["A", "31.12.2024", 10, 1],
      ["B", "2024/12/30", 10, 1],
      ["C", "2024年12月29日", 10, 1],
      ["D", "12/28/2024", 10, 1],
      ["E", "2024-12-27", 10, 1],
    ]),
    tableSql("one_clients", { id: "VARCHAR", industry: "VARCHAR" }, [["Solo", "X"]]),
  );
});
afterAll(() => engine.close());

const tablesFor = (id: string, orders: string) => ({
  transactions: txBinding(orders),
  ...(["attribute-segments"].includes(id)
    ? { customers: { table: "one_clients", roles: { customer_id: "id", industry: "industry" } } }
    : {}),
});

/**
 * Checks the cell errors of a run: none, except for clusters, whose k-means cells (ts) stop with `sentence` by
 * design when there is nothing (or too little) to cluster, and whose later cells say they depend on them.
 */
function expectErrors(id: string, errors: Record<string, string>, sentence: string): void {
  if (id !== "clusters") return void expect(errors).toEqual({});
  expect(errors.clusters_assign).toBe(sentence);
  for (const [cell, message] of Object.entries(errors)) {
    if (message !== sentence)
      expect([cell, message]).toEqual([cell, expect.stringMatching(/^depends on clusters_\w+, which failed$/)]);
  }
}

describe("recipes on bad input", () => {
  it("net returns into value but do not count them as orders or as the last purchase", async () => {
    const out = await runRecipe(engine, "rfm", {
      tables: { transactions: txBinding("ret_orders") },
      params: { analysis_date: "2024-12-31" },
    });
    expect(out.rows.rfm.find((r) => r.customer_id === "A")).toMatchObject({
      frequency: 2,
      monetary: 120,
      recency_days: 30,
    });
    expect(out.cells[0].source).toContain(
      "-- Rows with amount <= 0 (returns, credit notes, cancellations) are netted into revenue and margin",
    );
  });

  it("leave out rows dated after the analysis date, and incomplete rows, and count them by reason", async () => {
    const out = await runRecipe(engine, "abc", {
      tables: { transactions: txBinding("ret_orders") },
      params: { analysis_date: "2024-12-31" },
    });
    expect(byKey(out.rows.abc, "customer_id", "value")).toEqual({ A: 120, B: 60 });
    expect(byKey(out.rows.abc_checks, "check", "rows")).toEqual({
      [EXCLUSION.purchases]: 3,
      [EXCLUSION.returns]: 2,
      [EXCLUSION.noCustomer]: 1,
      [EXCLUSION.noDate]: 1,
      [EXCLUSION.noAmount]: 1,
      [EXCLUSION.afterAnalysisDate]: 2,
    });
  });

  it("take the latest date up to today as the automatic analysis date, so a typo in 2030 is left out and counted", async () => {
    const out = await runRecipe(engine, "abc", { tables: { transactions: txBinding("ret_orders") } });
    expect(out.rows.abc_checks[0].analysis_date).toBe(Date.UTC(2025, 1, 1));
    expect(byKey(out.rows.abc_checks, "check", "rows")[EXCLUSION.afterAnalysisDate]).toBe(1);
  });

  it("read text dates in unambiguous regional forms and count the others as unreadable", async () => {
    const out = await runRecipe(engine, "rfm", {
      tables: { transactions: txBinding("text_dates") },
      params: { analysis_date: "2024-12-31" },
    });
    expect(Object.fromEntries(out.rows.rfm.map((r) => [r.customer_id, r.recency_days]))).toEqual({
      A: 0,
      B: 1,
      C: 2,
      E: 4,
    });
    expect(byKey(out.rows.rfm_checks, "check", "rows")[EXCLUSION.noDate]).toBe(1);
  });

  it.each(RECIPES.map((r) => r.id))(
    "%s: gives empty results and says so when no rows are left after the filters",
    async (id) => {
      const out = await runRecipe(
        engine,
        id,
        { tables: tablesFor(id, "ret_orders"), params: { analysis_date: "2000-01-01" } },
        { allowErrors: true },
      );
      expectErrors(id, out.errors, noCustomersToCluster());
      const checks = out.rows[`${id.replace(/-/g, "_")}_checks`];
      expect(checks[0]).toMatchObject({ check: EXCLUSION.nothingLeft, rows: 0 });
      const main = out.rows[id.replace(/-/g, "_")];
      if (id !== "attribute-segments") expect(main.filter((r) => Number(r.revenue ?? r.orders ?? 0) > 0)).toEqual([]);
    },
  );

  it.each(RECIPES.map((r) => r.id))("%s: runs on one customer only", async (id) => {
    const out = await runRecipe(
      engine,
      id,
      { tables: tablesFor(id, "one_orders"), params: { analysis_date: "2024-12-31" } },
      { allowErrors: true },
    );
    // clusters: k = 4 (the default) cannot be found among one customer, and k-means says so
    expectErrors(id, out.errors, modelMessages.tooFewPoints(4, 1));
    const main = out.rows[id.replace(/-/g, "_")];
    expect(main.length).toBeGreaterThan(0);
    for (const warnings of Object.values(out.chartWarnings)) expect(warnings).toEqual([]);
  });

  it("one customer: ABC class A with the whole value, a value score of 0.5 on every constant indicator", async () => {
    const abc = await runRecipe(engine, "abc", { tables: { transactions: txBinding("one_orders") } });
    expect(abc.rows.abc).toMatchObject([{ customer_id: "Solo", share: 1, cumulative_share: 1, class: "A" }]);
    const score = await runRecipe(engine, "value-score", { tables: { transactions: txBinding("one_orders") } });
    expect(score.rows.value_score).toMatchObject([{ customer_id: "Solo", tier: 1 }]);
    expect(score.rows.value_score[0].score).toBeCloseTo(0.5, 12);
  });
});
