// What a chart selection binds for other cells: a brush becomes two text bounds (cast them to the column's
// type), a click a list of values. Cleared, a brush spans everything ("-infinity" .. "infinity") and a
// click is an empty list; a brush over whole time units snaps to the first and last day of the units it covers.

/** A selection's raw value as the chart reports it: the brushed extent or the clicked values of its field. */
export type RawSelection = readonly (string | number | boolean | null)[];

/** What a selection binds: text bounds [from, to] for an interval, the values for a point selection. */
export type SelectionValue = (string | number | boolean | null)[];

/** The bounds a cleared brush binds: every value of any DATE, TIMESTAMP or DOUBLE lies between them. */
export const ALL_BOUNDS: readonly [string, string] = ["-infinity", "infinity"];

/** The drawn encoding a selection is on: its type and time unit (as the planned spec has them). */
export interface SelectionEncoding {
  readonly type?: string;
  readonly timeUnit?: string;
}

type Unit = "year" | "quarter" | "month" | "day";
const UNITS: Record<string, Unit> = { year: "year", yearquarter: "quarter", yearmonth: "month", yearmonthdate: "day" };
const DAY = 86_400_000;

/** Converts what the chart reports into what `${name}` binds (see FORMAT.md, chart selections). */
export function selectionValue(type: "interval" | "point", raw: RawSelection, on: SelectionEncoding): SelectionValue {
  const temporal = on.type === "temporal";
  const unit = UNITS[(on.timeUnit ?? "").replace(/^utc/, "")] as Unit | undefined;
  if (type === "point") {
    return raw.map((v) => (temporal && typeof v === "number" ? (unit ? isoDate(v) : isoTime(v)) : v));
  }
  const [a, b] = raw;
  if (raw.length !== 2 || typeof a !== "number" || typeof b !== "number") return [...ALL_BOUNDS];
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (!temporal) return [String(lo), String(hi)];
  if (!unit) return [isoTime(lo), isoTime(hi)];
  // A unit is drawn (and selected) where it starts: keep the units starting inside the brush, whole.
  const first = floorTo(lo, unit) < lo ? addUnits(floorTo(lo, unit), unit, 1) : lo;
  const last = addUnits(floorTo(hi, unit), unit, 1) - DAY;
  // A brush between two unit starts selects nothing: an empty range (from after to), so no row matches.
  return [isoDate(first), isoDate(Math.max(last, first - DAY))];
}

function floorTo(ms: number, unit: Unit): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (unit === "year") return Date.UTC(y, 0, 1);
  if (unit === "quarter") return Date.UTC(y, d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
  if (unit === "month") return Date.UTC(y, d.getUTCMonth(), 1);
  return Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
}

function addUnits(ms: number, unit: Unit, n: number): number {
  const d = new Date(ms);
  if (unit === "day") return ms + n * DAY;
  const months = unit === "year" ? 12 * n : unit === "quarter" ? 3 * n : n;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace("T", " ");
