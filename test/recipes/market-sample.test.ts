// Recipes 14-25 on the shipped sample data (survey.csv, deals.csv, receivables.csv next to orders and
// customers): every recipe runs, every result is non-empty, every chart compiles without warnings, the
// planted patterns show, and every recipe round-trips through the notebook file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import type { Engine } from "../../src/engine/engine";
import { CATALOGUE, MARKET_RECIPES, buildRecipe, findRecipe, rebuildRecipe } from "../../src/recipes/registry";
import { parseNotebook } from "../../src/notebook/parse";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { Notebook } from "../../src/notebook/types";
import { engineWith, root, runRecipe } from "./helpers";
import { MARKET, PARAMS, PIPELINE, tablesOf } from "./sample-bindings";

const csv = (file: string) => resolve(root, "public/notebooks", file).replace(/'/g, "''");

let engine: Engine;
beforeAll(async () => {
  const load = (table: string, file: string) => `CREATE TABLE ${table} AS SELECT * FROM read_csv('${csv(file)}')`;
  engine = await engineWith(
    load("orders", "orders.csv"),
    load("customers", "customers.csv"),
    load("survey", "survey.csv"),
    load("deals", "deals.csv"),
    load("pipeline", "deals.csv"),
    load("receivables", "receivables.csv"),
  );
});
afterAll(() => engine.close());

describe("MARKET_RECIPES and CATALOGUE", () => {
  it("lists recipes 14-25 in catalogue order after recipes 1-13, then deal segments, each findable", () => {
    expect(MARKET_RECIPES.map((r) => r.id)).toEqual([
      "satisfaction-nps",
      "importance-performance",
      "category-affinity",
      "basket-associations",
      "competitor-breakdown",
      "swot",
      "market-priority",
      "price-position",
      "account-risk",
      "trend-forecast",
      "funnel",
      "kpi-scorecard",
      "deal-segments",
    ]);
    expect(CATALOGUE.slice(-13)).toEqual(MARKET_RECIPES);
    for (const r of MARKET_RECIPES) expect(findRecipe(r.id)).toBe(r);
  });

  it.each(MARKET_RECIPES.map((r) => r.id))("round-trips %s with its defaults through the notebook file", (id) => {
    const built = buildRecipe(id, { tables: tablesOf(id), params: PARAMS[id] });
    const nb: Notebook = {
      frontMatter: { notebook: 1, data: {}, extra: {} },
      cells: built.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
    };
    const first = parseNotebook(serializeNotebook(nb)).cells[0];
    const roles = (table: string) => [...Object.values(MARKET), PIPELINE].find((b) => b.table === table)?.roles;
    expect(rebuildRecipe(first.attrs, first.name!, roles)).toEqual(built);
  });
});

describe("every market recipe on the sample data", () => {
  it.each(MARKET_RECIPES.map((r) => r.id))(
    "%s runs with its defaults, results non-empty, charts compile without warnings",
    async (id) => {
      const out = await runRecipe(engine, id, { tables: tablesOf(id), params: PARAMS[id] });
      for (const [name, rows] of Object.entries(out.rows)) expect([name, rows.length > 0]).toEqual([name, true]);
      expect(Object.keys(out.chartWarnings).length).toBeGreaterThan(0);
      for (const [name, warnings] of Object.entries(out.chartWarnings)) expect([name, warnings]).toEqual([name, []]);
      expect(out.cells.at(-1)!.name).toBe(`${id.replace(/-/g, "_")}_checks`);
    },
  );

  it("shows the planted patterns: the support gap, PriceRight winning Retail on price, the overdue key account", async () => {
    const ipa = await runRecipe(engine, "importance-performance", { tables: tablesOf("importance-performance") });
    expect(ipa.rows.importance_performance[0]).toMatchObject({
      attribute: "Support responsiveness",
      quadrant: "Concentrate here",
    });
    const comp = await runRecipe(engine, "competitor-breakdown", { tables: tablesOf("competitor-breakdown") });
    const retail = comp.rows.competitor_breakdown_segments.find(
      (r) => r.segment === "Retail" && r.competitor === "PriceRight",
    )!;
    expect(Number(retail.win_rate)).toBeLessThan(0.2);
    expect(Number(retail.price_index)).toBeGreaterThan(1.25);
    const risk = await runRecipe(engine, "account-risk", { tables: tablesOf("account-risk") });
    expect(risk.rows.account_risk[0]).toMatchObject({ customer_id: "C00971", level: "red" });
    expect(Number(risk.rows.account_risk[0].days_overdue)).toBeGreaterThan(90);
  });
});
