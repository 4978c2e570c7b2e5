// Settings saved beside a table's roles in `data.<table>.roles`: how its slash dates are ordered and which rows
// are cancellations. They are values, not column names, so the column checks and the column selects skip them.
import type { SlashOrder } from "./dates";

/** The setting keys: `date_order` (dmy | mdy), `cancel_prefix` (on the order id), `cancel_status` (status values). */
export const ROLE_SETTINGS: readonly string[] = ["date_order", "cancel_prefix", "cancel_status"];

/** Whether a key of a saved mapping is a setting rather than a role. */
export function isSetting(key: string): boolean {
  return ROLE_SETTINGS.includes(key);
}

/** The saved order of day and month in slash dates, or null when none was picked. */
export function dateOrderOf(roles: Readonly<Record<string, string>>): SlashOrder {
  const order = roles.date_order;
  return order === "dmy" || order === "mdy" ? order : null;
}

/** How rows are recognised as returns or cancellations, beyond a negative quantity or amount. */
export type ReturnRule =
  | { readonly kind: "sign" }
  | { readonly kind: "prefix"; readonly column: string; readonly prefix: string }
  | { readonly kind: "status"; readonly column: string; readonly values: readonly string[] };

/** The cancellation rule a mapping states; `sign` (negative rows only) when none, or its column is not mapped. */
export function returnRuleOf(roles: Readonly<Record<string, string>>): ReturnRule {
  const prefix = roles.cancel_prefix?.trim();
  if (prefix && roles.order_id) return { kind: "prefix", column: roles.order_id, prefix };
  const values = (roles.cancel_status ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length && roles.status) return { kind: "status", column: roles.status, values };
  return { kind: "sign" };
}

/** The role a setting reads its column from, when the setting is given but that role is not mapped. */
export function settingWithoutRole(roles: Readonly<Record<string, string>>): { setting: string; role: string } | null {
  if (roles.cancel_prefix?.trim() && !roles.order_id) return { setting: "cancel_prefix", role: "order_id" };
  if (roles.cancel_status?.trim() && !roles.status) return { setting: "cancel_status", role: "status" };
  return null;
}
