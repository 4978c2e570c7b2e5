// Golden files for the recipes: each recipe of the catalogue, built with the sample role bindings and its
// default parameters (plus the few the sample data needs, PARAMS), written as the notebook a user would get:
// test/recipes/golden/<recipe id>.md. The update command is in ../golden.ts.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { CATALOGUE, buildRecipe } from "../../src/recipes/registry";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { DataSource, Notebook } from "../../src/notebook/types";
import { expectGolden, expectOnlyGolden } from "../golden";
import { PARAMS, SAMPLE_TABLES, tablesOf } from "./sample-bindings";

const golden = join(__dirname, "golden");

/** Recipe `id` built on the sample tables, as notebook text whose front matter declares those tables. */
function recipeNotebook(id: string): string {
  const tables = tablesOf(id);
  const data: Record<string, DataSource> = {};
  for (const { table, roles } of Object.values(tables)) {
    const file = SAMPLE_TABLES.find(([name]) => name === table)?.[1];
    if (!file) throw new Error(`${id}: no sample file for table ${table}`);
    data[table] = { file, roles };
  }
  const cells = buildRecipe(id, { tables, params: PARAMS[id] }).map((cell, i) => ({
    id: `c${i}`,
    kind: cell.kind,
    ...(cell.name === undefined ? {} : { name: cell.name }),
    attrs: cell.attrs ?? {},
    source: cell.source,
  }));
  const notebook: Notebook = { frontMatter: { notebook: 1, title: `Recipe ${id}`, data, extra: {} }, cells };
  return serializeNotebook(notebook);
}

describe("buildRecipe(id, sample bindings)", () => {
  it.each(CATALOGUE.map((recipe) => recipe.id))("%s", (id) => {
    const text = recipeNotebook(id);
    // A comment of several lines is several `--` lines, never one line with a second `--` inside it.
    for (const line of text.split("\n")) expect(line, id).not.toMatch(/^\s*--.*[;.] -- /);
    expectGolden(join(golden, `${id}.md`), text);
  });

  it("has a file for every recipe and no other file", () => {
    expect(CATALOGUE.length).toBeGreaterThan(20);
    expectOnlyGolden(
      golden,
      CATALOGUE.map((recipe) => `${recipe.id}.md`),
    );
  });
});
