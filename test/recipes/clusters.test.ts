// Recipe 6 (clusters) through a real session with the Node code runner: obvious hand-made groups are
// found, numbered by size, profiled, scattered; the same seed gives the same result run after run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { buildRecipe } from "../../src/recipes/registry";
import { RecipeError } from "../../src/recipes/errors";
import { addDays, chartWarnings, root } from "./helpers";
import type { ResultTable } from "../../src/table/result";
import { resolve } from "node:path";
import { runInSession, writeCsv } from "./recipe-session";

const runner = nodeCodeRunner({ timeoutMs: 30_000 });
afterAll(() => runner.close());

const DAY = "2024-12-31";
/**
 * Three obvious groups, of different sizes so that the cluster order is known:
 * 12 "regulars" (20 purchases of about 100, the last a few days ago), 10 "lapsed" (2 purchases of about 30
 * two years ago), 8 "new" (1 purchase of about 500 last week).
 */
function orders(): string {
  const rows: (string | number)[][] = [["cust", "day", "amount", "margin"]];
  for (let i = 0; i < 12; i++)
    for (let j = 0; j < 20; j++) rows.push([`R${i}`, addDays(DAY, -(2 + i + 15 * j)), 100 + i, 30]);
  for (let i = 0; i < 10; i++)
    for (let j = 0; j < 2; j++) rows.push([`L${i}`, addDays(DAY, -(700 + 3 * i + 20 * j)), 30 + i, 5]);
  for (let i = 0; i < 8; i++) rows.push([`N${i}`, addDays(DAY, -(5 + i)), 500 + 5 * i, 100]);
  rows.push(["R0", addDays(DAY, -10), -50, -15]); // a return: netted, not a purchase
  return writeCsv("clusters-orders.csv", rows);
}

let csv: string;
beforeAll(() => {
  csv = orders();
});

const tables = {
  transactions: { table: "orders", roles: { customer_id: "cust", date: "day", amount: "amount", margin: "margin" } },
};
const build = (params: Record<string, unknown> = {}) =>
  buildRecipe("clusters", { tables, params: { analysis_date: DAY, k: 3, max_k: 6, ...params } });
const groupOf = (id: string) => id[0];

