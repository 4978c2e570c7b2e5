// Recipes 22-25 on hand-computed fixtures: overdue days across month ends and leap years, open invoices
// without a paid date, risk levels at the thresholds, exact forecasts of a linear series, funnel conversion
// with skipped stages, KPIs against targets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { MARKET_TEXT } from "../../src/messages/recipes/market-inputs";
import { byKey, engineWith, rounded, runRecipe, tableSql, TX_COLUMNS } from "./helpers";

/** The checks' reasons in English, the tests' locale. */
const MARKET_CHECKS = MARKET_TEXT.checks;

const REC = { cust: "VARCHAR", due: "DATE", paid: "DATE", amt: "DOUBLE" };
const receivables = { table: "ar", roles: { customer_id: "cust", due_date: "due", paid_date: "paid", amount: "amt" } };

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("ar", REC, [
      ["A", "2024-02-28", null, 100],
      ["A", "2024-01-31", null, 100],
      ["A", "2024-03-15", null, 200],
      ["B", "2024-02-29", "2024-03-05", 50],
      ["B", "2024-02-01", "2024-02-10", 50],
      ["C", "2024-02-01", "2024-01-30", 80],
      ["D", "2023-02-28", null, 10],
      [null, "2024-01-01", null, 5],
      ["E", null, null, 5],
    ]),
    tableSql(
      "lin",
      TX_COLUMNS,
      [100, 110, 120, 130, 140, 150].map((v, i) => ["L", `2024-0${i + 1}-15`, v, 0]),
    ),
    tableSql("pipe", { id: "VARCHAR", st: "VARCHAR" }, [
      ["D1", "lead"],
      ["D1", "opportunity"],
      ["D1", "quote"],
      ["D1", "won"],
      ["D2", "Lead"],
      ["D2", "won"],
      ["D3", "lead"],
      ["D3", "opportunity"],
      ["D4", "lead"],
      ["D5", "lost"],
    ]),
    tableSql("kpi_orders", TX_COLUMNS, [
      ["A", "2023-06-01", 100, 0],
      ["B", "2023-06-01", 100, 0],
      ["C", "2023-06-01", 200, 0],
      ["A", "2024-06-01", 200, 0],
      ["B", "2024-06-01", 100, 0],
      ["D", "2024-06-01", 100, 0],
      ["E", "2024-06-01", 100, 0],
    ]),
    tableSql("kpi_sv", { cust: "VARCHAR", sat: "DOUBLE", nps: "DOUBLE" }, [
      ["A", 4, 10],
      ["B", 5, 9],
      ["D", 3, 3],
      ["E", 9, 8],
    ]),
  );
});
afterAll(() => engine.close());

describe("account-risk recipe", () => {
  const run = (params: Record<string, unknown>) =>
    runRecipe(engine, "account-risk", {
      tables: { receivables },
      params: { key_accounts: 0, grace_days: 0, ...params },
    });

  it("counts calendar days overdue across month ends and leap years; a missing or later paid date is open", async () => {
    const out = await run({ analysis_date: "2024-03-01" });
    const days = byKey(out.rows.account_risk, "customer_id", "days_overdue");
    expect(days).toEqual({ A: 30, B: 1, C: 0, D: 367 });
    const a = out.rows.account_risk.find((r) => r.customer_id === "A")!;
    expect(a).toMatchObject({ overdue_amount: 200, open_amount: 400, overdue_share: 0.5, late_payments: 0 });
    expect(out.rows.account_risk.find((r) => r.customer_id === "B")).toMatchObject({
      late_payments: 1,
      open_amount: 50,
    });
    const before = await run({ analysis_date: "2023-03-01" });
    expect(byKey(before.rows.account_risk, "customer_id", "days_overdue")).toMatchObject({ D: 1, A: 0 });
    expect(byKey(out.rows.account_risk_checks, "check", "rows")).toMatchObject({
      [MARKET_CHECKS.noCustomer]: 1,
      [MARKET_CHECKS.noDueDate]: 1,
      [MARKET_CHECKS.openReceivable]: 5,
    });
  });

  it("gives levels at the thresholds (a score equal to a threshold takes that level) and sorts the watch list", async () => {
    // credit only: A = (min(30/30, 1) + 0.5 + 0) / 3 = 0.5; B = (1/30 + 1 + 1/5) / 3; C = 0; D = (1 + 1 + 0) / 3.
    const out = await run({ analysis_date: "2024-03-01", overdue_days_max: 30, amber: 0.4, red: 0.5 });
    const rows = rounded(out.rows.account_risk);
    expect(rows.map((r) => [r.customer_id, r.score, r.level])).toEqual([
      ["D", 0.666667, "red"],
      ["A", 0.5, "red"],
      ["B", 0.411111, "amber"],
      ["C", 0, "green"],
    ]);
    expect(rows.map((r) => r.financial_risk)).toEqual([null, null, null, null]);
    expect(byKey(out.rows.account_risk_levels, "level", "accounts")).toEqual({ red: 2, amber: 1, green: 1 });
    expect(out.chartWarnings.account_risk_chart).toEqual([]);
  });

  it("refuses weights that do not sum to 1 and thresholds in the wrong order", async () => {
    await expect(run({ w_credit: 0.6 })).rejects.toThrow(/add up to 1.1/);
    await expect(run({ amber: 0.7, red: 0.6 })).rejects.toThrow(/Amber from must be below Red from/);
  });
});

