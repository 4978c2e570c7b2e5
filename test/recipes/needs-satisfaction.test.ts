// Recipes 14-17 on hand-computed fixtures: NPS of a known distribution, IPA quadrants, category lift,
// basket support/confidence/lift; bad input: other scales, answers off the scale, too few answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { MARKET_TEXT } from "../../src/messages/recipes/market-inputs";
import { byKey, engineWith, rounded, runRecipe, tableSql, TX_COLUMNS } from "./helpers";

/** The checks' reasons in English, the tests' locale. */
const MARKET_CHECKS = MARKET_TEXT.checks;

const SV = { cust: "VARCHAR", day: "DATE", attr: "VARCHAR", imp: "DOUBLE", sat: "DOUBLE", nps: "DOUBLE" };
const survey = (table: string) => ({
  table,
  roles: { customer_id: "cust", date: "day", attribute: "attr", importance: "imp", satisfaction: "sat", nps: "nps" },
});
const clients = { table: "nps_clients", roles: { customer_id: "id", industry: "seg" } };

let engine: Engine;
beforeAll(async () => {
  // Segment A: ten responses with NPS 10,10,9,8,7,6,5,0,9,10 (a1 answers on two rows, counted once);
  // segment B: b1 satisfaction 6 (off a 1-5 scale), b2 NPS 11 (off 0-10), b3 NPS 3.
  const a = [10, 10, 9, 8, 7, 6, 5, 0, 9, 10];
  const sat = [5, 4, 4, 3, 3, 2, 2, 1, 5, 4];
  engine = await engineWith(
    tableSql("nps_sv", SV, [
      ["a1", "2024-05-01", "x", 4, 5, 10],
      ...a.map((n, i) => [`a${i + 1}`, "2024-05-01", "y", 4, sat[i], n] as const),
      ["b1", "2024-05-01", "y", 4, 6, 10],
      ["b2", "2024-05-01", "y", 4, 3, 11],
      ["b3", "2024-05-01", "y", 4, 2, 3],
    ]),
    tableSql("nps_clients", { id: "VARCHAR", seg: "VARCHAR" }, [
      ...a.map((_, i) => [`a${i + 1}`, "A"]),
      ["b1", "B"],
      ["b2", "B"],
      ["b3", "B"],
    ]),
    tableSql("nps_orders", TX_COLUMNS, [
      ["a1", "2024-12-01", 100, 10],
      ["a8", "2024-01-01", 100, 10],
      ["a4", "2024-12-15", 100, 10],
    ]),
    tableSql("ipa_sv", SV, [
      ["c1", null, "P", 5, 2, null],
      ["c2", null, "P", 5, 2, null],
      ["c3", null, "P", 9, 5, null],
      ["c1", null, "Q", 4, 4, null],
      ["c2", null, "Q", 4, 5, null],
      ["c1", null, "R", 2, 2, null],
      ["c2", null, "R", 2, 3, null],
      ["c1", null, "S", 3, 5, null],
      ["c2", null, "S", 1, 5, null],
      ["c1", null, "T", 5, 1, null],
    ]),
    tableSql("aff_orders", { customer: "VARCHAR", day: "DATE", amount: "DOUBLE", cat: "VARCHAR" }, [
      ["x1", "2024-06-01", 300, "a"],
      ["x2", "2024-06-01", 100, "b"],
      ["y1", "2024-06-01", 100, "a"],
      ["y1", "2024-06-02", 500, "b"],
    ]),
    tableSql("aff_clients", { id: "VARCHAR", seg: "VARCHAR" }, [
      ["x1", "X"],
      ["x2", "X"],
      ["y1", "Y"],
    ]),
    tableSql("bask", { customer: "VARCHAR", day: "DATE", amount: "DOUBLE", ord: "VARCHAR", prod: "VARCHAR" }, [
      ["u", "2024-06-01", 1, "o1", "A"],
      ["u", "2024-06-01", 1, "o1", "B"],
      ["u", "2024-06-02", 1, "o2", "A"],
      ["u", "2024-06-02", 1, "o2", "B"],
      ["u", "2024-06-02", 1, "o2", "C"],
      ["v", "2024-06-03", 1, "o3", "A"],
      ["v", "2024-06-04", 1, "o4", "B"],
      ["v", "2024-06-04", 1, "o4", "C"],
      ["v", "2024-06-05", 1, "o5", "C"],
      ["v", "2024-06-05", -1, "o5", "A"],
    ]),
  );
});
afterAll(() => engine.close());

