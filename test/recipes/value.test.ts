import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { seededRandom } from "../../src/recipes/models/prng";
import { TX_COLUMNS, addDays, byKey, engineWith, rounded, runRecipe, tableSql, txBinding } from "./helpers";
import { gammaDraw } from "./models/synthetic";

/**
 * 300 customers simulated from BG/NBD + Gamma-Gamma (seeded, so the predictive fits have a model to find):
 * first purchase in 2023's first 26 weeks, purchase rate ~ Gamma(1.2, 6) a week, dropout after each purchase
 * ~ Beta(0.8, 6), spend ~ Gamma(6, nu), nu ~ Gamma(4, 15), observed to 2024-12-31; margin 30 % of the amount.
 */
function simulatedRows(): [string, string, number, number][] {
  const random = seededRandom(12);
  const rows: [string, string, number, number][] = [];
  const write = (c: number, week: number, amount: number) =>
    rows.push([
      `K${c}`,
      addDays("2023-01-01", Math.floor(week * 7)),
      Math.round(amount * 100) / 100,
      Math.round(amount * 30) / 100,
    ]);
  for (let c = 0; c < 300; c++) {
    const lambda = gammaDraw(random, 1.2, 6);
    const pa = gammaDraw(random, 0.8, 1);
    const p = pa / (pa + gammaDraw(random, 6, 1));
    const nu = gammaDraw(random, 4, 15);
    let t = random() * 26;
    write(c, t, gammaDraw(random, 6, nu));
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t >= 104) break;
      write(c, t, gammaDraw(random, 6, nu));
      if (random() < p) break;
    }
  }
  return rows;
}
const SIMULATED = simulatedRows();

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("pc_orders", TX_COLUMNS, [
      ["A", "2024-03-01", 600, 200],
      ["A", "2024-09-01", 400, 200],
      ["B", "2024-06-01", 500, 100],
      ["C", "2024-06-01", 200, 100],
      ["C", "2023-01-01", 999, 999],
    ]),
    tableSql("vs_orders", TX_COLUMNS, [
      ["A", "2024-12-31", 100, 10],
      ["B", "2024-10-01", 100, 10],
      ["B", "2024-11-01", 100, 10],
      ["B", "2024-12-01", 100, 10],
      ["C", "2024-10-15", 100, 10],
      ["C", "2024-11-01", 100, 10],
    ]),
    tableSql("clv_orders", TX_COLUMNS, [
      ["A", "2023-06-01", 200, 100],
      ["A", "2024-06-01", 2000, 1000],
      ["B", "2023-06-01", 100, 50],
      ["B", "2024-03-01", 400, 200],
      ["C", "2023-03-01", 300, 100],
    ]),
    tableSql("vm_orders", TX_COLUMNS, [
      ["A", "2024-06-01", 1, 1000],
      ["B", "2024-06-01", 1, 200],
      ["C", "2024-06-01", 1, 300],
      ["D", "2024-06-01", 1, 100],
      ["E", "2024-06-01", 1, 50],
      ["F", "2024-06-01", 1, 10],
    ]),
    tableSql("vm_simulated", TX_COLUMNS, SIMULATED),
    tableSql("vm_clients", { id: "VARCHAR", industry: "VARCHAR" }, [
      ["A", "X"],
      ["B", "X"],
      ["C", "Y"],
      ["D", "Y"],
      ["E", "Y"],
      ["F", "Z"],
    ]),
  );
});
afterAll(() => engine.close());

