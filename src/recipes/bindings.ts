// Role mappings as the notebook stores them: `data.<table>.roles` in the front matter (role -> column),
// read into the table bindings recipes take, written back with notebook/edit's withRoles, and checked.
import { derivedFromText, missingRoles, settingNeedsRole, unknownColumn, unknownRole } from "../messages/recipes";
import { kindOfType } from "../table/result";
import { DERIVED_FROM, isDerived } from "./derived";
import { isSetting, settingWithoutRole } from "./role-settings";
import { withRoles } from "../notebook/edit";
import type { Notebook } from "../notebook/types";
import type { TableBinding } from "./recipe";
import { ROLE_VOCABULARY, type TableKind } from "./role-vocabulary";

/** A table's role mapping: role name -> the client's column name, as saved in the front matter. */
export type RoleMapping = Readonly<Record<string, string>>;

/** The binding of a declared table: its name, the roles saved for it, and its columns when known. */
export function bindingFor(nb: Notebook, table: string, columns?: readonly string[]): TableBinding {
  return { table, roles: nb.frontMatter.data[table]?.roles ?? {}, ...(columns ? { columns } : {}) };
}

/** Returns `nb` with `mapping` saved as `data.<table>.roles` (unmapped, empty entries dropped). */
export function saveRoles(nb: Notebook, table: string, mapping: RoleMapping, file?: string): Notebook {
  const roles = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column !== ""));
  return withRoles(nb, table, roles, file);
}

/** What a mapping lacks for a kind of table: required roles unmapped, columns that do not exist, unknown roles. */
export interface MappingCheck {
  readonly missing: readonly string[];
  readonly unknownColumns: readonly { role: string; column: string }[];
  readonly unknownRoles: readonly string[];
  /** One sentence per problem, saying what to map. */
  readonly messages: readonly string[];
}

/** Checks a table's mapping against the roles of its kind (and its columns and their types, when given). */
export function checkMapping(
  kind: TableKind,
  table: string,
  mapping: RoleMapping,
  columns?: readonly string[],
  types?: Readonly<Record<string, string>>,
): MappingCheck {
  const specs = ROLE_VOCABULARY[kind];
  const exists = (column: string) => !columns || columns.includes(column);
  const missing = specs
    .filter((s) => s.required && !mapping[s.name] && !isDerived(mapping, s.name, exists))
    .map((s) => s.name);
  const unknownColumns = Object.entries(mapping)
    .filter(([role, column]) => !isSetting(role) && columns && column && !columns.includes(column))
    .map(([role, column]) => ({ role, column }));
  const unknownRoles = Object.keys(mapping).filter((role) => !isSetting(role) && !specs.some((s) => s.name === role));
  const unset = settingWithoutRole(mapping);
  const messages = [
    ...(missing.length ? [missingRoles(`A ${kind} table`, table, missing)] : []),
    ...unknownColumns.map((u) => unknownColumn(table, u.column, u.role)),
    ...unknownRoles.map((r) =>
      unknownRole(
        r,
        kind,
        specs.map((s) => s.name),
      ),
    ),
    ...derivedInputsAsText(table, mapping, types),
    ...(unset ? [settingNeedsRole(table, unset.setting, unset.role)] : []),
  ];
  return { missing, unknownColumns, unknownRoles, messages };
}

/** A derived role (amount = quantity × unit price, margin = amount - cost) whose input column holds text. */
function derivedInputsAsText(table: string, mapping: RoleMapping, types?: Readonly<Record<string, string>>): string[] {
  if (!types) return [];
  const inputs: [string, string][] = [
    ...(isDerived(mapping, "amount") ? DERIVED_FROM.amount.map((r): [string, string] => [r, "amount"]) : []),
    ...(mapping.cost && !mapping.margin ? [["cost", "margin"] as [string, string]] : []),
  ];
  return inputs
    .filter(([role]) => types[mapping[role]] !== undefined && kindOfType(types[mapping[role]]) !== "number")
    .map(([role, derived]) => derivedFromText(table, role, mapping[role], types[mapping[role]], derived));
}
