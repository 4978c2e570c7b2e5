// What a chart over the cap offers instead of a sample: a raised cap that fits every row, and for a scatter
// of two number fields the same view binned into a count heatmap (which the planner runs in the database).
import type { ColumnInfo } from "../table/result";

type Spec = Record<string, unknown>;

/** What the chart cell's face offers when the chart does not draw every row. */
export interface ChartOffers {
  /** A `cap=` that draws every row (absent when that is over the most a cap may be). */
  readonly raiseCap?: number;
  /** The spec rewritten as a heatmap of its binned x and y with a count colour (scatters of numbers only). */
  readonly heatmap?: Spec;
}

/** The bins per axis of an offered heatmap: fine enough to show a density, coarse enough to read. */
export const HEATMAP_BINS = 40;

// Marks that draw one mark per row at a point: what a scatter is.
const POINT_MARKS = ["point", "circle", "square", "tick"];
// Channels a scatter may carry that have no meaning once the points are counted into cells.
const PER_POINT = ["color", "size", "shape", "opacity", "fillOpacity", "strokeOpacity", "tooltip", "text", "detail"];

const isObject = (v: unknown): v is Spec => typeof v === "object" && v !== null && !Array.isArray(v);

/** The offers for a chart whose data has `total` rows (or groups) over its cap, at most `maxCap` rows a chart. */
export function chartOffers(spec: Spec, columns: readonly ColumnInfo[], total: number, maxCap: number): ChartOffers {
  const heatmap = heatmapOf(spec, columns);
  return { ...(total <= maxCap ? { raiseCap: total } : {}), ...(heatmap ? { heatmap } : {}) };
}

/** `spec` as a heatmap (rect marks over binned x and y, coloured by count) if it is a scatter of two number columns. */
export function heatmapOf(spec: Spec, columns: readonly ColumnInfo[]): Spec | undefined {
  const mark = isObject(spec.mark) ? spec.mark.type : spec.mark;
  if (typeof mark !== "string" || !POINT_MARKS.includes(mark) || !isObject(spec.encoding)) return undefined;
  // A transform can make new fields: only a spec whose x and y are the data's own number columns is rewritten.
  // A selection on points means something else on cells, and its readers depend on it: such charts keep their marks.
  const views = ["layer", "facet", "repeat", "concat", "hconcat", "vconcat", "transform", "params"];
  if (views.some((k) => k in spec)) return undefined;
  const { x, y, ...rest } = spec.encoding;
  const axes = [x, y].map((def) => numberField(def, columns));
  if (!axes[0] || !axes[1]) return undefined;
  // Facets, links and the like have no counted meaning: such charts are not rewritten.
  if (Object.keys(rest).some((channel) => !PER_POINT.includes(channel))) return undefined;
  const binned = (def: Spec) => ({ ...def, type: "quantitative", bin: { maxbins: HEATMAP_BINS } });
  const color = { aggregate: "count", type: "quantitative" };
  return { ...spec, mark: "rect", encoding: { x: binned(axes[0]), y: binned(axes[1]), color } };
}

function numberField(def: unknown, columns: readonly ColumnInfo[]): Spec | undefined {
  if (!isObject(def) || typeof def.field !== "string") return undefined;
  if (def.aggregate !== undefined || def.bin !== undefined || def.timeUnit !== undefined) return undefined;
  if (def.type !== undefined && def.type !== "quantitative") return undefined;
  const column = columns.find((c) => c.name === def.field);
  if (column?.kind !== "number") return undefined;
  const { field, title } = def;
  return title === undefined ? { field } : { field, title };
}