describe("trend-forecast recipe", () => {
  const tables = { transactions: { table: "lin", roles: { customer_id: "customer", date: "day", amount: "amount" } } };
  const forecast = async (params: Record<string, unknown>) => {
    const out = await runRecipe(engine, "trend-forecast", {
      tables,
      params: { analysis_date: "2024-06-30", horizon: 3, ...params },
    });
    return { out, future: out.rows.trend_forecast.filter((r) => r.kind === "forecast").map((r) => r.value) };
  };

  it("forecasts a linear series exactly with the linear trend", async () => {
    const { out, future } = await forecast({ method: "linear" });
    expect(
      rounded(out.rows.trend_forecast.filter((r) => r.kind === "history")).map((r) => [r.value, r.fitted]),
    ).toEqual([
      [100, 100],
      [110, 110],
      [120, 120],
      [130, 130],
      [140, 140],
      [150, 150],
    ]);
    expect(rounded(future.map((v) => ({ v }))).map((r) => r.v)).toEqual([160, 170, 180]);
    expect(out.rows.trend_forecast.at(-1)!.month).toBe(Date.UTC(2024, 8, 1));
    expect(out.chartWarnings.trend_forecast_chart).toEqual([]);
  });

  it("forecasts flat at the last moving average and the last smoothed level", async () => {
    expect((await forecast({ method: "moving_average", window: 3 })).future).toEqual([140, 140, 140]);
    const ses = await forecast({ method: "exponential", alpha: 0.5 });
    expect(ses.future.map((v) => Number(v).toFixed(6))).toEqual(["140.312500", "140.312500", "140.312500"]);
  });

  it("leaves out the incomplete month of the analysis date", async () => {
    const { out } = await forecast({ method: "linear", analysis_date: "2024-06-20" });
    expect(out.rows.trend_forecast.filter((r) => r.kind === "history")).toHaveLength(5);
  });
});

describe("funnel recipe", () => {
  const tables = { deals: { table: "pipe", roles: { deal_id: "id", stage: "st" } } };

  it("counts deals reaching each stage, skipped stages passed, and the conversion between stages", async () => {
    const out = await runRecipe(engine, "funnel", { tables, params: { stages: "lead,opportunity,quote,won" } });
    expect(
      rounded(out.rows.funnel).map((r) => [r.stage, r.reached, r.recorded, r.skipped, r.conversion, r.overall]),
    ).toEqual([
      ["lead", 5, 4, 0, null, 1],
      ["opportunity", 3, 2, 1, 0.6, 0.6],
      ["quote", 2, 1, 1, 0.666667, 0.4],
      ["won", 2, 2, 0, 1, 0.4],
    ]);
    expect(byKey(out.rows.funnel_checks, "check", "rows")[MARKET_CHECKS.unlistedStage]).toBe(1);
    expect(out.chartWarnings.funnel_chart).toEqual([]);
  });

  it("refuses a stage list with one stage or a repeated stage", async () => {
    await expect(runRecipe(engine, "funnel", { tables, params: { stages: "won" } })).rejects.toThrow(
      /at least two different stages/,
    );
    await expect(runRecipe(engine, "funnel", { tables, params: { stages: "lead,Lead,won" } })).rejects.toThrow(
      /at least two different stages/,
    );
  });
});

describe("kpi-scorecard recipe", () => {
  it("compares the last period's KPIs with targets", async () => {
    const out = await runRecipe(engine, "kpi-scorecard", {
      tables: {
        transactions: { table: "kpi_orders", roles: { customer_id: "customer", date: "day", amount: "amount" } },
        survey: { table: "kpi_sv", roles: { customer_id: "cust", satisfaction: "sat", nps: "nps" } },
      },
      params: { analysis_date: "2024-12-31", target_retention: 0.8, target_satisfaction: 4, target_nps: 30 },
    });
    expect(rounded(out.rows.kpi_scorecard).map((r) => [r.kpi, r.actual, r.target, r.status])).toEqual([
      ["Sales", 500, 400, "on target"],
      ["Sales growth", 0.25, 0.05, "on target"],
      ["Customer growth", 0.333333, 0.05, "on target"],
      ["Retention", 0.666667, 0.8, "below target"],
      ["Satisfaction", 4, 4, "on target"],
      ["NPS", 25, 30, "below target"],
    ]);
    expect(out.chartWarnings.kpi_scorecard_chart).toEqual([]);
  });
});