describe("clusters recipe", () => {
  it("writes readable cells: features SQL, scaled SQL, ts k-means with k and seed at the top, helpers, profile, scatter", () => {
    const cells = build();
    expect(cells.map((c) => `${c.kind} ${c.name}`)).toEqual([
      "sql clusters",
      "sql clusters_scaled",
      "ts clusters_assign",
      "ts clusters_choose_k",
      "chart clusters_choose_k_chart",
      "sql clusters_profile",
      "ts clusters_points",
      "chart clusters_chart",
      "sql clusters_checks",
    ]);
    expect(cells[0].attrs).toMatchObject({
      recipe: "clusters",
      transactions: "orders",
      features: "recency,frequency,monetary",
      k: "3",
      seed: "1",
      scatter: "pca",
    });
    expect(cells[2].source).toMatch(/^\/\/ k-means[\s\S]*const k = 3;\nconst seed = 1;/);
    expect(cells[1].source).toContain("sign(monetary) * ln(1 + abs(monetary)) AS monetary");
  });

  it("finds the obvious groups, numbers them by size and profiles them (real session, Node runner)", async () => {
    const { rows, charts, errors } = await runInSession(build(), { orders: csv }, runner);
    expect(errors).toEqual({});
    const assign = rows.clusters_assign;
    expect(assign).toHaveLength(30);
    const clusterOf = new Map<string, Set<unknown>>();
    for (const r of assign)
      clusterOf.set(
        groupOf(String(r.customer_id)),
        (clusterOf.get(groupOf(String(r.customer_id))) ?? new Set()).add(r.cluster),
      );
    // each group is one cluster; cluster 1 is the largest (12 regulars), 2 the lapsed (10), 3 the new (8)
    expect(Object.fromEntries([...clusterOf].map(([g, s]) => [g, [...s]]))).toEqual({ R: [1], L: [2], N: [3] });
    expect(Object.keys(assign[0]).sort()).toEqual(["cluster", "customer_id"]);
    expect(rows.clusters.find((r) => r.customer_id === "R0")).toMatchObject({
      frequency: 20,
      monetary: 1950,
      recency: 2,
    });

    const profile = rows.clusters_profile;
    expect(profile.map((r) => [r.cluster, r.customers])).toEqual([
      [1, 12],
      [2, 10],
      [3, 8],
    ]);
    expect(profile.reduce((s, r) => s + Number(r.share), 0)).toBeCloseTo(1, 12);
    expect(profile[2]).toMatchObject({ frequency: 1, avg_order: 517.5 });

    // elbow for k = 1..6, falling; the silhouette is highest at the true k = 3 and absent for k = 1
    const chooseK = rows.clusters_choose_k;
    expect(chooseK.map((r) => r.k)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < chooseK.length; i++)
      expect(Number(chooseK[i].within_ss)).toBeLessThanOrEqual(Number(chooseK[i - 1].within_ss) + 1e-9);
    expect(chooseK[0].silhouette).toBeNull();
    const best = chooseK
      .filter((r) => r.silhouette !== null)
      .sort((p, q) => Number(q.silhouette) - Number(p.silhouette))[0];
    expect(best.k).toBe(3);
    expect(Number(best.silhouette)).toBeGreaterThan(0.7);

    expect(rows.clusters_points).toHaveLength(30);
    expect(Object.keys(rows.clusters_points[0]).sort()).toEqual(["cluster", "customer_id", "pc1", "pc2"]);
    expect(Object.keys(charts).sort()).toEqual(["clusters_chart", "clusters_choose_k_chart"]);
    expect(rows.clusters_checks[0]).toMatchObject({
      check: "used: purchases (amount > 0)",
      rows: 12 * 20 + 10 * 2 + 8,
    });
  }, 60_000);

  it("is deterministic: the same seed gives the same assignments, helpers and components in a fresh session", async () => {
    const cells = build({ features: "recency,frequency,monetary,tenure,growth", k: 4, seed: 7 });
    const first = await runInSession(cells, { orders: csv }, runner);
    const second = await runInSession(cells, { orders: csv }, runner);
    expect(first.errors).toEqual({});
    for (const name of ["clusters_assign", "clusters_choose_k", "clusters_profile", "clusters_points"])
      expect(second.rows[name]).toEqual(first.rows[name]);
    // sizes are non-increasing in cluster order
    const sizes = first.rows.clusters_profile.map((r) => Number(r.customers));
    expect([...sizes].sort((p, q) => q - p)).toEqual(sizes);
  }, 60_000);

  it("scatters on two chosen features, and clusters on margin when it is mapped", async () => {
    const { rows, charts, errors } = await runInSession(
      build({ features: "frequency,margin", scatter: "features", scatter_x: "recency", scatter_y: "margin" }),
      { orders: csv },
      runner,
    );
    expect(errors).toEqual({});
    expect(rows.clusters_points[0]).toHaveProperty("recency");
    expect(JSON.stringify(charts.clusters_chart)).toContain('"field":"margin"');
    expect(rows.clusters_profile.map((r) => r.customers)).toEqual([12, 10, 8]);
  }, 60_000);

  it("says what is wrong: margin without a margin column, PCA on one feature, k larger than the customers", async () => {
    const noMargin = {
      transactions: { table: "orders", roles: { customer_id: "cust", date: "day", amount: "amount" } },
    };
    expect(() => buildRecipe("clusters", { tables: noMargin, params: { features: "margin,recency" } })).toThrow(
      /needs "margin" or "cost" mapped/,
    );
    expect(() => build({ features: "recency" })).toThrow(RecipeError);
    expect(() => build({ features: "recency" })).toThrow(/principal components needs at least two features/);
    const two = writeCsv("two-customers.csv", [
      ["cust", "day", "amount", "margin"],
      ["A", "2024-12-01", 10, 1],
      ["B", "2024-11-01", 20, 2],
    ]);
    const { errors } = await runInSession(build({ k: 3, max_k: 3 }), { orders: two }, runner);
    expect(errors.clusters_assign).toMatch(/^k-means: /);
    // no purchases left after the filters: the cells say so instead of clustering nothing
    const none = await runInSession(build({ analysis_date: "2000-01-01" }), { orders: csv }, runner);
    expect(none.errors.clusters_assign).toMatch(/No customers with purchases to cluster/);
    expect(none.rows.clusters_checks[0]).toMatchObject({ rows: 0 });
  }, 60_000);

  it("runs with its defaults on the sample data (orders.csv), every cell done", async () => {
    const sampleTables = {
      transactions: {
        table: "orders",
        roles: { customer_id: "customer_id", date: "order_date", amount: "amount", margin: "margin" },
      },
    };
    const cells = buildRecipe("clusters", { tables: sampleTables });
    const { rows, charts, errors } = await runInSession(
      cells,
      { orders: resolve(root, "public/notebooks/orders.csv") },
      runner,
    );
    expect(errors).toEqual({});
    expect(rows.clusters_profile).toHaveLength(4);
    expect(rows.clusters_choose_k.map((r) => r.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Object.keys(charts)).toHaveLength(2);
    const inlined = { columns: [], numRows: 0, column: () => [], rows: () => [] } as unknown as ResultTable;
    for (const [name, spec] of Object.entries(charts)) expect([name, chartWarnings(spec, inlined)]).toEqual([name, []]);
  }, 60_000);
});
