import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { TX_COLUMNS, byKey, engineWith, rounded, runRecipe, tableSql, txBinding } from "./helpers";

const CUST_COLUMNS = { id: "VARCHAR", industry: "VARCHAR", size: "VARCHAR", region: "VARCHAR", country: "VARCHAR" };
const customers = {
  table: "clients",
  roles: { customer_id: "id", industry: "industry", size: "size", region: "region", country: "country" },
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("clients", CUST_COLUMNS, [
      ["A", "X", "60000000", "North", "DE"],
      ["B", "X", "20000000", "South", "DE"],
      ["C", "Y", "5000000", "Tirol", "AT"],
      ["D", "Y", "small", "Bavaria", "DE"],
      ["F", null, null, "North", "DE"],
    ]),
    tableSql("seg_orders", TX_COLUMNS, [
      ["A", "2024-06-01", 100, 10],
      ["B", "2024-06-01", 50, 5],
      ["C", "2024-06-01", 30, 3],
      ["E", "2024-06-01", 20, 2],
    ]),
    // behaviour types: L loyal (3 quarters of 2024), D drifting, X lapsed, R lapsed (a 2024 return is no purchase), P potential
    tableSql("beh_orders", TX_COLUMNS, [
      ["L", "2024-02-01", 10, 1],
      ["L", "2024-05-01", 10, 1],
      ["L", "2024-08-01", 10, 1],
      ["D", "2023-05-01", 10, 1],
      ["D", "2024-11-01", 10, 1],
      ["X", "2023-06-01", 10, 1],
      ["R", "2023-06-01", 10, 1],
      ["R", "2024-06-01", -10, -1],
    ]),
    tableSql("beh_clients", CUST_COLUMNS, [
      ["L", null, null, null, null],
      ["P", null, null, null, null],
    ]),
    // lifecycle as of 2024-12-31, periods of 6 months
    tableSql("life_orders", TX_COLUMNS, [
      ["N", "2024-09-01", 100, 10],
      ["G", "2023-01-01", 100, 10],
      ["G", "2024-03-01", 100, 10],
      ["G", "2024-09-01", 150, 15],
      ["M", "2023-01-01", 100, 10],
      ["M", "2024-03-01", 100, 10],
      ["M", "2024-09-01", 110, 11],
      ["D", "2023-01-01", 100, 10],
      ["D", "2024-03-01", 100, 10],
      ["D", "2024-09-01", 50, 5],
      ["Q", "2023-01-01", 100, 10],
      ["Q", "2024-03-01", 100, 10],
      ["Z", "2023-01-01", 100, 10],
    ]),
    tableSql("life_clients", CUST_COLUMNS, [["P", null, null, null, null]]),
    // activity x loyalty as of 2024-12-31
    tableSql("act_orders", TX_COLUMNS, [
      ...Array.from(
        { length: 12 },
        (_, i) => ["A", `2024-${String(i + 1).padStart(2, "0")}-15`, 10, 1] as [string, string, number, number],
      ),
      ["B", "2020-01-15", 10, 1],
      ["B", "2024-11-01", 10, 1],
      ["B", "2024-12-01", 10, 1],
      ...Array.from(
        { length: 12 },
        (_, i) => ["C", `2023-${String(i + 1).padStart(2, "0")}-15`, 10, 1] as [string, string, number, number],
      ),
      ["D", "2022-06-01", 10, 1],
    ]),
  );
});
afterAll(() => engine.close());

const segments = (by: string, params: Record<string, unknown> = {}) =>
  runRecipe(engine, "attribute-segments", {
    tables: { customers, transactions: txBinding("seg_orders") },
    params: { by, analysis_date: "2024-12-31", ...params },
  });

