// Timings of the clusters and predictive-CLV recipes on native DuckDB with the Node code runner, on a seeded
// 1,000,000-order / 100,000-customer table (a benchmark, not a timed test):
//   BENCH=1 npx vitest run test/recipes/recipes-bench.test.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import type { CodeRunner } from "../../src/session/code-runner";
import { buildRecipe } from "../../src/recipes/registry";
import { runInSession } from "./recipe-session";

const ORDERS = 1_000_000;
const CUSTOMERS = 100_000;

/**
 * Writes the seeded orders CSV. Customers differ as the purchase models assume: each has a first day in 2023, a
 * lifetime of its own (many short, a few long: customers drop out), and a spend level of its own.
 */
async function writeOrders(path: string): Promise<void> {
  const engine = await nativeEngine();
  try {
    await engine.query("SELECT setseed(0.42)");
    await engine.query(`COPY (
      WITH o AS (SELECT i, CAST(floor(pow(random(), 1.3) * ${CUSTOMERS}) AS BIGINT) AS c, random() AS u, random() AS v FROM range(${ORDERS}) AS t(i)),
      k AS (SELECT *, (hash(c) % 1000003) / 1000003.0 AS u1, (hash(c * 7 + 1) % 1000003) / 1000003.0 AS u2, (hash(c * 13 + 5) % 1000003) / 1000003.0 AS u3 FROM o)
      SELECT 'O' || i AS order_id, 'C' || c AS customer_id,
        DATE '2023-01-01' + CAST(least(899, floor(u1 * 365) + floor(u * 900 * pow(u2, 3))) AS INTEGER) AS order_date,
        round((20 + 300 * pow(u3, 2)) * (0.5 + v), 2) AS amount, round((20 + 300 * pow(u3, 2)) * (0.5 + v) * 0.3, 2) AS margin
      FROM k
    ) TO '${path}' (HEADER)`);
  } finally {
    await engine.close();
  }
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

const tables = { transactions: { table: "orders", roles: { customer_id: "customer_id", date: "order_date", amount: "amount", margin: "margin", order_id: "order_id" } } };

describe.skipIf(!process.env.BENCH)("recipe timings, native", () => {
  it("clusters and predictive CLV on 1,000,000 orders / 100,000 customers", async () => {
    const csv = join(mkdtempSync(join(tmpdir(), "clientbook-bench-")), "orders.csv");
    await writeOrders(csv);
    const inner = nodeCodeRunner({ timeoutMs: 600_000 });
    try {
      const loadStart = performance.now();
      const base = await runInSession([{ kind: "sql", name: "n", source: "SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers FROM orders\n" }], { orders: csv }, inner);
      console.log(`load the CSV + count: ${((performance.now() - loadStart) / 1000).toFixed(2)} s; ${JSON.stringify(base.rows.n[0])}`);
      for (const [label, id, params] of [
        ["clusters (recency, frequency, monetary; k = 4, max_k = 8, PCA)", "clusters", {}],
        ["clusters (5 features; k = 6, max_k = 10, PCA)", "clusters", { features: "recency,frequency,monetary,tenure,growth", k: 6, max_k: 10 }],
        ["clv level=predictive (weeks, 5 years)", "clv", { level: "predictive" }],
      ] as const) {
        const { runner, ms } = timed(inner);
        const start = performance.now();
        const out = await runInSession(buildRecipe(id, { tables, params }), { orders: csv }, runner);
        const total = performance.now() - start;
        expect(out.errors).toEqual({});
        const ts = [...ms.values()].reduce((s, v) => s + v, 0);
        console.log(`${label}: ${(total / 1000).toFixed(2)} s in all (load + SQL + ts), ts cells ${(ts / 1000).toFixed(2)} s`);
        for (const [cell, t] of ms) console.log(`  ts ${cell}: ${(t / 1000).toFixed(2)} s`);
        const main = out.rows[id];
        console.log(`  ${main?.length ?? 0} customers in the main table${id === "clv" ? `; BG/NBD ${JSON.stringify(out.rows.clv_bgnbd[0])}; Gamma-Gamma ${JSON.stringify(out.rows.clv_gamma_gamma[0])}` : ""}`);
      }
    } finally {
      inner.close();
    }
  }, 1_800_000);
});
