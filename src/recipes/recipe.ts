// What a recipe is: the tables and roles it reads, its typed parameters, and a builder that writes cells.
// Also the checks the gallery runs before building: roles present (checkRoles) and parameters valid.
import type { NewCell } from "../notebook/types";
import type { TableKind } from "./role-vocabulary";
import type { ParamReader, ParamSpec } from "./params";
import { missingRoles, missingTable, roleNeededFor, unknownColumn } from "../messages/recipes";
import { isDerived } from "./derived";

export type { ParamReader, ParamSpec } from "./params";

/** The families of the catalogue (analytics.md's headings). */
export type RecipeFamily = "segmentation" | "value" | "loyalty" | "needs" | "competitors" | "key accounts";

/** A table a recipe reads: which kind, whether it must be there, and the roles it uses. */
export interface TableSlot {
  /** The slot's key, also its info-string attribute, e.g. `transactions=orders`. */
  readonly name: string;
  readonly kind: TableKind;
  readonly required: boolean;
  /** Roles the recipe cannot do without when the table is given. */
  readonly roles: readonly string[];
  /** Roles that switch features on when mapped. */
  readonly optional: readonly string[];
}

/** A table the user chose for a slot, with its role mapping (and its columns when known, for checking). */
export interface TableBinding {
  readonly table: string;
  readonly roles: Readonly<Record<string, string>>;
  readonly columns?: readonly string[];
}

/** A role that a parameter value makes necessary (e.g. ABC by margin needs `margin` or `cost`). */
export interface RoleNeed {
  readonly slot: string;
  /** Any one of these roles satisfies the need. */
  readonly anyOf: readonly string[];
  /** Why, for the message: e.g. `measure = margin`. */
  readonly because: string;
}

/** Everything a builder needs: the cell name prefix, the bound tables and the resolved parameters. */
export interface RecipeContext {
  readonly name: string;
  readonly tables: Readonly<Record<string, TableBinding>>;
  readonly params: ParamReader;
}

/** A reusable analysis: inserted into a notebook as cells the user can read and edit. */
export interface Recipe {
  readonly id: string;
  readonly title: string;
  /** The business question it answers, one sentence. */
  readonly question: string;
  readonly family: RecipeFamily;
  readonly inputs: readonly TableSlot[];
  readonly params: readonly ParamSpec[];
  /** Roles that only some parameter values need. */
  needs?(params: ParamReader): readonly RoleNeed[];
  /** Checks across parameters (orders of thresholds, sums of weights); returns problems as sentences. */
  validate?(params: ParamReader): readonly string[];
  /** Writes the cells: SQL with parameters at the top and a role-mapping CTE, then a default chart. */
  build(ctx: RecipeContext): NewCell[];
}

/** One reason a recipe cannot run on the given tables. */
export interface RoleProblem {
  readonly slot: string;
  readonly table?: string;
  readonly roles: readonly string[];
  readonly message: string;
}

/** Whether a binding maps `role` (to a column that exists, when the columns are known) or derives it. */
export function hasRole(binding: TableBinding | undefined, role: string): boolean {
  if (!binding) return false;
  const exists = (column: string) => !binding.columns || binding.columns.includes(column);
  const column = binding.roles[role];
  return column ? exists(column) : isDerived(binding.roles, role, exists);
}

/** Lists what is missing for `recipe` on `tables`: absent required tables, unmapped roles, unknown columns. */
export function checkRoles(
  recipe: Recipe,
  tables: Readonly<Record<string, TableBinding>>,
  params?: ParamReader,
): RoleProblem[] {
  const problems: RoleProblem[] = [];
  for (const slot of recipe.inputs) {
    const binding = tables[slot.name];
    if (!binding) {
      if (slot.required)
        problems.push({
          slot: slot.name,
          roles: slot.roles,
          message: missingTable(recipe.title, slot.kind, slot.roles),
        });
      continue;
    }
    for (const [role, column] of Object.entries(binding.roles)) {
      if (
        binding.columns &&
        column &&
        !binding.columns.includes(column) &&
        [...slot.roles, ...slot.optional].includes(role)
      ) {
        problems.push({
          slot: slot.name,
          table: binding.table,
          roles: [role],
          message: unknownColumn(binding.table, column, role),
        });
      }
    }
    const absent = slot.roles.filter((role) => !binding.roles[role] && !isDerived(binding.roles, role));
    if (absent.length)
      problems.push({
        slot: slot.name,
        table: binding.table,
        roles: absent,
        message: missingRoles(recipe.title, binding.table, absent),
      });
  }
  for (const need of params && recipe.needs ? recipe.needs(params) : []) {
    const binding = tables[need.slot];
    if (binding && !need.anyOf.some((role) => hasRole(binding, role))) {
      problems.push({
        slot: need.slot,
        table: binding.table,
        roles: need.anyOf,
        message: roleNeededFor(recipe.title, binding.table, need.anyOf, need.because),
      });
    } else if (!binding) {
      const kind = recipe.inputs.find((s) => s.name === need.slot)?.kind ?? need.slot;
      problems.push({
        slot: need.slot,
        roles: need.anyOf,
        message: missingTable(recipe.title, kind, need.anyOf, need.because),
      });
    }
  }
  return problems;
}
