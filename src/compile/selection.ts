// Chart selections as inputs: the interval and point selections a chart spec declares in `params`,
// validated, and the graph node each one becomes (a cell defining the selection's name, read like an input).
import { chartMessages as m } from "../messages/charts";
import { isCellName } from "../notebook/names";
import type { CompiledCell, SelectionSpec } from "./types";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The selections a chart spec declares (top-level `params` with `select`), or the first problem with one. */
export function chartSelections(spec: Record<string, unknown>): { selections: SelectionSpec[]; error?: string } {
  const selections: SelectionSpec[] = [];
  const params = Array.isArray(spec.params) ? spec.params : [];
  for (const param of params) {
    if (!isRecord(param) || param.select === undefined) continue;
    const name = typeof param.name === "string" ? param.name : "";
    if (!isCellName(name)) return { selections, error: m.selectionName(name) };
    const select = isRecord(param.select) ? param.select : { type: param.select };
    if (select.type !== "interval" && select.type !== "point") {
      return { selections, error: m.selectionType(name, String(select.type)) };
    }
    const encodings = Array.isArray(select.encodings) ? select.encodings : [];
    const fields = Array.isArray(select.fields) ? select.fields : [];
    // One field: a range has two bounds and a point a list of values, which SQL can use directly.
    if (encodings.length + fields.length !== 1) return { selections, error: m.selectionProjection(name) };
    const [projection] = [...encodings, ...fields];
    if (typeof projection !== "string") return { selections, error: m.selectionProjection(name) };
    const on = encodings.length ? { channel: projection } : { field: projection };
    if (on.channel && !isRecord((spec.encoding as Record<string, unknown> | undefined)?.[on.channel])) {
      return { selections, error: m.selectionChannel(name, on.channel) };
    }
    const source = sourceOf(spec, projection, Boolean(on.channel));
    selections.push({ name, type: select.type, ...on, ...(source ? { source } : {}) });
  }
  return { selections };
}

// The field behind a selection's channel (or the field itself), with the time unit an encoding puts on it.
function sourceOf(spec: Record<string, unknown>, projection: string, channel: boolean): SelectionSpec["source"] {
  const defs = Object.entries(isRecord(spec.encoding) ? spec.encoding : {});
  const def = channel
    ? defs.find(([c]) => c === projection)?.[1]
    : defs.map(([, d]) => d).find((d) => isRecord(d) && d.field === projection && d.timeUnit !== undefined);
  const field = channel ? (isRecord(def) ? def.field : undefined) : projection;
  if (typeof field !== "string") return undefined;
  const unit = isRecord(def) ? (isRecord(def.timeUnit) ? def.timeUnit.unit : def.timeUnit) : undefined;
  return typeof unit === "string" ? { field, timeUnit: unit } : { field };
}

/** The id of the graph node holding selection `name` of chart cell `chartId`. */
export const selectionId = (chartId: string, name: string): string => `${chartId}/${name.toLowerCase()}`;

/**
 * The graph nodes of a compiled chart cell's selections: each defines the selection's name and reads
 * the chart, so it runs after the chart is drawn, and a new selection re-runs its readers, not the chart.
 */
export function selectionNodes(chart: CompiledCell): CompiledCell[] {
  if (chart.body?.type !== "chart" || !chart.name) return [];
  const chartName = chart.name;
  return (chart.body.selections ?? []).map((spec) => ({
    id: selectionId(chart.id, spec.name),
    kind: "chart",
    name: spec.name,
    defines: [spec.name],
    references: [chartName.toLowerCase()],
    body: { type: "selection", chart: chartName, spec },
  }));
}
