// Recipes 18-21 on hand-computed fixtures: win rates and lost-revenue shares by competitor (deals with no
// competitor included), price bands, the SWOT grid quoting the data, market priority weights.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { MARKET_TEXT } from "../../src/messages/recipes/market-inputs";
import { byKey, engineWith, rounded, runRecipe, tableSql, TX_COLUMNS } from "./helpers";

/** The checks' reasons in English, the tests' locale. */
const MARKET_CHECKS = MARKET_TEXT.checks;

const DEAL = {
  id: "VARCHAR",
  cust: "VARCHAR",
  st: "VARCHAR",
  comp: "VARCHAR",
  ours: "DOUBLE",
  theirs: "DOUBLE",
  amt: "DOUBLE",
};
const deals = {
  table: "cb_deals",
  roles: {
    deal_id: "id",
    customer_id: "cust",
    stage: "st",
    competitor: "comp",
    our_price: "ours",
    competitor_price: "theirs",
    amount: "amt",
  },
};
const clients = { table: "cb_clients", roles: { customer_id: "id", industry: "seg", region: "reg" } };

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("cb_deals", DEAL, [
      ["d1", "k1", "won", "PriceRight", 120, 100, 500],
      ["d2", "k1", "lost", "PriceRight", 130, 100, 100],
      ["d3", "k2", "Lost", "PriceRight", 105, 100, 200],
      ["d4", "k2", "won", null, 100, null, 400],
      ["d5", "k3", "lost", " ", 100, null, 50],
      ["d6", "k3", "negotiation", "Globex", 100, 100, 999],
      ["d7", "k3", "lost", "Globex", 80, 100, 150],
      ["d8", "k1", "Closed Won", "Globex", 100, 100, 300],
      [null, "k1", "won", "Globex", 100, 100, 1],
    ]),
    tableSql("cb_clients", { id: "VARCHAR", seg: "VARCHAR", reg: "VARCHAR" }, [
      ["k1", "Retail", "North"],
      ["k2", "Retail", "South"],
      ["k3", "Energy", "South"],
    ]),
    tableSql("mp_orders", TX_COLUMNS, [
      ["k1", "2023-06-01", 100, 50],
      ["k1", "2024-06-01", 200, 80],
      ["k2", "2024-06-01", 100, 10],
      ["k3", "2023-06-01", 100, 20],
      ["k3", "2024-06-01", 100, 30],
    ]),
  );
});
afterAll(() => engine.close());

describe("competitor-breakdown recipe", () => {
  it("gives win rates, lost revenue shares and price indexes by competitor, with no-competitor deals as (none)", async () => {
    const out = await runRecipe(engine, "competitor-breakdown", { tables: { deals, customers: clients } });
    const rows = rounded(out.rows.competitor_breakdown);
    expect(rows.map((r) => [r.competitor, r.deals, r.won, r.lost, r.open, r.win_rate, r.lost_revenue_share])).toEqual([
      ["PriceRight", 3, 1, 2, 0, 0.333333, 0.6],
      ["Globex", 3, 1, 1, 1, 0.5, 0.3],
      ["(none)", 2, 1, 1, 0, 0.5, 0.1],
    ]);
    expect(byKey(rows, "competitor", "price_index")).toEqual({ PriceRight: 1.183333, Globex: 0.9, "(none)": null });
    expect(byKey(out.rows.competitor_breakdown_checks, "check", "rows")).toMatchObject({
      [MARKET_CHECKS.noDeal]: 1,
      [MARKET_CHECKS.noCompetitor]: 2,
    });
    expect(out.chartWarnings.competitor_breakdown_chart).toEqual([]);
  });

  it("gives win rate by segment and the share of contested value by region", async () => {
    const out = await runRecipe(engine, "competitor-breakdown", { tables: { deals, customers: clients } });
    const retail = out.rows.competitor_breakdown_segments.filter((r) => r.segment === "Retail");
    expect(rounded(retail).map((r) => [r.competitor, r.decided, r.win_rate])).toEqual([
      ["(none)", 1, 1],
      ["Globex", 1, 1],
      ["PriceRight", 3, 0.333333],
    ]);
    const south = Object.fromEntries(
      rounded(out.rows.competitor_breakdown_share.filter((r) => r.region === "South")).map((r) => [r.winner, r.share]),
    );
    expect(south).toEqual({ us: 400 / 800, PriceRight: 200 / 800, Globex: 150 / 800, "(none)": 50 / 800 });
  });

  it("works without a competitor column: every deal is (none)", async () => {
    const out = await runRecipe(engine, "competitor-breakdown", {
      tables: { deals: { table: "cb_deals", roles: { deal_id: "id", stage: "st" } } },
      params: { segment_by: "none" },
    });
    expect(rounded(out.rows.competitor_breakdown)).toMatchObject([
      { competitor: "(none)", deals: 8, won: 3, lost: 4, open: 1, win_rate: 0.428571 },
    ]);
  });
});

