// Deal-level segments and the funnel's per-stage dates on hand-computed fixtures: win rate, cycle time and deal
// value by sales agent and by product (2024 is a leap year: 1 Feb -> 2 Mar is 30 days), a deal counted at a
// stage when it has that stage's date, and the bad inputs refused with a sentence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { buildRecipe, rebuildRecipe } from "../../src/recipes/registry";
import { checkRoles } from "../../src/recipes/recipe";
import { paramReader } from "../../src/recipes/params";
import { dealSegments } from "../../src/recipes/catalogue/deal-segments";
import { byKey, engineWith, rounded, runRecipe, tableSql } from "./helpers";

const DEAL = {
  id: "VARCHAR",
  stage: "VARCHAR",
  agent: "VARCHAR",
  product: "VARCHAR",
  created: "DATE",
  closed: "DATE",
  value: "DOUBLE",
};
const deals = {
  table: "ds_deals",
  roles: {
    deal_id: "id",
    stage: "stage",
    owner: "agent",
    product: "product",
    created: "created",
    closed: "closed",
    amount: "value",
  },
};
const PIPE = { opportunity_id: "VARCHAR", deal_stage: "VARCHAR", engage_date: "VARCHAR", close_date: "DATE" };
const pipeline = { table: "ds_pipeline", roles: { deal_id: "opportunity_id", stage: "deal_stage" } };

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("ds_deals", DEAL, [
      ["D1", "Won", "Ann", "GTX", "2024-01-01", "2024-01-11", 100],
      ["D2", "Lost", "Ann", "GTX", "2024-01-01", "2024-01-21", 200],
      ["D3", "won", "Bob", "MG", "2024-02-01", "2024-03-02", 300],
      ["D4", "Engaging", "Bob", "MG", "2024-02-01", null, 400],
      ["D5", "Won", "Bob", "GTX", "2024-01-01", "2024-01-31", 500],
      ["D6", "Won", null, "GTX", "2024-01-01", null, 50],
    ]),
    tableSql("ds_pipeline", PIPE, [
      ["P1", "Prospecting", null, null],
      ["P2", "Engaging", "2024-01-05", null],
      ["P3", "Won", "2024-01-03", "2024-02-01"],
      ["P4", "Lost", "2024-01-04", "2024-02-02"],
      ["P5", "Lost", null, "2024-01-10"],
      ["P6", "Lost", "not a date", "2024-01-10"],
    ]),
  );
});
afterAll(() => engine.close());

const row = (rows: Record<string, unknown>[], segment: string) => rows.find((r) => r.segment === segment)!;

describe("deal-segments recipe", () => {
  it("gives win rate, cycle time and deal value by sales agent", async () => {
    const out = await runRecipe(engine, "deal-segments", { tables: { deals }, params: { segment_by: "owner" } });
    const rows = rounded(out.rows.deal_segments);
    expect(rows.map((r) => r.segment)).toEqual(["(unknown)", "Bob", "Ann"]);
    expect(row(rows, "Ann")).toMatchObject({
      deals: 2,
      won: 1,
      lost: 1,
      open: 0,
      win_rate: 0.5,
      median_cycle_days: 10,
      mean_won_value: 100,
      won_value: 100,
    });
    expect(row(rows, "Bob")).toMatchObject({
      deals: 3,
      won: 2,
      lost: 0,
      open: 1,
      win_rate: 1,
      median_cycle_days: 30,
      mean_cycle_days: 30,
      mean_won_value: 400,
      won_value: 800,
    });
    // D6 is won but has no close date: it counts as won, not in the cycle time.
    expect(row(rows, "(unknown)")).toMatchObject({ deals: 1, won: 1, median_cycle_days: null, won_value: 50 });
    expect(out.chartWarnings.deal_segments_chart).toEqual([]);
  });

  it("gives the same by product", async () => {
    const out = await runRecipe(engine, "deal-segments", { tables: { deals }, params: { segment_by: "product" } });
    const rows = rounded(out.rows.deal_segments);
    expect(byKey(rows, "segment", "win_rate")).toEqual({ GTX: 0.75, MG: 1 });
    expect(byKey(rows, "segment", "median_cycle_days")).toEqual({ GTX: 20, MG: 30 });
  });

  it("asks for the role a deal segment needs", () => {
    const problems = checkRoles(dealSegments, { deals: pipeline }, paramReader({ segment_by: "source" }));
    expect(problems.map((p) => p.roles)).toEqual([["source"]]);
    expect(problems[0].message).toContain("ds_pipeline");
  });
});

describe("funnel with per-stage dates", () => {
  const stages = "prospecting,engaging,won";

  it("without dates, a lost deal counts at the first stage only", async () => {
    const out = await runRecipe(engine, "funnel", { tables: { deals: pipeline }, params: { stages } });
    expect(byKey(out.rows.funnel, "stage", "reached")).toEqual({ prospecting: 6, engaging: 2, won: 1 });
  });

  it("counts a deal at a stage when it has that stage's date (unreadable dates are not a date)", async () => {
    const out = await runRecipe(engine, "funnel", {
      tables: { deals: pipeline },
      params: { stages, stage_dates: "engaging=engage_date" },
    });
    const rows = rounded(out.rows.funnel);
    expect(byKey(rows, "stage", "reached")).toEqual({ prospecting: 6, engaging: 3, won: 1 });
    expect(byKey(rows, "stage", "conversion")).toEqual({ prospecting: null, engaging: 0.5, won: 0.333333 });
  });

  it("keeps the per-stage dates in the info string and refuses a stage that is not listed", () => {
    const cells = buildRecipe("funnel", {
      tables: { deals: pipeline },
      params: { stages, stage_dates: "engaging=engage_date" },
    });
    expect(cells[0].attrs?.stage_dates).toBe("engaging=engage_date");
    const again = rebuildRecipe(cells[0].attrs!, cells[0].name!, () => pipeline.roles);
    expect(again?.map((c) => c.source)).toEqual(cells.map((c) => c.source));
    expect(() =>
      buildRecipe("funnel", { tables: { deals: pipeline }, params: { stages, stage_dates: "demo=demo_date" } }),
    ).toThrow(
      /"demo=demo_date" cannot be read as per-stage dates: write stage=column pairs .* each stage one of prospecting, engaging, won/,
    );
  });
});
