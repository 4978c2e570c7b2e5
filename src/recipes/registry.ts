// The recipe catalogue: every recipe by id, and building one into cells after checking roles and parameters.
// The gallery lists `RECIPES`, shows `checkRoles` problems, and calls `buildRecipe` (also to re-generate).
import type { NewCell } from "../notebook/types";
import { badCellName, nameReadsItself, recipeNotBuilt, unknownRecipe } from "../messages/recipes";
import { compileCell } from "../compile/compile";
import { isCellName } from "../notebook/names";
import { readRecipeCall } from "./cells";
import { RecipeError } from "./errors";
import { paramReader, resolveParams } from "./params";
import { checkRoles, type Recipe, type TableBinding } from "./recipe";
import { attributeSegments } from "./catalogue/attribute-segments";
import { behaviourTypes } from "./catalogue/behaviour-types";
import { rfm } from "./catalogue/rfm";
import { abc } from "./catalogue/abc";
import { pyramid } from "./catalogue/pyramid";
import { clusters } from "./catalogue/clusters";
import { lifecycle } from "./catalogue/lifecycle";
import { activityLoyalty } from "./catalogue/activity-loyalty";
import { profitContribution } from "./catalogue/profit-contribution";
import { valueScore } from "./catalogue/value-score";
import { clv } from "./catalogue/clv";
import { valueMatrix } from "./catalogue/value-matrix";
import { retention } from "./catalogue/retention";
import { MARKET_RECIPES } from "./catalogue/market-recipes";

/** Every recipe, in catalogue order (analytics.md's numbering 1-13). */
export const RECIPES: readonly Recipe[] = [
  attributeSegments,
  behaviourTypes,
  rfm,
  abc,
  pyramid,
  clusters,
  lifecycle,
  activityLoyalty,
  profitContribution,
  valueScore,
  clv,
  valueMatrix,
  retention,
];

export { MARKET_RECIPES } from "./catalogue/market-recipes";

/**
 * The whole catalogue the gallery lists: recipes 1-13 (`RECIPES`, which read orders and customers) and
 * recipes 14-25 (`MARKET_RECIPES`, which also read survey, deals and receivables tables).
 */
export const CATALOGUE: readonly Recipe[] = [...RECIPES, ...MARKET_RECIPES];

/** The recipe with this id, or undefined. */
export function findRecipe(id: string): Recipe | undefined {
  return CATALOGUE.find((r) => r.id === id);
}

/** What to build: the tables per slot, parameter values (typed or as attribute text) and the cell-name prefix. */
export interface BuildRequest {
  readonly tables: Readonly<Record<string, TableBinding>>;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Prefix of the cell names; the recipe id (with `-` as `_`) by default. */
  readonly name?: string;
}

/** Builds a recipe's cells; throws a RecipeError listing every problem (roles, parameters) when it cannot. */
export function buildRecipe(recipeOrId: Recipe | string, request: BuildRequest): NewCell[] {
  const recipe = typeof recipeOrId === "string" ? findRecipe(recipeOrId) : recipeOrId;
  if (!recipe) throw new RecipeError(unknownRecipe(String(recipeOrId)));
  const resolved = resolveParams(recipe.params, request.params);
  const params = paramReader(resolved.values);
  const problems = [...resolved.problems];
  if (!problems.length) problems.push(...(recipe.validate?.(params) ?? []));
  problems.push(...checkRoles(recipe, request.tables, problems.length ? undefined : params).map((p) => p.message));
  if (problems.length) throw new RecipeError(recipeNotBuilt(recipe.title, problems), problems);
  const name = request.name ?? recipe.id.replace(/-/g, "_");
  if (!isCellName(name)) throw new RecipeError(badCellName(name));
  const cells = recipe.build({ name, tables: request.tables, params });
  // A cell whose SQL mentions its own name (say the prefix equals a column) would read itself: refuse the name.
  cells.forEach((cell, i) => {
    const compiled = compileCell({
      id: `recipe-${i}`,
      kind: cell.kind,
      name: cell.name,
      attrs: cell.attrs ?? {},
      source: cell.source,
    });
    if (cell.name && compiled.references.includes(cell.name.toLowerCase()) && cell.kind === "sql")
      throw new RecipeError(nameReadsItself(cell.name));
  });
  return cells;
}

/**
 * Re-builds a recipe from its first cell's attributes (`recipe=<id>`, the tables, the parameters), with the
 * role mappings as the notebook's front matter has them now; undefined when the attributes name no recipe.
 */
export function rebuildRecipe(
  attrs: Readonly<Record<string, string>>,
  name: string,
  rolesOf: (table: string) => Readonly<Record<string, string>> | undefined,
): NewCell[] | undefined {
  const recipe = attrs.recipe ? findRecipe(attrs.recipe) : undefined;
  const call = recipe && readRecipeCall(recipe, attrs);
  if (!recipe || !call) return undefined;
  const tables: Record<string, TableBinding> = {};
  for (const [slot, table] of Object.entries(call.tables)) tables[slot] = { table, roles: rolesOf(table) ?? {} };
  return buildRecipe(recipe, { tables, params: call.params, name });
}
