// Evaluates a chart selection's graph node: the value its chart last reported (kept in session memory,
// never in the file), converted by charts/selection.ts against the encoding the chart drew it on.
import { selectionValue, type RawSelection } from "../charts/selection";
import type { CompiledCell } from "../compile/types";
import { sessionMessages as m } from "../messages/session";
import { CellFailure, lookup } from "./evaluate";
import type { CellOutput } from "./types";

/** The most values a selection holds (a point selection of many shift-clicks); the sandbox sends no more. */
export const SELECTION_VALUE_CAP = 10_000;

/** Evaluates a selection node from its chart's output and the raw value last reported (none: cleared). */
export function evaluateSelection(
  cell: CompiledCell,
  inputs: ReadonlyMap<string, unknown>,
  raw: RawSelection | undefined,
): CellOutput {
  const body = cell.body;
  if (body?.type !== "selection") throw new CellFailure(m.notRunnable(cell.kind));
  const chart = lookup(inputs, body.chart) as CellOutput | undefined;
  const encoding = chart?.type === "chart" ? (chart.spec.encoding as Record<string, unknown> | undefined) : undefined;
  const defs = Object.values(encoding ?? {}) as { field?: unknown; type?: string; timeUnit?: unknown }[];
  const { channel, field } = body.spec;
  const def = channel
    ? (encoding?.[channel] as (typeof defs)[number] | undefined)
    : defs.find((d) => d?.field === field);
  const on = {
    type: typeof def?.type === "string" ? def.type : undefined,
    timeUnit: typeof def?.timeUnit === "string" ? def.timeUnit : undefined,
  };
  const value = selectionValue(body.spec.type, raw ?? [], on);
  const source = body.spec.source;
  if (!source) return { type: "value", value };
  const timeUnit = source.timeUnit === undefined ? {} : { timeUnit: source.timeUnit };
  return { type: "value", value, selection: { type: body.spec.type, field: source.field, ...timeUnit } };
}

/** The raw value a chart reported, when it is a list of plain values within the cap; else undefined. */
export function asRawSelection(values: unknown): RawSelection | undefined {
  if (!Array.isArray(values) || values.length > SELECTION_VALUE_CAP) return undefined;
  const plain = (v: unknown) => v === null || ["string", "boolean"].includes(typeof v) || Number.isFinite(v);
  return values.every(plain) ? (values as RawSelection) : undefined;
}