describe("price-position recipe", () => {
  it("bands deals by price index and gives win rate and won amount per band", async () => {
    const out = await runRecipe(engine, "price-position", { tables: { deals, customers: clients } });
    expect(rounded(out.rows.price_position_bands)).toEqual([
      { price_band: "cheaper", deals: 1, win_rate: 0, won_amount: 0, mean_discount: 0.2 },
      { price_band: "on par", deals: 3, win_rate: 0.5, won_amount: 300, mean_discount: -0.016667 },
      { price_band: "dearer", deals: 2, win_rate: 0.5, won_amount: 500, mean_discount: -0.25 },
    ]);
    expect(byKey(rounded(out.rows.price_position), "segment", "price_index")).toEqual({ Retail: 1.1375, Energy: 0.9 });
    expect(out.chartWarnings.price_position_chart).toEqual([]);
  });
});

describe("swot recipe", () => {
  it("puts entered items and evidence from the deals into a 2 x 2 grid", async () => {
    const out = await runRecipe(engine, "swot", {
      tables: { deals, customers: clients },
      params: { strengths: "Service; Brand", threats: "New entrant", min_deals: 1 },
    });
    expect(out.rows.swot.filter((r) => r.source === "entered").map((r) => [r.quadrant, r.item])).toEqual([
      ["Strengths", "Service"],
      ["Strengths", "Brand"],
      ["Threats", "New entrant"],
    ]);
    const threats = out.rows.swot.filter((r) => r.quadrant === "Threats").map((r) => r.item);
    expect(threats).toContain("PriceRight wins 67 % of the 3 deals decided against us (our price 118 % of theirs)");
    expect(threats).toContain("Retail: we win only 33 % of 3 deals against PriceRight, our price 118 % of theirs");
    expect(out.rows.swot_grid.map((r) => [r.quadrant, r.items])).toEqual([
      ["Strengths", 2],
      ["Weaknesses", 0],
      ["Opportunities", 1],
      ["Threats", 3],
    ]);
    expect(out.rows.swot_grid[1].text).toBe("Weaknesses\n(nothing yet)");
    expect(out.chartWarnings.swot_chart).toEqual([]);
  });

  it("is a grid of entered items alone when no tables are given", async () => {
    const out = await runRecipe(engine, "swot", { tables: {}, params: { opportunities: "Public tenders" } });
    expect(out.rows.swot).toEqual([{ quadrant: "Opportunities", ord: 201, item: "Public tenders", source: "entered" }]);
  });
});

describe("market-priority recipe", () => {
  const tables = {
    transactions: {
      table: "mp_orders",
      roles: { customer_id: "customer", date: "day", amount: "amount", margin: "margin" },
    },
    customers: clients,
    deals,
  };

  it("scores segments on normalized size, growth, competition and fit with the given weights", async () => {
    const out = await runRecipe(engine, "market-priority", {
      tables,
      params: { segments: "industry", analysis_date: "2024-12-31", min_customers: 1 },
    });
    // Retail: size 300, growth 300/100 - 1 = 2, competition 2 of 5 decided lost to a competitor, fit 90/300;
    // Energy: size 100, growth 0, competition 1 of 2, fit 0.3: normalized, Retail is best on size and growth.
    const rows = rounded(out.rows.market_priority);
    expect(rows.map((r) => [r.segment, r.size, r.growth, r.competition, r.fit])).toEqual([
      ["Retail", 300, 2, 0.4, 0.3],
      ["Energy", 100, 0, 0.5, 0.3],
    ]);
    expect(rows.map((r) => r.score)).toEqual([0.3 + 0.3 + 0.2 + 0.2 * 0.5, 0.2 * 0.5]);
    expect(out.chartWarnings.market_priority_chart).toEqual([]);
  });

  it("refuses weights that do not add up to 1", async () => {
    await expect(runRecipe(engine, "market-priority", { tables, params: { w_fit: 0.1 } })).rejects.toThrow(
      /The weights add up to 0.9; they must add up to exactly 1/,
    );
  });
});