describe("attribute-segments recipe", () => {
  it("counts customers and shares revenue and margin by industry, buyers missing from the customers table apart", async () => {
    const out = await segments("industry");
    expect(rounded(out.rows.attribute_segments)).toEqual([
      {
        segment: "X",
        customers: 2,
        customer_share: 0.333333,
        buyers: 2,
        revenue: 150,
        revenue_share: 0.75,
        margin: 15,
        margin_share: 0.75,
      },
      {
        segment: "Y",
        customers: 2,
        customer_share: 0.333333,
        buyers: 1,
        revenue: 30,
        revenue_share: 0.15,
        margin: 3,
        margin_share: 0.15,
      },
      {
        segment: "(not in customers table)",
        customers: 1,
        customer_share: 0.166667,
        buyers: 1,
        revenue: 20,
        revenue_share: 0.1,
        margin: 2,
        margin_share: 0.1,
      },
      {
        segment: "(unknown)",
        customers: 1,
        customer_share: 0.166667,
        buyers: 0,
        revenue: 0,
        revenue_share: null,
        margin: 0,
        margin_share: null,
      },
    ]);
    expect(out.chartWarnings.attribute_segments_chart).toEqual([]);
  });

  it("bands numeric sizes at the thresholds and keeps text sizes as written", async () => {
    const out = await segments("size");
    expect(byKey(out.rows.attribute_segments, "segment", "customers")).toEqual({
      large: 1,
      medium: 1,
      small: 2,
      "(not in customers table)": 1,
      "(unknown)": 1,
    });
    expect(byKey(out.rows.attribute_segments, "segment", "revenue")).toMatchObject({
      large: 100,
      medium: 50,
      small: 30,
    });
  });

  it("places customers local / regional / national / international around the most common region and country", async () => {
    const out = await segments("geography", { nearby_regions: "Bavaria, Saxony" });
    expect(byKey(out.rows.attribute_segments, "segment", "customers")).toEqual({
      local: 2,
      national: 1,
      international: 1,
      regional: 1,
      "(not in customers table)": 1,
    });
  });
});

describe("behaviour-types recipe", () => {
  it("tells loyal, drifting, lapsed and potential customers apart", async () => {
    const out = await runRecipe(engine, "behaviour-types", {
      tables: {
        transactions: txBinding("beh_orders"),
        customers: { table: "beh_clients", roles: { customer_id: "id" } },
      },
      params: { analysis_date: "2024-12-31", period: "quarter", n: 4, k: 3 },
    });
    expect(byKey(out.rows.behaviour_types, "customer_id", "type")).toEqual({
      L: "loyal",
      D: "drifting",
      X: "lapsed",
      R: "lapsed",
      P: "potential",
    });
    expect(out.rows.behaviour_types_types.map((r) => [r.type, r.customers, r.window_revenue])).toEqual([
      ["loyal", 1, 30],
      ["drifting", 1, 10],
      ["lapsed", 2, -10],
      ["potential", 1, 0],
    ]);
    expect(out.chartWarnings.behaviour_types_chart).toEqual([]);
  });
});

describe("lifecycle recipe", () => {
  it("stages crafted customers from tenure and spend trend", async () => {
    const out = await runRecipe(engine, "lifecycle", {
      tables: {
        transactions: txBinding("life_orders"),
        customers: { table: "life_clients", roles: { customer_id: "id" } },
      },
      params: { analysis_date: "2024-12-31" },
    });
    expect(byKey(out.rows.lifecycle, "customer_id", "stage")).toEqual({
      N: "new",
      G: "growing",
      M: "mature",
      D: "declining",
      Q: "declining",
      Z: "dormant",
      P: "prospect",
    });
    expect(byKey(out.rows.lifecycle, "customer_id", "spend_change")).toMatchObject({ G: 0.5, D: -0.5, Q: -1 });
    expect(out.rows.lifecycle_stages.map((r) => r.customers)).toEqual([1, 1, 1, 1, 2, 1]);
    expect(out.chartWarnings.lifecycle_chart).toEqual([]);
  });
});

describe("activity-loyalty recipe", () => {
  it("places customers in the 2 x 2 at set cut points", async () => {
    const out = await runRecipe(engine, "activity-loyalty", {
      tables: { transactions: txBinding("act_orders") },
      params: { analysis_date: "2024-12-31", activity_cut: 2, loyalty_cut: 0.5 },
    });
    expect(byKey(out.rows.activity_loyalty, "customer_id", "quadrant")).toEqual({
      A: "core: active and loyal",
      B: "new or opportunistic: active, not yet loyal",
      C: "fading loyal: loyal, less active",
      D: "occasional: neither",
    });
    expect(
      rounded(out.rows.activity_loyalty.map((r) => ({ id: r.customer_id, activity: r.activity, loyalty: r.loyalty }))),
    ).toEqual([
      { id: "A", activity: 12, loyalty: 1 },
      { id: "B", activity: 2, loyalty: 0.05 },
      { id: "C", activity: 0, loyalty: 0.5 },
      { id: "D", activity: 0, loyalty: 0.032258 },
    ]);
    expect(out.chartWarnings.activity_loyalty_chart).toEqual([]);
  });

  it("splits at the medians by default", async () => {
    const out = await runRecipe(engine, "activity-loyalty", {
      tables: { transactions: txBinding("act_orders") },
      params: { analysis_date: "2024-12-31" },
    });
    expect(out.rows.activity_loyalty[0]).toMatchObject({ activity_cut: 1, loyalty_cut: 0.275 });
  });
});
