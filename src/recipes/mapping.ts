// The first CTEs of every recipe query: a `params` CTE holding the parameter values as literals, and a
// role-mapping CTE that selects the user's columns under role names (always quoted, cast to the role's type).
import type { RoleType, TableKind } from "./role-vocabulary";
import { ROLE_VOCABULARY } from "./role-vocabulary";
import type { ParamReader, ParamSpec } from "./params";
import type { TableBinding } from "./recipe";
import { hasRole } from "./recipe";
import { dateSql, type SlashOrder } from "./dates";
import { derivedAmount, signedAmount } from "./derived";
import { dateOrderOf, returnRuleOf } from "./role-settings";
import { derivedAmountNote, returnRuleNote } from "../messages/recipes";
import { paramsBody, quoteIdent, sqlBool, sqlDate, sqlNumber, sqlString, type Cte, type ParamColumn } from "./sql";

/** The SQL literal of one parameter value, typed so arithmetic stays DOUBLE and NULL stays typed. */
export function paramLiteral(spec: ParamSpec, value: unknown): string {
  switch (spec.type) {
    case "number":
      if (value === null) return spec.integer ? "CAST(NULL AS INTEGER)" : "CAST(NULL AS DOUBLE)";
      return sqlNumber(value as number, !spec.integer);
    case "date":
      return sqlDate(value as string | null);
    case "boolean":
      return sqlBool(value as boolean);
    case "choice":
    case "text":
      return sqlString(value as string);
    default:
      throw new Error(`parameter ${spec.name} has no SQL literal`);
  }
}

/** The `params` CTE: the named parameters (scalar ones only) plus any extra literal columns, one per line. */
export function paramsCte(
  specs: readonly ParamSpec[],
  params: ParamReader,
  names: readonly string[],
  extra: readonly ParamColumn[] = [],
): Cte {
  const columns: ParamColumn[] = names.map((name) => {
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new Error(`unknown recipe parameter ${name}`);
    const value = params.values[name];
    const auto = value === null && (spec.type === "number" || spec.type === "date") ? spec.auto : undefined;
    return { name, sql: paramLiteral(spec, value), comment: auto ? `${spec.label} (NULL: ${auto})` : spec.label };
  });
  return {
    name: "params",
    body: paramsBody([...columns, ...extra]),
    comment: "parameters: edit here, or re-insert the recipe from the gallery",
  };
}

/** How a role's column is cast: text for ids (integer-valued numbers without `.0`), DATE for dates (dates.ts), DOUBLE for numbers. */
export function roleExpression(column: string, type: RoleType, order: SlashOrder = null): string {
  const col = quoteIdent(column);
  switch (type) {
    case "id": {
      // A numeric key read as DOUBLE (`17850.0`) must equal the same key written `17850` in another file. Only
      // text with a dot can be one: the regular expression is skipped otherwise (~0.5 s per 1M rows).
      const text = `CAST(${col} AS VARCHAR)`;
      const dropped = `regexp_replace(${text}, '^(-?[0-9]+)\\.0+$', '\\1')`;
      return `CASE WHEN contains(${text}, '.') THEN ${dropped} ELSE ${text} END`;
    }
    case "text":
      return `CAST(${col} AS VARCHAR)`;
    case "date":
      return dateSql(column, order);
    case "number":
      return `TRY_CAST(${col} AS DOUBLE)`;
  }
}

/** Roles that hold money: read as DECIMAL, so sums are exact and the same on every run and thread count. */
export const MONEY_ROLES: ReadonlySet<string> = new Set([
  "amount",
  "margin",
  "cost",
  "acquisition_cost",
  "our_price",
  "competitor_price",
]);

/**
 * A money column as DECIMAL(18,4): read as DOUBLE first (any number DuckDB reads), then to 4 decimals, so a sum
 * of returns that cancels its purchases is exactly 0 and a parallel sum cannot wobble in the last bit.
 */
export function moneyExpression(column: string): string {
  return `TRY_CAST(TRY_CAST(${quoteIdent(column)} AS DOUBLE) AS DECIMAL(18, 4))`;
}

/** The role-mapping CTE: `SELECT <your column> AS <role>, ... FROM <table>` for the roles given that are mapped. */
export function roleCte(name: string, kind: TableKind, binding: TableBinding, roles: readonly string[]): Cte {
  const specs = ROLE_VOCABULARY[kind];
  const order = dateOrderOf(binding.roles);
  const derived = !binding.roles.amount && hasRole(binding, "amount");
  const lines = roles
    .filter((role) => hasRole(binding, role))
    .map((role) => {
      const type = specs.find((s) => s.name === role)?.type ?? "text";
      if (role === "amount") {
        const amount = derived ? derivedAmount(binding.roles) : moneyExpression(binding.roles.amount);
        return `${signedAmount(binding.roles, amount)} AS amount`;
      }
      const expression =
        type === "number" && MONEY_ROLES.has(role)
          ? moneyExpression(binding.roles[role])
          : roleExpression(binding.roles[role], type, order);
      return `${expression} AS ${role}`;
    });
  const rule = returnRuleOf(binding.roles);
  const notes = roles.includes("amount")
    ? [
        ...(derived ? [derivedAmountNote(binding.roles.quantity, binding.roles.unit_price)] : []),
        ...(rule.kind === "sign" ? [] : [returnRuleNote(rule)]),
      ]
    : [];
  return {
    name,
    body: `SELECT\n${lines.map((l) => "  " + l).join(",\n")}\nFROM ${quoteIdent(binding.table)}`,
    comment: [`your columns in ${binding.table} under the role names this analysis uses`, ...notes].join("; "),
    reads: [binding.table],
  };
}