describe("profit-contribution recipe", () => {
  it("computes the key indicators with the service cost allocated by orders", async () => {
    const out = await runRecipe(engine, "profit-contribution", {
      tables: { transactions: txBinding("pc_orders") },
      params: { analysis_date: "2024-12-31", months: 12, service_cost: 1000, allocate_by: "orders" },
    });
    expect(rounded(out.rows.profit_contribution)).toEqual([
      {
        rank: 1,
        customer_id: "A",
        revenue: 1000,
        margin: 400,
        orders: 2,
        margin_pct: 0.4,
        annual_profit: 400,
        allocated_cost: 500,
        contribution_ratio: 0.8,
        net_contribution: -100,
        profit_share: 0.666667,
      },
      {
        rank: 2,
        customer_id: "B",
        revenue: 500,
        margin: 100,
        orders: 1,
        margin_pct: 0.2,
        annual_profit: 100,
        allocated_cost: 250,
        contribution_ratio: 0.4,
        net_contribution: -150,
        profit_share: 0.166667,
      },
      {
        rank: 3,
        customer_id: "C",
        revenue: 200,
        margin: 100,
        orders: 1,
        margin_pct: 0.5,
        annual_profit: 100,
        allocated_cost: 250,
        contribution_ratio: 0.4,
        net_contribution: -150,
        profit_share: 0.166667,
      },
    ]);
    expect(out.chartWarnings.profit_contribution_chart).toEqual([]);
  });

  it("annualizes a shorter window and leaves the ratio empty without a cost", async () => {
    const out = await runRecipe(engine, "profit-contribution", {
      tables: { transactions: txBinding("pc_orders") },
      params: { analysis_date: "2024-12-31", months: 6 },
    });
    expect(byKey(out.rows.profit_contribution, "customer_id", "annual_profit")).toEqual({ A: 400 });
    expect(out.rows.profit_contribution[0].contribution_ratio).toBeNull();
  });

  it("needs a margin or cost column", async () => {
    const tables = {
      transactions: { table: "pc_orders", roles: { customer_id: "customer", date: "day", amount: "amount" } },
    };
    await expect(runRecipe(engine, "profit-contribution", { tables })).rejects.toThrow(
      /needs "margin" or "cost" mapped on table "pc_orders"/,
    );
  });
});

describe("value-score recipe", () => {
  it("weighs min-max normalized indicators with known weights", async () => {
    const out = await runRecipe(engine, "value-score", {
      tables: { transactions: txBinding("vs_orders") },
      params: { analysis_date: "2024-12-31", indicators: "revenue:0.5,orders:0.3,recency:0.2:less", tiers: 3 },
    });
    // revenue 100/300/200, orders 1/3/2, recency 0/30/60 days (less is better)
    expect(
      rounded(
        out.rows.value_score.map((r) => ({ id: r.customer_id, score: r.score, tier: r.tier, n_recency: r.n_recency })),
      ),
    ).toEqual([
      { id: "B", score: 0.9, tier: 1, n_recency: 0.5 },
      { id: "C", score: 0.4, tier: 2, n_recency: 0 },
      { id: "A", score: 0.2, tier: 3, n_recency: 1 },
    ]);
    expect(out.rows.value_score[0]).toMatchObject({ revenue: 300, orders: 3, recency: 30 });
    expect(out.chartWarnings.value_score_chart).toEqual([]);
  });
});

describe("clv recipe", () => {
  const f = 1 + 0.8 / 1.1 + 0.64 / 1.21; // sum over t < 3 of 0.8^t / 1.1^t

  it("computes formula CLV against a hand calculation, net of acquisition cost", async () => {
    const out = await runRecipe(engine, "clv", {
      tables: { transactions: txBinding("clv_orders") },
      params: { analysis_date: "2024-12-31", retention: 0.8, discount: 0.1, horizon: 3, acquisition_cost: 50 },
    });
    const clv = byKey(out.rows.clv, "customer_id", "lifetime_value");
    expect(clv.A).toBeCloseTo(1000 * f - 50, 9);
    expect(clv.B).toBeCloseTo(200 * f - 50, 9);
    expect(clv.C).toBeCloseTo(-50, 9);
    expect(out.rows.clv[0]).toMatchObject({ yearly_margin: 1000, retention: 0.8, retention_observed: false });
    expect(out.chartWarnings.clv_chart).toEqual([]);
  });

  it("observes retention from the data when not set: 2 of 3 buyers of the year before bought again", async () => {
    const out = await runRecipe(engine, "clv", {
      tables: { transactions: txBinding("clv_orders") },
      params: { analysis_date: "2024-12-31", horizon: 2, discount: 0 },
    });
    expect(out.rows.clv[0].retention).toBeCloseTo(2 / 3, 12);
    expect(byKey(out.rows.clv, "customer_id", "lifetime_value").A).toBeCloseTo(1000 * (1 + 2 / 3), 9);
  });

  it("gives historic CLV as margin to date", async () => {
    const out = await runRecipe(engine, "clv", {
      tables: { transactions: txBinding("clv_orders") },
      params: { analysis_date: "2024-12-31", level: "historic" },
    });
    expect(byKey(out.rows.clv, "customer_id", "lifetime_value")).toEqual({ A: 1100, B: 250, C: 100 });
  });
});

