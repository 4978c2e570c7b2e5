// The data behind a chart as CSV: the rows inlined in its spec (what the chart draws), through the
// same CSV writer as result tables, so spreadsheet formulas in text are defused the same way.
import { tableFromColumns, type ColumnInfo, type Value, type ValueKind } from "../table/result";
import { tableToCsv } from "./csv";

const DAY_MS = 86_400_000;

/** The fields that encodings (also those of layers) draw on a time scale. */
function temporalFields(view: unknown, into = new Set<string>()): Set<string> {
  if (typeof view !== "object" || view === null) return into;
  const { encoding, layer } = view as { encoding?: unknown; layer?: unknown };
  if (typeof encoding === "object" && encoding !== null) {
    for (const def of Object.values(encoding)) {
      const { field, type } = (def ?? {}) as { field?: unknown; type?: unknown };
      if (typeof field === "string" && type === "temporal") into.add(field);
    }
  }
  if (Array.isArray(layer)) for (const inner of layer) temporalFields(inner, into);
  return into;
}

function kindOf(values: readonly Value[], temporal: boolean): ValueKind {
  const present = values.filter((v) => v !== null);
  if (present.every((v) => typeof v === "number")) {
    if (!temporal) return "number";
    return present.every((v) => (v as number) % DAY_MS === 0) ? "date" : "timestamp";
  }
  return present.every((v) => typeof v === "boolean") ? "boolean" : "string";
}

/** The rows of `spec.data.values` as CSV text (times as ISO dates), or null when the spec has no inline rows. */
export function chartDataCsv(spec: Record<string, unknown>): string | null {
  const rows = (spec.data as { values?: unknown } | undefined)?.values;
  if (!Array.isArray(rows)) return null;
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (typeof row !== "object" || row === null) continue;
    for (const name of Object.keys(row)) {
      if (seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
  }
  const temporal = temporalFields(spec);
  const data = names.map((name) =>
    rows.map((row): Value => {
      const v = (row as Record<string, unknown>)?.[name];
      return v === undefined || v === null ? null : typeof v === "object" ? JSON.stringify(v) : (v as Value);
    }),
  );
  const columns: ColumnInfo[] = names.map((name, i) => ({ name, type: "", kind: kindOf(data[i], temporal.has(name)) }));
  return tableToCsv(tableFromColumns(columns, data));
}
