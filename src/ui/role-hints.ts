// What sampled values say about a table's mapping: the form of each date role's values (and whether day and
// month need an order picked), and whether "amount" holds unit prices. Read from the first rows of the table.
import { detectDateFormat, type DateFormatFound } from "../recipes/dates";
import { amountLooksLikePrice } from "../recipes/price-check";
import { rolesOf } from "../recipes/roles";
import { dateOrderOf } from "../recipes/role-settings";
import { kindOfType } from "../table/result";
import type { TableMapping } from "./mapping";

/** The hints for one table: date forms per role (text or number columns only), the order question, the price check. */
export interface RoleHints {
  readonly dates: Readonly<Record<string, DateFormatFound>>;
  /** The date role whose slash dates need `date_order` (not yet picked, or picked and shown for change). */
  readonly orderRole: string | null;
  /** An example of a value that reads both ways, e.g. `03/04/2024`. */
  readonly orderExample: string | null;
  /** The quantity column when "amount" looks like a unit price. */
  readonly priceQuantity: string | null;
}

const SLASH = /^\d{1,2}\/\d{1,2}\/\d{4}/;

/** Reads the hints of `mapping` from sampled rows (column name -> value). */
export function roleHints(mapping: TableMapping, rows: readonly Readonly<Record<string, unknown>>[]): RoleHints {
  const dates: Record<string, DateFormatFound> = {};
  let orderRole: string | null = null;
  let orderExample: string | null = null;
  for (const spec of rolesOf(mapping.kind).filter((s) => s.type === "date")) {
    const column = mapping.columns.find((c) => c.name === mapping.roles[spec.name]);
    if (!column || ["date", "timestamp"].includes(kindOfType(column.type)) || !rows.length) continue;
    const values = rows
      .map((r) => r[column.name])
      .filter((v) => v !== null && v !== undefined)
      .map(String);
    const found = detectDateFormat(values);
    dates[spec.name] = found;
    const slashes = values.filter((v) => SLASH.test(v.trim()));
    if (!orderRole && slashes.length && (found.format.includes("/MM/") || found.format.includes("/DD/"))) {
      orderRole = spec.name;
      orderExample =
        slashes.find((v) =>
          v
            .split("/")
            .slice(0, 2)
            .every((p) => +p <= 12),
        ) ?? slashes[0];
    }
  }
  const hints = mapping.columns.map((c) => ({ name: c.name, type: c.type }));
  const priceQuantity = mapping.kind === "transactions" ? amountLooksLikePrice(mapping.roles, hints, rows) : null;
  return { dates, orderRole, orderExample, priceQuantity };
}

/** Whether the slash dates still need their order picked before analyses can read them. */
export function needsOrder(mapping: TableMapping, hints: RoleHints): boolean {
  return !!hints.orderRole && dateOrderOf(mapping.roles) === null;
}
