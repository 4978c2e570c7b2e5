import { describe, expect, it } from "vitest";
import { RECIPES, buildRecipe, findRecipe, rebuildRecipe } from "../../src/recipes/registry";
import { RecipeError } from "../../src/recipes/errors";
import { checkRoles } from "../../src/recipes/recipe";
import { quoteIdent, withQuery } from "../../src/recipes/sql";
import { formatSpec } from "../../src/recipes/cells";
import { parseNotebook } from "../../src/notebook/parse";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { Cell, Notebook } from "../../src/notebook/types";
import { engineWith, runCells } from "./helpers";

const orders = { table: "orders", roles: { customer_id: "Kunden-Nr", date: "Datum", amount: "Umsatz" } };

/** The problems buildRecipe throws, or [] when it builds. */
function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
    return [];
  } catch (e) {
    if (!(e instanceof RecipeError)) throw e;
    return e.problems;
  }
}

describe("RECIPES", () => {
  it("holds analytics.md's recipes 1-13, in order, with unique ids", () => {
    expect(RECIPES.map((r) => r.id)).toEqual([
      "attribute-segments",
      "behaviour-types",
      "rfm",
      "abc",
      "pyramid",
      "clusters",
      "lifecycle",
      "activity-loyalty",
      "profit-contribution",
      "value-score",
      "clv",
      "value-matrix",
      "retention",
    ]);
    for (const r of RECIPES) expect([r.title, r.question].every((t) => t.length > 5)).toBe(true);
  });
});

describe("buildRecipe(recipe, request)", () => {
  it("refuses a recipe without its required roles, saying which and where to map them", () => {
    const problems = problemsOf(() =>
      buildRecipe("rfm", { tables: { transactions: { table: "orders", roles: { customer_id: "Kunde" } } } }),
    );
    expect(problems).toEqual([
      'RFM segments needs the roles "date", "amount" on table "orders": map a column of "orders" to each in the table\'s roles.',
    ]);
  });

  it("refuses a missing table, and a role a parameter needs", () => {
    expect(problemsOf(() => buildRecipe("abc", { tables: {} }))[0]).toMatch(
      /needs a transactions table: choose one and map its columns to "customer_id", "date", "amount"/,
    );
    expect(
      problemsOf(() => buildRecipe("abc", { tables: { transactions: orders }, params: { measure: "margin" } })),
    ).toEqual([
      'ABC analysis (Pareto) with value measure = margin needs "margin" or "cost" mapped on table "orders": map the column, or change the parameter.',
    ]);
  });

  it("validates parameters with clear messages", () => {
    expect(
      problemsOf(() =>
        buildRecipe("abc", { tables: { transactions: orders }, params: { a_share: "90", b_share: "85" } }),
      ),
    ).toEqual(["Class A up to must be below Class B up to."]);
    expect(
      problemsOf(() => buildRecipe("pyramid", { tables: { transactions: orders }, params: { vip_pct: "abc" } })),
    ).toEqual(['VIP: top % of customers: "abc" is not a number.']);
    expect(
      problemsOf(() =>
        buildRecipe("rfm", { tables: { transactions: orders }, params: { analysis_date: "31.12.2024" } }),
      )[0],
    ).toMatch(/is not a date; write it as YYYY-MM-DD/);
    expect(
      problemsOf(() => buildRecipe("rfm", { tables: { transactions: orders }, params: { scoring: "deciles" } }))[0],
    ).toMatch(/"deciles" is not one of "quintile", "rfm_package"/);
    expect(
      problemsOf(() => buildRecipe("rfm", { tables: { transactions: orders }, params: { colour: "red" } }))[0],
    ).toMatch(/Unknown parameter "colour"/);
  });

  it("rejects weights outside [0, 1] or not summing to 1", () => {
    const score = (indicators: string) =>
      problemsOf(() => buildRecipe("value-score", { tables: { transactions: orders }, params: { indicators } }));
    expect(score("revenue:0.5,orders:0.4")).toEqual(["The weights add up to 0.9; they must add up to exactly 1."]);
    expect(score("revenue:1.5,orders:-0.5")).toEqual([
      'The weight of "revenue" is 1.5; each weight must be between 0 and 1.',
      'The weight of "orders" is -0.5; each weight must be between 0 and 1.',
    ]);
    expect(score("revenue:0.5,colour:0.5")[0]).toMatch(/"colour" is not an indicator/);
    expect(score("revenue:0.3,orders:0.3,recency:0.4:less")).toEqual([]);
  });

  it("refuses a cell name the recipe's own SQL uses, so no cell reads itself", () => {
    expect(
      problemsOf(() =>
        buildRecipe("clv", {
          tables: { transactions: orders },
          params: { measure: "revenue" },
          name: "lifetime_value",
        }),
      ),
    ).toEqual([
      'The cell name "lifetime_value" is also used inside the recipe\'s query, so the cell would read itself: choose another name.',
    ]);
    expect(problemsOf(() => buildRecipe("abc", { tables: { transactions: orders }, name: "9abc" }))[0]).toMatch(
      /cannot name the recipe's cells/,
    );
    expect(
      problemsOf(() => buildRecipe("behaviour-types", { tables: { transactions: orders }, params: { n: 2, k: 3 } })),
    ).toEqual(["k (periods with a purchase) must not exceed n (periods looked at)."]);
  });

  it("records the recipe and every parameter on the first cell, the recipe on the others", () => {
    const cells = buildRecipe("abc", { tables: { transactions: orders }, params: { a_share: 70 } });
    expect(cells[0]).toMatchObject({ kind: "sql", name: "abc" });
    expect(cells[0].attrs).toEqual({
      recipe: "abc",
      transactions: "orders",
      analysis_date: "auto",
      measure: "revenue",
      a_share: "70",
      b_share: "95",
      months: "0",
    });
    expect(cells.slice(1).every((c) => c.attrs?.recipe === "abc")).toBe(true);
    expect(cells.find((c) => c.kind === "chart")?.attrs).toEqual({ data: "abc_curve", recipe: "abc" });
  });
});

