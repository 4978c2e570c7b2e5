// The customers table as recipes read it: its slot, and a `cust` CTE with one row per customer id
// (duplicate ids in the client's table are collapsed, taking the smallest value of each column).
import type { RecipeContext, TableSlot } from "./recipe";
import { hasRole } from "./recipe";
import { roleCte } from "./mapping";
import type { Cte } from "./sql";

/** The customers slot: `customer_id` required once the table is given, the given roles optional. */
export function customersSlot(required: boolean, optional: readonly string[]): TableSlot {
  return { name: "customers", kind: "customers", required, roles: ["customer_id"], optional };
}

/** Whether a customers table is bound and maps `role`. */
export function hasCustomerRole(ctx: RecipeContext, role: string): boolean {
  return hasRole(ctx.tables.customers, role);
}

/** The CTEs `cust_roles` (mapping) and `cust` (one row per customer) for the mapped ones of `roles`. */
export function customerCtes(ctx: RecipeContext, roles: readonly string[]): Cte[] {
  const binding = ctx.tables.customers;
  const mapped = roles.filter((r) => hasRole(binding, r));
  const columns = mapped.map((r) => `,\n  min(${r}) AS ${r}`).join("");
  return [
    roleCte("cust_roles", "customers", binding, ["customer_id", ...mapped]),
    {
      name: "cust",
      comment: "one row per customer (a duplicated id keeps the smallest value of each column)",
      body: `SELECT customer_id${columns}\nFROM cust_roles\nWHERE customer_id IS NOT NULL\nGROUP BY customer_id`,
    },
  ];
}
