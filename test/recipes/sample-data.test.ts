import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import type { Engine } from "../../src/engine/engine";
import { RECIPES, buildRecipe } from "../../src/recipes/registry";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { Cell, Notebook } from "../../src/notebook/types";
import { chartWarnings, engineWith, root, runRecipe } from "./helpers";
import { BASIC, tablesOf } from "./sample-bindings";
import { sample, sessionWith } from "../session/helpers";
import type { ResultTable } from "../../src/table/result";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";

const csv = (file: string) => resolve(root, "public/notebooks", file).replace(/'/g, "''");
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    `CREATE TABLE orders AS SELECT * FROM read_csv('${csv("orders.csv")}')`,
    `CREATE TABLE customers AS SELECT * FROM read_csv('${csv("customers.csv")}')`,
  );
});
afterAll(() => engine.close());

describe("every recipe on the sample data (orders.csv, customers.csv)", () => {
  it.each(RECIPES.map((r) => r.id))(
    "%s runs with its defaults, results non-empty, charts compile without warnings",
    async (id) => {
      const out = await runRecipe(engine, id, { tables: tablesOf(id) });
      for (const [name, rows] of Object.entries(out.rows)) expect([name, rows.length > 0]).toEqual([name, true]);
      expect(Object.keys(out.chartWarnings).length).toBeGreaterThan(0);
      for (const [name, warnings] of Object.entries(out.chartWarnings)) expect([name, warnings]).toEqual([name, []]);
      const checks = out.rows[`${id.replace(/-/g, "_")}_checks`];
      expect(checks[0]).toMatchObject({ check: "used: purchases (amount > 0)", rows: 13114 });
    },
  );

  it("gives the sample's ABC classes shares summing to 100 % and pyramid tiers of 1/4/15/80 % of the ranked customers", async () => {
    const abc = await runRecipe(engine, "abc", { tables: tablesOf("abc") });
    expect(abc.rows.abc_classes.reduce((s, r) => s + Number(r.value_share), 0)).toBeCloseTo(1, 9);
    const pyramid = await runRecipe(engine, "pyramid", { tables: tablesOf("pyramid") });
    const n = pyramid.rows.pyramid.length;
    expect(pyramid.rows.pyramid_tiers.map((r) => r.customers)).toEqual([
      Math.floor(n * 0.01),
      Math.floor(n * 0.05) - Math.floor(n * 0.01),
      Math.floor(n * 0.2) - Math.floor(n * 0.05),
      n - Math.floor(n * 0.2),
    ]);
  });
});

describe("the value matrix with predicted CLV as the potential, on the sample data", () => {
  it("fits BG/NBD and Gamma-Gamma, values every customer and places them by predicted CLV minus current value", async () => {
    const out = await runRecipe(engine, "value-matrix", {
      tables: tablesOf("value-matrix"),
      params: { potential: "predictive_clv" },
    });
    for (const [name, rows] of Object.entries(out.rows)) expect([name, rows.length > 0]).toEqual([name, true]);
    expect(out.rows.value_matrix_bgnbd[0]).toMatchObject({ converged: true });
    const clv = new Map(out.rows.value_matrix_clv.map((r) => [r.customer_id, Number(r.lifetime_value)]));
    for (const r of out.rows.value_matrix)
      expect(r.potential as number).toBeCloseTo(clv.get(r.customer_id)! - Number(r.current_value), 6);
    expect(out.rows.value_matrix_quadrants.map((r) => r.quadrant)).toHaveLength(4);
    expect(out.chartWarnings).toEqual({ value_matrix_chart: [] });
    expect(out.rows.value_matrix_checks[0]).toMatchObject({ check: "used: purchases (amount > 0)", rows: 13114 });
  }, 60_000);
});

describe("a notebook of every recipe, run by a real session", () => {
  it("parses, orders and runs every inserted cell; every chart compiles", async () => {
    const cells: Cell[] = RECIPES.flatMap((r) => buildRecipe(r, { tables: tablesOf(r.id) })).map((c, i) => ({
      id: `r${i}`,
      kind: c.kind,
      name: c.name,
      attrs: c.attrs ?? {},
      source: c.source,
    }));
    const nb: Notebook = {
      frontMatter: {
        notebook: 1,
        data: {
          orders: { file: "orders.csv", roles: BASIC.transactions.roles },
          customers: { file: "customers.csv", roles: BASIC.customers.roles },
        },
        extra: {},
      },
      cells,
    };
    // ts cells (clusters' k-means) run in the Node code runner, as in the CLI.
    const runner = nodeCodeRunner();
    const { session, close } = await sessionWith(serializeNotebook(nb), { runner });
    try {
      await session.loadFile(sample("orders.csv"), { table: "orders" });
      await session.loadFile(sample("customers.csv"), { table: "customers" });
      await session.runAll();
      const states = session.getState().cells;
      expect(states).toHaveLength(cells.length);
      for (const s of states) {
        expect([s.cell.name, s.status, s.error?.message]).toEqual([s.cell.name, "done", undefined]);
        if (s.output?.type === "chart")
          expect([
            s.cell.name,
            chartWarnings(s.output.spec, { columns: [], numRows: 0, column: () => [], rows: () => [] } as ResultTable),
          ]).toEqual([s.cell.name, []]);
      }
    } finally {
      await close();
      runner.close();
    }
  }, 120_000);
});