describe("rebuildRecipe(attrs, name, rolesOf)", () => {
  it("re-generates the same cells from a saved notebook's info string and front matter", () => {
    const built = buildRecipe("rfm", {
      tables: { transactions: orders },
      params: { scoring: "rfm_package", analysis_date: "2024-12-31", segments: "rfm_package" },
      name: "kunden_rfm",
    });
    const nb: Notebook = {
      frontMatter: { notebook: 1, data: { orders: { file: "orders.csv", roles: orders.roles } }, extra: {} },
      cells: built.map((c, i): Cell => ({
        id: `c${i}`,
        kind: c.kind,
        name: c.name,
        attrs: c.attrs ?? {},
        source: c.source,
      })),
    };
    const text = serializeNotebook(nb);
    expect(text).toContain(
      "```sql kunden_rfm recipe=rfm transactions=orders analysis_date=2024-12-31 scoring=rfm_package monetary=total segments=rfm_package\n",
    );
    const read = parseNotebook(text);
    const first = read.cells.find((c) => c.name === "kunden_rfm")!;
    const again = rebuildRecipe(first.attrs, first.name!, (t) => read.frontMatter.data[t]?.roles);
    expect(again).toEqual(built);
  });

  it.each(RECIPES.map((r) => r.id))("round-trips %s with its defaults through the notebook file", (id) => {
    const roles = { customer_id: "Kunden-Nr", date: "Datum", amount: "Umsatz", margin: "Marge", industry: "Branche" };
    const recipe = findRecipe(id)!;
    const tables = Object.fromEntries(
      recipe.inputs.map((slot) => [slot.name, { table: slot.name === "customers" ? "kunden" : "orders", roles }]),
    );
    const built = buildRecipe(recipe, { tables });
    const nb: Notebook = {
      frontMatter: { notebook: 1, data: {}, extra: {} },
      cells: built.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
    };
    const first = parseNotebook(serializeNotebook(nb)).cells[0];
    expect(rebuildRecipe(first.attrs, first.name!, () => roles)).toEqual(built);
  });

  it("round-trips the value matrix with predicted CLV as the potential (its first cell is still the main one)", () => {
    const built = buildRecipe("value-matrix", {
      tables: { transactions: orders },
      params: { potential: "predictive_clv", time_unit: "days", measure: "revenue" },
    });
    expect(built[0]).toMatchObject({
      kind: "sql",
      name: "value_matrix",
      attrs: { recipe: "value-matrix", potential: "predictive_clv", time_unit: "days" },
    });
    const nb: Notebook = {
      frontMatter: { notebook: 1, data: {}, extra: {} },
      cells: built.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
    };
    const first = parseNotebook(serializeNotebook(nb)).cells[0];
    expect(rebuildRecipe(first.attrs, first.name!, () => orders.roles)).toEqual(built);
  });

  it("gives undefined for a cell that names no recipe, or a recipe that does not exist", () => {
    expect(rebuildRecipe({ data: "x" }, "x", () => ({}))).toBeUndefined();
    expect(findRecipe("no-such-recipe")).toBeUndefined();
    expect(rebuildRecipe({ recipe: "no-such-recipe", transactions: "orders" }, "x", () => ({}))).toBeUndefined();
  });
});

