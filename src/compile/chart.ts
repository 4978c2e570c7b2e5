// Compiles a chart cell: the `data=` cell it draws and its Vega-Lite spec (JSON), with positioned errors.
import { MAX_CHART_ROW_CAP } from "../charts/bind";
import { chartMessages } from "../messages/charts";
import { compileMessages as m } from "../messages/compile";
import { jsonError } from "./json";
import { positionAt } from "./position";
import type { CellBody, CellError } from "./types";
import { isCellName } from "../notebook/names";
import { chartSelections } from "./selection";
import { linkedParam } from "../charts/plan/linked";

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
  const links = linkedNames(spec as Record<string, unknown>, selections);
  const body = {
    type: "chart" as const,
    data,
    spec: spec as Record<string, unknown>,
    ...(rowCap === undefined ? {} : { rowCap }),
    ...(links.length ? { links } : {}),
  };
  references.push(...links.map((name) => name.toLowerCase()).filter((name) => !references.includes(name)));
  return { references, body: selections.length ? { ...body, selections } : body };
}

// Selections of other charts the spec filters by (`{ "filter": { "param": name } }`): read like inputs.
function linkedNames(spec: Record<string, unknown>, own: readonly { name: string }[]): string[] {
  const transforms = Array.isArray(spec.transform) ? spec.transform : [];
  const names = transforms.map((t) => linkedParam(t)?.name).filter((n): n is string => n !== undefined);
  return [...new Set(names)].filter((name) => isCellName(name) && !own.some((s) => s.name === name));
}
