// Compiles a chart cell: the `data=` cell it draws and its Vega-Lite spec (JSON), with positioned errors.
import { MAX_CHART_ROW_CAP } from "../charts/bind";
import { chartMessages } from "../messages/charts";
import { compileMessages as m } from "../messages/compile";
import { jsonError } from "./json";
import { positionAt } from "./position";
import type { CellBody, CellError } from "./types";
import { isCellName } from "../notebook/names";
import { chartSelections } from "./selection";

/** What compiling a chart cell yields. */
export interface CompiledChart {
  readonly references: string[];
  readonly body?: Extract<CellBody, { type: "chart" }>;
  readonly error?: CellError;
}

/** Compiles a chart cell from its `data` and `cap` attributes and its JSON source. */
export function compileChart(data: string | undefined, source: string, cap?: string): CompiledChart {
  if (data === undefined || data === "") return { references: [], error: { message: m.missingData() } };
  if (!isCellName(data)) return { references: [], error: { message: m.badData(data) } };
  const references = [data.toLowerCase()];
  const rowCap = cap === undefined ? undefined : Number(cap);
  if (rowCap !== undefined && !(/^\d+$/.test(cap!) && rowCap >= 1 && rowCap <= MAX_CHART_ROW_CAP))
    return { references, error: { message: chartMessages.badCap(cap!, MAX_CHART_ROW_CAP) } };
  const bad = jsonError(source);
  if (bad) return { references, error: { message: m.badJson(bad.reason), ...positionAt(source, bad.offset) } };
  const spec: unknown = JSON.parse(source);
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    return { references, error: { message: m.specNotObject(), ...positionAt(source, source.search(/\S|$/)) } };
  }
  const { selections, error } = chartSelections(spec as Record<string, unknown>);
  if (error) {
    return { references, error: { message: error, ...positionAt(source, Math.max(0, source.indexOf('"params"'))) } };
  }
  const body = {
    type: "chart" as const,
    data,
    spec: spec as Record<string, unknown>,
    ...(rowCap === undefined ? {} : { rowCap }),
  };
  return { references, body: selections.length ? { ...body, selections } : body };
}