describe("formatSpec(value)", () => {
  it("writes JSON that reads back the same, short parts on one line, strings untouched", () => {
    const spec = {
      title: "a,new: b",
      layer: [{ mark: "bar" }, {}],
      encoding: { x: { field: "k", scale: { domain: [0, 1] } } },
      long: "x".repeat(120),
    };
    const text = formatSpec(spec);
    expect(JSON.parse(text)).toEqual(spec);
    expect(text).toContain('"layer": [{ "mark": "bar" }, {}]');
    expect(text.split("\n").length).toBeGreaterThan(3);
  });
});

describe("quoteIdent(name) in built SQL", () => {
  it("keeps a hostile column name a column name", async () => {
    expect(quoteIdent('x" FROM t; --')).toBe('"x"" FROM t; --"');
    const evil = 'x" FROM t; --';
    const engine = await engineWith(
      `CREATE TABLE "odd table" AS SELECT * FROM (VALUES ('A', DATE '2024-01-01', 10.0), ('B', DATE '2024-01-02', 30.0)) v(${quoteIdent(evil)}, "da\nte", "€ amount")`,
    );
    try {
      const tables = {
        transactions: { table: "odd table", roles: { customer_id: evil, date: "da\nte", amount: "€ amount" } },
      };
      expect(checkRoles(findRecipe("abc")!, tables)).toEqual([]);
      const out = await runCells(engine, buildRecipe("abc", { tables }));
      expect(out.rows.abc.map((r) => [r.customer_id, r.value, r.class])).toEqual([
        ["B", 30, "A"],
        ["A", 10, "A"],
      ]);
    } finally {
      await engine.close();
    }
  });
});

describe("withQuery(ctes, final)", () => {
  it("writes each line of a CTE's comment as a comment line of its own", () => {
    const sql = withQuery(
      [{ name: "a", comment: "first line;\nsecond line", body: "SELECT 1 AS x" }],
      "SELECT * FROM a",
    );
    expect(sql.split("\n").slice(1, 3)).toEqual(["-- first line;", "-- second line"]);
  });

  it("keeps a line break in a comment (a table's name) from ending the comment", () => {
    const sql = withQuery([{ name: "a", comment: "from t\rDROP TABLE t;\r\nx", body: "SELECT 1" }], "SELECT * FROM a");
    expect(sql.split("\n").slice(1, 4)).toEqual(["-- from t", "-- DROP TABLE t;", "-- x"]);
  });
});
