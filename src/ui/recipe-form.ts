// The gallery's form for one recipe, as plain data: a field value per parameter, which loaded table fills
// each slot, and the checks the recipe framework runs on them (parameters, roles, the build itself).
import type { buildRecipe } from "../recipes/registry";
import { RecipeError } from "../recipes/errors";
import { checkRoles, type Recipe, type RoleProblem, type TableBinding } from "../recipes/recipe";
import { AUTO, encodeParam, paramReader, resolveParams, type ParamSpec } from "../recipes/params";
import type { NewCell } from "../session/types";
import type { TableMapping } from "./mapping";

/** A form field's value: text for most parameters, a flag for yes/no, a list for multiple choice. */
export type FieldValue = string | boolean | string[];

/** Drops unmapped roles, as the front matter stores them. */
export function mappedOnly(roles: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(roles).filter(([, column]) => column));
}

/** The form's starting values: each parameter's default, automatic values as empty fields. */
export function formDefaults(specs: readonly ParamSpec[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const spec of specs) {
    if (spec.type === "boolean") values[spec.name] = spec.default;
    else if (spec.type === "multichoice") values[spec.name] = [...spec.default];
    else if ((spec.type === "number" || spec.type === "date") && spec.default === null) values[spec.name] = "";
    else values[spec.name] = encodeParam(spec, spec.default);
  }
  return values;
}

/** The form's values as info-string attribute text, which the recipe framework decodes and validates. */
export function formAttrs(
  specs: readonly ParamSpec[],
  values: Readonly<Record<string, FieldValue>>,
): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (value === undefined) continue;
    if (typeof value === "boolean") attrs[spec.name] = value ? "true" : "false";
    else if (Array.isArray(value)) attrs[spec.name] = value.join(",");
    else if ((spec.type === "number" || spec.type === "date") && value.trim() === "") attrs[spec.name] = AUTO;
    else attrs[spec.name] = value;
  }
  return attrs;
}

/** For each slot, a loaded table of the slot's kind (the first one), or "" when there is none. */
export function defaultSlots(recipe: Recipe, mappings: readonly TableMapping[]): Record<string, string> {
  const slots: Record<string, string> = {};
  for (const slot of recipe.inputs) slots[slot.name] = mappings.find((m) => m.kind === slot.kind)?.table ?? "";
  return slots;
}

/** The tables chosen for the slots, with their current role mappings and columns. */
export function slotBindings(
  recipe: Recipe,
  slots: Readonly<Record<string, string>>,
  mappings: readonly TableMapping[],
): Record<string, TableBinding> {
  const tables: Record<string, TableBinding> = {};
  for (const slot of recipe.inputs) {
    const mapping = mappings.find((m) => m.table === slots[slot.name]);
    if (mapping)
      tables[slot.name] = {
        table: mapping.table,
        roles: mappedOnly(mapping.roles),
        columns: mapping.columns.map((c) => c.name),
      };
  }
  return tables;
}

/** Everything the gallery shows before inserting: parameter problems, role problems, and the cells or why not. */
export interface RecipeCheck {
  readonly params: readonly string[];
  readonly roles: readonly RoleProblem[];
  /** Problems only the build found (e.g. a table name the recipe uses internally). */
  readonly build: readonly string[];
  readonly cells?: readonly NewCell[];
}

/**
 * Checks a recipe on the chosen tables and form values, and builds its cells (with `build`, the registry's
 * `buildRecipe`, which the gallery loads on demand) when nothing is wrong.
 */
export function checkRecipe(
  recipe: Recipe,
  tables: Readonly<Record<string, TableBinding>>,
  attrs: Readonly<Record<string, string>>,
  name: string,
  build: typeof buildRecipe,
): RecipeCheck {
  const resolved = resolveParams(recipe.params, attrs);
  const params = [...resolved.problems];
  if (!params.length) params.push(...(recipe.validate?.(paramReader(resolved.values)) ?? []));
  const roles = checkRoles(recipe, tables, params.length ? undefined : paramReader(resolved.values));
  if (params.length || roles.length) return { params, roles, build: [] };
  try {
    return { params, roles, build: [], cells: build(recipe, { tables, params: attrs, name }) };
  } catch (error) {
    return {
      params,
      roles,
      build: error instanceof RecipeError ? error.problems : [error instanceof Error ? error.message : String(error)],
    };
  }
}

/** A prefix for the recipe's cell names that no cell or table uses yet: `rfm`, else `rfm_2`, `rfm_3`, … */
export function freePrefix(recipe: Recipe, taken: Iterable<string>): string {
  const names = [...taken].map((n) => n.toLowerCase());
  const base = recipe.id.replace(/-/g, "_");
  const clashes = (p: string) => names.some((n) => n === p || n.startsWith(`${p}_`));
  if (!clashes(base)) return base;
  let n = 2;
  while (clashes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** Whether a recipe can run on the loaded tables as mapped now, with its default settings. */
export function readiness(recipe: Recipe, mappings: readonly TableMapping[]): readonly RoleProblem[] {
  const tables = slotBindings(recipe, defaultSlots(recipe, mappings), mappings);
  return checkRoles(recipe, tables, paramReader(resolveParams(recipe.params).values));
}