describe("value-matrix recipe", () => {
  it("splits current value and peer headroom at the medians and names each quadrant's strategy", async () => {
    const out = await runRecipe(engine, "value-matrix", {
      tables: {
        transactions: txBinding("vm_orders"),
        customers: { table: "vm_clients", roles: { customer_id: "id", industry: "industry" } },
      },
      params: { analysis_date: "2024-12-31", peer_pct: 100 },
    });
    expect(byKey(out.rows.value_matrix, "customer_id", "potential")).toEqual({
      A: 0,
      B: 800,
      C: 0,
      D: 200,
      E: 250,
      F: 0,
    });
    expect(out.rows.value_matrix[0]).toMatchObject({ current_cut: 150, potential_cut: 100 });
    expect(byKey(out.rows.value_matrix, "customer_id", "invest")).toEqual({
      A: "key",
      B: "top priority",
      C: "key",
      D: "moderate",
      E: "moderate",
      F: "none",
    });
    expect(out.rows.value_matrix_quadrants.map((r) => [r.quadrant, r.customers, r.relationship])).toEqual([
      ["high current, high potential", 1, "spare no effort to keep and grow"],
      ["high current, low potential", 2, "keep at a high level"],
      ["low current, high potential", 2, "rebuild"],
      ["low current, low potential", 1, "let go"],
    ]);
    expect(out.chartWarnings.value_matrix_chart).toEqual([]);
  });

  it("uses formula CLV minus current value as the potential on request", async () => {
    const out = await runRecipe(engine, "value-matrix", {
      tables: { transactions: txBinding("vm_orders") },
      params: { analysis_date: "2024-12-31", potential: "formula_clv", retention: 0.5, discount: 0, horizon: 2 },
    });
    expect(byKey(out.rows.value_matrix, "customer_id", "potential")).toMatchObject({ A: 500, B: 100 });
  });

  it("uses predicted CLV minus current value on request: potential = the clv cell's lifetime value - margin of the last 12 months", async () => {
    const out = await runRecipe(engine, "value-matrix", {
      tables: { transactions: txBinding("vm_simulated") },
      params: { analysis_date: "2024-12-31", potential: "predictive_clv", horizon: 2, discount: 0.1 },
    });
    expect(out.cells.map((c) => `${c.kind} ${c.name}`)).toEqual([
      "sql value_matrix",
      "sql value_matrix_summary",
      "ts value_matrix_bgnbd",
      "ts value_matrix_gamma_gamma",
      "ts value_matrix_clv",
      "sql value_matrix_quadrants",
      "sql value_matrix_points",
      "chart value_matrix_chart",
      "sql value_matrix_checks",
    ]);
    expect(out.cells[0].attrs).toMatchObject({
      recipe: "value-matrix",
      potential: "predictive_clv",
      time_unit: "weeks",
      margin_share: "auto",
    });
    expect(out.rows.value_matrix_bgnbd[0]).toMatchObject({ converged: true, customers: 300 });
    // by hand: current value = margin of the purchases after 2023-12-31; placed = bought in the last 24 months
    const current = new Map<string, number>();
    const placed = new Set<string>();
    for (const [id, day, , margin] of SIMULATED) {
      if (day > "2023-12-31") current.set(id, (current.get(id) ?? 0) + margin);
      if (day > "2022-12-31") placed.add(id);
    }
    const clv = byKey(out.rows.value_matrix_clv, "customer_id", "lifetime_value") as Record<string, number>;
    expect(out.rows.value_matrix_clv).toHaveLength(300);
    expect(out.rows.value_matrix.map((r) => r.customer_id).sort()).toEqual([...placed].sort());
    for (const r of out.rows.value_matrix) {
      const id = String(r.customer_id);
      expect([id, r.current_value]).toEqual([id, expect.closeTo(current.get(id) ?? 0, 9)]);
      expect([id, r.potential]).toEqual([id, expect.closeTo(clv[id] - (current.get(id) ?? 0), 9)]);
      expect(r.peer_group).toBe("predicted CLV");
    }
    // the margin share is the observed 30 %, so the predicted CLV is in margin, like the current value
    expect(out.rows.value_matrix_summary[0].margin_share).toBeCloseTo(0.3, 5); // margins rounded to cents
    expect(out.rows.value_matrix_quadrants.reduce((n, r) => n + Number(r.customers), 0)).toBe(placed.size);
    expect(out.chartWarnings.value_matrix_chart).toEqual([]);
  });
});
