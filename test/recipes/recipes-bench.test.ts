// Timings of the clusters and predictive-CLV recipes on native DuckDB with the Node code runner, on a seeded
// ~1,000,000-order / 100,000-customer table (a benchmark, not a timed test):
//   BENCH=1 npx vitest run test/recipes/recipes-bench.test.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { seededRandom } from "../../src/recipes/models/prng";
import { gammaDraw } from "./models/synthetic";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import type { CodeRunner } from "../../src/code/runner";
import { buildRecipe } from "../../src/recipes/registry";
import { runInSession } from "./recipe-session";

const CUSTOMERS = 100_000;

/**
 * Writes the seeded orders CSV, simulated from BG/NBD + Gamma-Gamma so that the predictive level has a model to
 * find: 100,000 customers first buying in 2023's first 26 weeks, followed for 130 weeks (purchase rate
 * ~ Gamma(1.2, 6) a week, dropout after each purchase ~ Beta(0.8, 6), spend ~ Gamma(6, nu), nu ~ Gamma(4, 15)),
 * with order ids, about 1,000,000 orders in all (same-day orders stay separate rows).
 */
function writeOrders(path: string): number {
  const random = seededRandom(20251123);
  const out: string[] = ["order_id,customer_id,order_date,amount,margin"];
  const start = Date.UTC(2023, 0, 1);
  const iso = (week: number) => new Date(start + Math.floor(week * 7) * 86_400_000).toISOString().slice(0, 10);
  let orders = 0;
  const write = (c: number, week: number, amount: number) => {
    orders++;
    out.push(`O${orders},C${c},${iso(week)},${amount.toFixed(2)},${(amount * 0.3).toFixed(2)}`);
  };
  for (let c = 0; c < CUSTOMERS; c++) {
    const birth = random() * 26;
    const lambda = gammaDraw(random, 1.2, 6);
    const pa = gammaDraw(random, 0.8, 1);
    const p = pa / (pa + gammaDraw(random, 6, 1));
    const nu = gammaDraw(random, 4, 15);
    let t = birth;
    write(c, t, gammaDraw(random, 6, nu));
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t >= 130) break;
      write(c, t, gammaDraw(random, 6, nu));
      if (random() < p) break;
    }
  }
  writeFileSync(path, out.join("\n") + "\n");
  return orders;
}

/** A runner that adds up the time spent in ts cells, by cell. */
function timed(inner: CodeRunner): { runner: CodeRunner; ms: Map<string, number> } {
  const ms = new Map<string, number>();
  return {
    ms,
    runner: {
      ...inner,
      run: async (req, host, signal) => {
        const start = performance.now();
        try {
          return await inner.run(req, host, signal);
        } finally {
          ms.set(req.cell, (ms.get(req.cell) ?? 0) + performance.now() - start);
        }
      },
    },
  };
}

const tables = {
  transactions: {
    table: "orders",
    roles: { customer_id: "customer_id", date: "order_date", amount: "amount", margin: "margin", order_id: "order_id" },
  },
};

describe.skipIf(!process.env.BENCH)("recipe timings, native", () => {
  it("clusters and predictive CLV on 1,000,000 orders / 100,000 customers", async () => {
    const csv = join(mkdtempSync(join(tmpdir(), "clientbook-bench-")), "orders.csv");
    console.log(`${writeOrders(csv)} orders written`);
    const inner = nodeCodeRunner({ timeoutMs: 600_000 });
    try {
      const loadStart = performance.now();
      const base = await runInSession(
        [
          {
            kind: "sql",
            name: "n",
            source: "SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers FROM orders\n",
          },
        ],
        { orders: csv },
        inner,
      );
      console.log(
        `load the CSV + count: ${((performance.now() - loadStart) / 1000).toFixed(2)} s; ${JSON.stringify(base.rows.n[0])}`,
      );
      for (const [label, id, params] of [
        ["clusters (recency, frequency, monetary; k = 4, max_k = 8, PCA)", "clusters", {}],
        [
          "clusters (5 features; k = 6, max_k = 10, PCA)",
          "clusters",
          { features: "recency,frequency,monetary,tenure,growth", k: 6, max_k: 10 },
        ],
        [
          "clv level=predictive (weeks, 5 years, calibration end 2024-06-30)",
          "clv",
          { level: "predictive", analysis_date: "2024-06-30" },
        ],
      ] as const) {
        const { runner, ms } = timed(inner);
        const start = performance.now();
        const out = await runInSession(buildRecipe(id, { tables, params }), { orders: csv }, runner);
        const total = performance.now() - start;
        expect(out.errors).toEqual({});
        const ts = [...ms.values()].reduce((s, v) => s + v, 0);
        console.log(
          `${label}: ${(total / 1000).toFixed(2)} s in all (load + SQL + ts), ts cells ${(ts / 1000).toFixed(2)} s`,
        );
        for (const [cell, t] of ms) console.log(`  ts ${cell}: ${(t / 1000).toFixed(2)} s`);
        const main = out.rows[id];
        console.log(
          `  ${main?.length ?? 0} customers in the main table${id === "clv" ? `; BG/NBD ${JSON.stringify(out.rows.clv_bgnbd[0])}; Gamma-Gamma ${JSON.stringify(out.rows.clv_gamma_gamma[0])}` : ""}`,
        );
      }
    } finally {
      inner.close();
    }
  }, 1_800_000);
});
