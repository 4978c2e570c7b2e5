// Roles computed when the file lacks the column: amount = quantity × unit price (exact, in DECIMAL), and the
// amount as the cancellation rule signs it (role-settings.ts). Margin = amount - cost lives in transactions.ts.
import { returnRuleOf } from "./role-settings";
import { quoteIdent, sqlString } from "./sql";

type Roles = Readonly<Record<string, string>>;

/** The roles each derived role is computed from. */
export const DERIVED_FROM: Readonly<Record<string, readonly string[]>> = { amount: ["quantity", "unit_price"] };

/** Whether `role` is not mapped but computed from roles that are (`exists` says whether a column is there). */
export function isDerived(roles: Roles, role: string, exists: (column: string) => boolean = () => true): boolean {
  const inputs = DERIVED_FROM[role];
  return !roles[role] && !!inputs && inputs.every((r) => !!roles[r] && exists(roles[r]));
}

/** A column read as DECIMAL(18,4): any number DuckDB reads, else NULL (text is never guessed at). */
export function decimalOf(column: string): string {
  return `TRY_CAST(TRY_CAST(${quoteIdent(column)} AS DOUBLE) AS DECIMAL(18, 4))`;
}

/** `quantity × unit price` rounded to 4 decimals (exact for any price with up to 4 decimals). */
export function derivedAmount(roles: Roles): string {
  return `CAST(${decimalOf(roles.quantity)} * ${decimalOf(roles.unit_price)} AS DECIMAL(18, 4))`;
}

/** The amount with the mapping's cancellation rule applied: a matching row counts as a return (negative). */
export function signedAmount(roles: Roles, amount: string): string {
  const rule = returnRuleOf(roles);
  if (rule.kind === "sign") return amount;
  const column = `CAST(${quoteIdent(rule.column)} AS VARCHAR)`;
  const test =
    rule.kind === "prefix"
      ? `starts_with(trim(${column}), ${sqlString(rule.prefix)})`
      : `trim(${column}) IN (${rule.values.map(sqlString).join(", ")})`;
  return `CASE WHEN ${test} THEN -abs(${amount}) ELSE ${amount} END`;
}
