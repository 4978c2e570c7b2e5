// The column roles recipes ask for, per kind of table (analytics.md, "Inputs: tables and column roles").
// A role says what a column means; the user maps their own column names to roles once per data set.

/** The kinds of table recipes read. */
export type TableKind = "transactions" | "customers" | "survey" | "deals" | "receivables";

/** What a role's column must hold: an identifier, a date, a number or free text (categories). */
export type RoleType = "id" | "date" | "number" | "text";

/** One role of a table kind. */
export interface RoleSpec {
  readonly name: string;
  readonly type: RoleType;
  readonly required: boolean;
}

const role = (name: string, type: RoleType, required = false): RoleSpec => ({ name, type, required });

/** Every role of every table kind, required roles first (analytics.md's table, in order). */
export const ROLE_VOCABULARY: Readonly<Record<TableKind, readonly RoleSpec[]>> = {
  transactions: [
    role("customer_id", "id", true),
    role("date", "date", true),
    role("amount", "number", true),
    role("margin", "number"),
    role("cost", "number"),
    role("quantity", "number"),
    role("unit_price", "number"),
    role("order_id", "id"),
    role("status", "text"),
    role("product", "text"),
    role("category", "text"),
    role("channel", "text"),
  ],
  customers: [
    role("customer_id", "id", true),
    role("name", "text"),
    role("industry", "text"),
    role("size", "text"),
    role("region", "text"),
    role("country", "text"),
    role("first_contact_date", "date"),
    role("acquisition_cost", "number"),
    role("account_manager", "text"),
    role("status", "text"),
  ],
  survey: [
    role("customer_id", "id", true),
    role("attribute", "text"),
    role("importance", "number"),
    role("satisfaction", "number"),
    role("nps", "number"),
    role("competitor", "text"),
    role("competitor_rating", "number"),
    role("date", "date"),
  ],
  deals: [
    role("deal_id", "id", true),
    role("stage", "text", true),
    role("customer_id", "id"),
    role("competitor", "text"),
    role("our_price", "number"),
    role("competitor_price", "number"),
    role("amount", "number"),
    role("loss_reason", "text"),
    role("created", "date"),
    role("closed", "date"),
    role("owner", "text"),
    role("product", "text"),
    role("source", "text"),
    role("region", "text"),
  ],
  receivables: [
    role("customer_id", "id", true),
    role("amount", "number", true),
    role("due_date", "date", true),
    role("invoice_date", "date"),
    role("paid_date", "date"),
  ],
};

/** The table kinds, in the order a guess prefers them when the evidence is equal. */
export const TABLE_KINDS: readonly TableKind[] = ["transactions", "customers", "survey", "deals", "receivables"];

/** The roles of a table kind. */
export function rolesOf(kind: TableKind): readonly RoleSpec[] {
  return ROLE_VOCABULARY[kind];
}

/** The names of the roles a table kind requires. */
export function requiredRoles(kind: TableKind): string[] {
  return ROLE_VOCABULARY[kind].filter((r) => r.required).map((r) => r.name);
}

/** Whether `name` is a role of `kind`. */
export function isRoleOf(kind: TableKind, name: string): boolean {
  return ROLE_VOCABULARY[kind].some((r) => r.name === name);
}
