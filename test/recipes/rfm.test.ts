import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { DEFAULT_RULES, formatRules, parseRules, validateRules } from "../../src/recipes/catalogue/rfm-rules";
import { TX_COLUMNS, addDays, engineWith, runRecipe, tableSql, txBinding } from "./helpers";

// Ten customers: [id, recency days, orders, total amount] as of 2024-12-31 (hand-scored below).
const CUSTOMERS: [string, number, number, number][] = [
  ["C01", 1, 5, 500],
  ["C02", 10, 4, 400],
  ["C03", 20, 4, 300],
  ["C04", 30, 3, 300],
  ["C05", 45, 2, 250],
  ["C06", 60, 2, 200],
  ["C07", 90, 1, 150],
  ["C08", 120, 1, 100],
  ["C09", 200, 1, 50],
  ["C10", 365, 1, 20],
];
const rows = CUSTOMERS.flatMap(([id, recency, orders, total]) =>
  Array.from({ length: orders }, (_, i) => [
    id,
    addDays("2024-12-31", -recency - 7 * i),
    total / orders,
    total / orders / 2,
  ]),
);

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(tableSql("orders", TX_COLUMNS, rows));
});
afterAll(() => engine.close());

const scores = async (scoring: string) => {
  const out = await runRecipe(engine, "rfm", {
    tables: { transactions: txBinding() },
    params: { analysis_date: "2024-12-31", scoring },
  });
  return { out, byId: Object.fromEntries(out.rows.rfm.map((r) => [r.customer_id, `${r.r}${r.f}${r.m}`])) };
};

describe("rfm recipe, quintile scoring", () => {
  it("scores by ntile(5) with ties broken by customer id, recency reversed", async () => {
    const { out, byId } = await scores("quintile");
    expect(byId).toEqual({
      C01: "555",
      C02: "545",
      C03: "454",
      C04: "444",
      C05: "333",
      C06: "333",
      C07: "212",
      C08: "212",
      C09: "121",
      C10: "121",
    });
    expect(out.rows.rfm.find((r) => r.customer_id === "C05")).toMatchObject({
      recency_days: 45,
      frequency: 2,
      monetary: 250,
    });
  });

  it("names segments from the default rule table, heat map and segment counts consistent", async () => {
    const { out } = await scores("quintile");
    const seg = Object.fromEntries(out.rows.rfm.map((r) => [r.customer_id, r.segment]));
    expect(seg).toEqual({
      C01: "Champions",
      C02: "Champions",
      C03: "Loyal",
      C04: "Loyal",
      C05: "Need attention",
      C06: "Need attention",
      C07: "Hibernating",
      C08: "Hibernating",
      C09: "Lost",
      C10: "Lost",
    });
    expect(out.rows.rfm_grid).toHaveLength(25);
    expect(out.rows.rfm_grid.reduce((s, r) => s + Number(r.customers), 0)).toBe(10);
    expect(out.rows.rfm_grid.find((r) => r.r === 5 && r.f === 5)?.customers).toBe(1);
    expect(out.rows.rfm_segments.map((r) => [r.segment, r.customers])).toEqual([
      ["Champions", 2],
      ["Hibernating", 2],
      ["Lost", 2],
      ["Loyal", 2],
      ["Need attention", 2],
    ]);
    expect(out.chartWarnings).toEqual({ rfm_heatmap: [], rfm_chart: [] });
  });
});

describe("rfm recipe, R package rfm convention", () => {
  it("cuts at R's type-7 quantiles + 1, equal values sharing a score", async () => {
    // recency breaks 19, 40, 73, 137; frequency 2, 2.6, 3.4, 5; monetary 91, 181, 271, 321 (worked by hand).
    const { byId } = await scores("rfm_package");
    expect(byId).toEqual({
      C01: "555",
      C02: "545",
      C03: "444",
      C04: "434",
      C05: "323",
      C06: "323",
      C07: "212",
      C08: "212",
      C09: "111",
      C10: "111",
    });
  });

  it("matches the package's example segment table when asked for it (first matching rule kept, as there)", async () => {
    const out = await runRecipe(engine, "rfm", {
      tables: { transactions: txBinding() },
      params: { analysis_date: "2024-12-31", scoring: "rfm_package", segments: "rfm_package" },
    });
    const seg = Object.fromEntries(out.rows.rfm.map((r) => [r.customer_id, r.segment]));
    expect(seg).toEqual({
      C01: "Champions",
      C02: "Potential Loyalist",
      C03: "Potential Loyalist",
      C04: "Potential Loyalist",
      C05: "Loyal Customers",
      C06: "Loyal Customers",
      C07: "About To Sleep",
      C08: "About To Sleep",
      C09: "Lost",
      C10: "Lost",
    });
  });
});

describe("parseRules(text) / formatRules(rules)", () => {
  it("round-trips a rule table and names the presets", () => {
    const text = "Top:5-5/4-5/1-5;Rest:1-5/1-5/1-5";
    expect(formatRules(parseRules(text))).toBe(text);
    expect(formatRules(DEFAULT_RULES)).toBe("standard");
    expect(parseRules("standard")).toEqual(DEFAULT_RULES);
  });

  it("refuses unreadable rules and ranges outside 1-5", () => {
    expect(() => parseRules("Top:5/4")).toThrow(/cannot be read/);
    expect(validateRules(parseRules("Top:0-6/1-5/1-5"))).toEqual([
      'The rule for "Top" has a score range outside 1-5 or with the low end above the high end.',
    ]);
  });

  it("covers every one of the 125 score combinations with the default table", () => {
    const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++)
          expect([r, f, m, DEFAULT_RULES.some((g) => within(r, g.r) && within(f, g.f) && within(m, g.m))]).toEqual([
            r,
            f,
            m,
            true,
          ]);
  });
});
