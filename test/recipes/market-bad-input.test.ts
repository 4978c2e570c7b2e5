// Recipes 14-25 on tables with nothing usable left (empty, or every row off the scale or incomplete):
// each runs without an error, and its checks say that nothing was left to analyse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { EXCLUSION } from "../../src/messages/recipes";
import { MARKET_TEXT } from "../../src/messages/recipes/market-inputs";
import { MARKET_RECIPES, findRecipe } from "../../src/recipes/registry";
import { engineWith, runRecipe, tableSql, TX_COLUMNS } from "./helpers";

/** The checks' reasons in English, the tests' locale. */
const MARKET_CHECKS = MARKET_TEXT.checks;

const ROLES: Record<string, { table: string; roles: Record<string, string> }> = {
  transactions: {
    table: "bad_orders",
    roles: {
      customer_id: "customer",
      date: "day",
      amount: "amount",
      margin: "margin",
      category: "cat",
      order_id: "ord",
      product: "cat",
    },
  },
  customers: { table: "bad_clients", roles: { customer_id: "id", industry: "seg" } },
  survey: {
    table: "bad_sv",
    roles: { customer_id: "cust", attribute: "attr", importance: "imp", satisfaction: "sat", nps: "nps" },
  },
  deals: {
    table: "bad_deals",
    roles: {
      deal_id: "id",
      stage: "st",
      customer_id: "cust",
      competitor: "comp",
      our_price: "ours",
      competitor_price: "theirs",
      amount: "amt",
    },
  },
  receivables: { table: "bad_ar", roles: { customer_id: "cust", due_date: "due", amount: "amt", paid_date: "paid" } },
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("bad_orders", { ...TX_COLUMNS, cat: "VARCHAR", ord: "VARCHAR" }, [
      ["A", "2030-01-01", 10, 1, "x", "o1"],
      [null, "2024-01-01", 10, 1, "x", "o2"],
    ]),
    tableSql("bad_clients", { id: "VARCHAR", seg: "VARCHAR" }, [["A", "X"]]),
    tableSql("bad_sv", { cust: "VARCHAR", attr: "VARCHAR", imp: "DOUBLE", sat: "DOUBLE", nps: "DOUBLE" }, [
      ["A", "q", 0, 9, 12],
      ["B", "q", 2.5, 6, -1],
      [null, "q", 3, 3, 5],
    ]),
    tableSql(
      "bad_deals",
      {
        id: "VARCHAR",
        st: "VARCHAR",
        cust: "VARCHAR",
        comp: "VARCHAR",
        ours: "DOUBLE",
        theirs: "DOUBLE",
        amt: "DOUBLE",
      },
      [[null, "won", "A", "X", 1, 1, 1]],
    ),
    tableSql("bad_ar", { cust: "VARCHAR", due: "DATE", paid: "DATE", amt: "DOUBLE" }, [
      [null, "2024-01-01", null, 5],
      ["A", null, null, 5],
      ["A", "2024-01-01", null, null],
    ]),
  );
});
afterAll(() => engine.close());

const PARAMS: Record<string, Record<string, string>> = {
  "basket-associations": { basket: "customer" },
  "trend-forecast": { analysis_date: "2024-12-31" },
  "market-priority": { segments: "industry" },
};

describe("market recipes with nothing usable", () => {
  const ids = MARKET_RECIPES.map((r) => r.id).filter((id) => id !== "swot");
  it.each(ids)("%s runs and its checks say nothing is left", async (id) => {
    const tables = Object.fromEntries(findRecipe(id)!.inputs.map((s) => [s.name, ROLES[s.name]]));
    const out = await runRecipe(engine, id, { tables, params: PARAMS[id] });
    const checks = out.rows[`${id.replace(/-/g, "_")}_checks`];
    expect([EXCLUSION.nothingLeft, MARKET_CHECKS.nothingLeft]).toContain(checks[0].check);
    for (const warnings of Object.values(out.chartWarnings)) expect(warnings).toEqual([]);
  });

  it("reports every survey answer off the scale and shows no misleading percentage", async () => {
    const out = await runRecipe(engine, "satisfaction-nps", {
      tables: { survey: ROLES.survey },
      params: { segment_by: "none", min_answers: 1 },
    });
    expect(out.rows.satisfaction_nps.at(-1)).toMatchObject({
      segment: "(all)",
      nps: null,
      mean_satisfaction: null,
      satisfaction_answers: 0,
      nps_responses: 0,
    });
    expect(out.rows.satisfaction_nps_checks.find((r) => r.check === MARKET_CHECKS.satisfactionOutOfScale)!.rows).toBe(
      2,
    );
  });
});
