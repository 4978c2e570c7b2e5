// Resolves the fields a spec names against the columns of its data, failing with a message that lists them.
import { chartMessages as m } from "../../messages/charts";
import { ChartPlanError, type Column } from "./types";
import { unescapeField } from "./sql";

/** The column a Vega-Lite field reference names (exactly, or with its escapes removed); throws when none does. */
export function resolveField(field: unknown, columns: readonly Column[]): Column {
  const name = String(field);
  const found = columns.find((c) => c.name === name) ?? columns.find((c) => c.name === unescapeField(name));
  if (!found)
    throw new ChartPlanError(
      m.unknownField(
        name,
        columns.map((c) => c.name),
      ),
    );
  return found;
}

/** True for DATE and TIMESTAMP columns. */
export const isTemporal = (column: Column) => column.kind === "date" || column.kind === "timestamp";

/** The Vega-Lite type a field gets when the author left it out (as `bindChart` decides). */
export function defaultType(column: Column, aggregated: boolean, timeUnit: boolean): string {
  if (isTemporal(column) || timeUnit) return "temporal";
  return aggregated || column.kind === "number" ? "quantitative" : "nominal";
}
