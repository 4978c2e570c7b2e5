// Recipe 11 at `level=predictive` through a real session with the Node code runner: on CDNOW (prepared
// only by mapping roles) it reproduces the published BG/NBD and Gamma-Gamma fits; bad fits say why.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { buildRecipe } from "../../src/recipes/registry";
import { CDNOW_FILE, prepareCdnow } from "./models/cdnow";
import { runInSession, writeCsv } from "./recipe-session";
import { chartWarnings } from "./helpers";
import type { ResultTable } from "../../src/table/result";

const runner = nodeCodeRunner({ timeoutMs: 60_000 });
afterAll(() => runner.close());

let cdnow: string;
beforeAll(() => {
  // cdnowElog.csv with ISO dates (the role mapping reads ISO and regional text dates, not YYYYMMDD numbers)
  const lines = readFileSync(CDNOW_FILE, "utf8").trim().split(/\r?\n/).slice(1);
  const rows = lines
    .map((l) => l.split(","))
    .map(([id, , d, , sales]) => [id, `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, sales]);
  cdnow = writeCsv("cdnow-iso.csv", [["masterid", "day", "sales"], ...rows]);
});

const tables = { transactions: { table: "orders", roles: { customer_id: "masterid", date: "day", amount: "sales" } } };
const build = (params: Record<string, unknown> = {}) =>
  buildRecipe("clv", {
    tables,
    params: { level: "predictive", measure: "revenue", analysis_date: "1997-09-30", zero_purchases: true, ...params },
  });
const round = (v: unknown, digits: number) => Number((v as number).toFixed(digits));

describe("clv recipe, level=predictive", () => {
  it("writes the summary SQL, the two fits and the valuation as cells", () => {
    const cells = build();
    expect(cells.map((c) => `${c.kind} ${c.name}`)).toEqual([
      "sql clv",
      "ts clv_bgnbd",
      "ts clv_gamma_gamma",
      "ts clv_values",
      "sql clv_top",
      "chart clv_chart",
      "sql clv_checks",
    ]);
    expect(cells[0].attrs).toMatchObject({
      recipe: "clv",
      level: "predictive",
      time_unit: "weeks",
      margin_share: "auto",
    });
    expect(cells[3].source).toContain("const horizonYears = 5;");
  });

  it("reproduces the published CDNOW fits (weeks) and values every customer", async () => {
    const { rows, charts, errors } = await runInSession(
      build({ margin_share: 0.3, horizon: 1, discount: 0.15 }),
      { orders: cdnow },
      runner,
    );
    expect(errors).toEqual({});
    const summary = rows.clv;
    expect(summary).toHaveLength(2357);
    const prepared = new Map(prepareCdnow().map((c) => [c.id, c]));
    for (const s of summary.slice(0, 200)) {
      const c = prepared.get(String(s.customer_id))!;
      expect([s.x, s.t_x, s.T]).toEqual([c.x, expect.closeTo(c.tx, 10), expect.closeTo(c.T, 10)]);
    }
    const [bg] = rows.clv_bgnbd;
    expect([round(bg.r, 3), round(bg.alpha, 3), round(bg.a, 3), round(bg.b, 3), round(bg.loglik, 1)]).toEqual([
      0.243, 4.414, 0.793, 2.426, -9582.4,
    ]);
    expect(bg).toMatchObject({ converged: true, customers: 2357 });
    const [gg] = rows.clv_gamma_gamma;
    expect([round(gg.p, 2), round(gg.q, 2), round(gg.gamma, 2)]).toEqual([6.25, 3.74, 15.44]);
    expect(gg.customers).toBe(946);
    const values = rows.clv_values;
    expect(values).toHaveLength(2357);
    for (const v of values) {
      expect(v.p_alive as number).toBeGreaterThanOrEqual(0);
      expect(v.p_alive as number).toBeLessThanOrEqual(1);
      expect(v.lifetime_value as number).toBeGreaterThan(0);
      expect(Object.keys(v)).toEqual([
        "customer_id",
        "p_alive",
        "expected_purchases",
        "expected_spend",
        "lifetime_value",
      ]);
    }
    expect(rows.clv_top).toHaveLength(20);
    expect(rows.clv_top[0]).toMatchObject({ margin_share: 0.3 });
    expect(
      chartWarnings(charts.clv_chart, {
        columns: [],
        numRows: 0,
        column: () => [],
        rows: () => [],
      } as unknown as ResultTable),
    ).toEqual([]);
  }, 90_000);

  it("leaves zero-amount rows out by default (8 customers of CDNOW bought only free items), and says how many", async () => {
    const { rows, errors } = await runInSession(build({ zero_purchases: false }), { orders: cdnow }, runner);
    expect(errors).toEqual({});
    expect(rows.clv).toHaveLength(2357 - 8);
    expect(rows.clv_checks.find((r) => String(r.check).startsWith("used: returns"))).toMatchObject({ rows: 8 });
  }, 90_000);

  it("fits in days too: the same r, a, b and alpha in days (7 x alpha in weeks)", async () => {
    const { rows, errors } = await runInSession(build({ time_unit: "days" }), { orders: cdnow }, runner);
    expect(errors).toEqual({});
    const [bg] = rows.clv_bgnbd;
    expect([round(bg.r, 3), round((bg.alpha as number) / 7, 3), round(bg.a, 3), round(bg.b, 3)]).toEqual([
      0.243, 4.414, 0.793, 2.426,
    ]);
  }, 90_000);

  it("says so when there is nothing to fit: no repeat purchases, one customer, no rows", async () => {
    const once = writeCsv("once.csv", [
      ["masterid", "day", "sales"],
      ["A", "2024-01-01", 10],
      ["B", "2024-02-01", 20],
      ["C", "2024-03-01", 30],
      ["A", "2024-01-01", 5],
    ]);
    const single = await runInSession(build({ analysis_date: "2024-12-31" }), { orders: once }, runner);
    expect(single.errors.clv_bgnbd).toMatch(/^BG\/NBD: no customer bought again/);
    expect(single.errors.clv_values).toMatch(/depends on clv_bgnbd/);
    const none = await runInSession(build({ analysis_date: "2000-01-01" }), { orders: once }, runner);
    expect(none.errors.clv_bgnbd).toMatch(/No customers with a purchase up to the calibration end/);
    expect(none.rows.clv_checks[0]).toMatchObject({ rows: 0 });
  }, 60_000);
});