describe("satisfaction-nps recipe", () => {
  const tables = { survey: survey("nps_sv"), customers: clients };

  it("computes NPS of a known distribution, counts a response once, and withholds a segment with too few answers", async () => {
    const out = await runRecipe(engine, "satisfaction-nps", { tables, params: { min_answers: 5 } });
    const rows = rounded(out.rows.satisfaction_nps);
    expect(rows.map((r) => r.segment)).toEqual(["A", "B", "(all)"]);
    expect(rows[0]).toMatchObject({
      nps_responses: 10,
      promoter_share: 0.5,
      passive_share: 0.2,
      detractor_share: 0.3,
      nps: 20,
      satisfaction_answers: 11,
      mean_satisfaction: Math.round((38 / 11) * 1e6) / 1e6,
      note: "",
    });
    expect(rows[1]).toMatchObject({ nps_responses: 2, nps: null, promoter_share: null, mean_satisfaction: null });
    expect(rows[1].note).toBe(
      "satisfaction: too few answers (2 < 5): not reported; NPS: too few answers (2 < 5): not reported",
    );
    expect(rows[2]).toMatchObject({ nps_responses: 12, nps: 16.666667 });
    expect(out.chartWarnings.satisfaction_nps_chart).toEqual([]);
  });

  it("reports answers off the scale in the checks and reads another scale when told", async () => {
    const out = await runRecipe(engine, "satisfaction-nps", { tables, params: { min_answers: 1 } });
    expect(byKey(out.rows.satisfaction_nps_checks, "check", "rows")).toMatchObject({
      [MARKET_CHECKS.satisfactionOutOfScale]: 1,
      [MARKET_CHECKS.npsOutOfScale]: 1,
      [MARKET_CHECKS.used]: 12,
    });
    const seven = await runRecipe(engine, "satisfaction-nps", { tables, params: { min_answers: 1, scale_max: 7 } });
    expect(byKey(seven.rows.satisfaction_nps, "segment", "satisfaction_answers")).toMatchObject({ B: 3 });
    expect(byKey(seven.rows.satisfaction_nps_checks, "check", "rows")[MARKET_CHECKS.satisfactionOutOfScale]).toBe(0);
    expect(seven.rows.satisfaction_nps_distribution.filter((r) => r.segment === "B").map((r) => r.level)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it("gives churn by satisfaction band when orders are given", async () => {
    const out = await runRecipe(engine, "satisfaction-nps", {
      tables: {
        ...tables,
        transactions: { table: "nps_orders", roles: { customer_id: "customer", date: "day", amount: "amount" } },
      },
      params: { min_answers: 1, analysis_date: "2024-12-31", churn_days: 180 },
    });
    expect(rounded(out.rows.satisfaction_nps_churn)).toEqual([
      { band: "low", customers: 1, churned: 1, churn_rate: 1, note: null },
      { band: "neutral", customers: 1, churned: 0, churn_rate: 0, note: null },
      { band: "high", customers: 1, churned: 0, churn_rate: 0, note: null },
    ]);
  });

  it("refuses a scale whose lowest point is not below its highest", async () => {
    await expect(
      runRecipe(engine, "satisfaction-nps", { tables, params: { scale_min: 5, scale_max: 5 } }),
    ).rejects.toThrow(/lowest point must be below/);
  });
});

describe("importance-performance recipe", () => {
  it("places attributes in the four quadrants at the grand means and leaves out thin attributes and off-scale answers", async () => {
    const out = await runRecipe(engine, "importance-performance", {
      tables: { survey: survey("ipa_sv") },
      params: { min_answers: 2 },
    });
    const rows = rounded(out.rows.importance_performance);
    expect(byKey(rows, "attribute", "quadrant")).toEqual({
      P: "Concentrate here",
      Q: "Keep up the good work",
      R: "Low priority",
      S: "Possible overkill",
      T: "too few answers (1 < 2): not placed",
    });
    expect(rows[0]).toMatchObject({
      attribute: "P",
      answers: 2,
      mean_importance: 5,
      mean_satisfaction: 2,
      grand_importance: 3.25,
      grand_satisfaction: 3.5,
    });
    expect(byKey(out.rows.importance_performance_checks, "check", "rows")[MARKET_CHECKS.importanceOutOfScale]).toBe(1);
    expect(out.rows.importance_performance_placed).toHaveLength(4);
    expect(out.chartWarnings.importance_performance_chart).toEqual([]);
  });
});

describe("category-affinity recipe", () => {
  it("computes lift = segment share / overall share", async () => {
    const out = await runRecipe(engine, "category-affinity", {
      tables: {
        transactions: {
          table: "aff_orders",
          roles: { customer_id: "customer", date: "day", amount: "amount", category: "cat" },
        },
        customers: { table: "aff_clients", roles: { customer_id: "id", industry: "seg" } },
      },
      params: { analysis_date: "2024-12-31", min_customers: 1 },
    });
    expect(rounded(out.rows.category_affinity).map((r) => [r.segment, r.category, r.lift])).toEqual([
      ["X", "a", 1.875],
      ["X", "b", 0.416667],
      ["Y", "a", 0.416667],
      ["Y", "b", 1.388889],
    ]);
    expect(out.chartWarnings.category_affinity_chart).toEqual([]);
  });
});

describe("basket-associations recipe", () => {
  const tables = {
    transactions: {
      table: "bask",
      roles: { customer_id: "customer", date: "day", amount: "amount", order_id: "ord", product: "prod" },
    },
  };

  it("computes support, confidence and lift of a handful of baskets (returns are not purchases)", async () => {
    const out = await runRecipe(engine, "basket-associations", {
      tables,
      params: { analysis_date: "2024-12-31", min_support: 0, min_confidence: 0 },
    });
    const rules = Object.fromEntries(
      rounded(out.rows.basket_associations).map((r) => [r.rule, [r.support, r.confidence, r.lift]]),
    );
    expect(rules["A -> B"]).toEqual([0.4, 0.666667, 1.111111]);
    expect(rules["C -> B"]).toEqual([0.4, 0.666667, 1.111111]);
    expect(rules["A -> C"]).toEqual([0.2, 0.333333, 0.555556]);
    expect(Object.keys(rules)).toHaveLength(6);
    expect(out.chartWarnings.basket_associations_chart).toEqual([]);
  });

  it("keeps rules at or above the minimum support and confidence", async () => {
    const out = await runRecipe(engine, "basket-associations", {
      tables,
      params: { analysis_date: "2024-12-31", min_support: 0.3, min_confidence: 0.5 },
    });
    expect(out.rows.basket_associations.map((r) => r.rule).sort()).toEqual(["A -> B", "B -> A", "B -> C", "C -> B"]);
  });

  it("needs an order id for order baskets, and the item role", async () => {
    await expect(
      runRecipe(engine, "basket-associations", {
        tables: {
          transactions: {
            table: "bask",
            roles: { customer_id: "customer", date: "day", amount: "amount", product: "prod" },
          },
        },
      }),
    ).rejects.toThrow(/order_id/);
    const out = await runRecipe(engine, "basket-associations", {
      tables: {
        transactions: {
          table: "bask",
          roles: { customer_id: "customer", date: "day", amount: "amount", product: "prod" },
        },
      },
      params: { basket: "customer", min_support: 0, min_confidence: 0, analysis_date: "2024-12-31" },
    });
    expect(byKey(out.rows.basket_associations, "rule", "support")["A -> C"]).toBe(1);
  });
});
