// The part of Vega that charts use: the dataflow, parser, view and SVG/canvas renderers, with only the
// transforms Vega-Lite compiles to registered (no maps, graphs, hierarchies, labels or word clouds: about
// 30 KB gzip of the sandbox script). The sandbox build resolves "vega" here (vite.config.ts).
import type * as Vega from "vega";
import { transforms } from "vega-dataflow";
import * as tx from "vega-transforms";
import * as vtx from "vega-view-transforms";
import * as encode from "vega-encode";
import * as regression from "vega-regression";
import * as voronoi from "vega-voronoi";
import { View as VegaView } from "vega-view";
import { parse as vegaParse } from "vega-parser";
import { expressionFunction as vegaExpressionFunction } from "vega-functions";
import { chartFrameText, type ChartFrameText } from "../messages/chart-frame";

// The view's own operators and encoders, the data transforms, regression/loess and voronoi (a
// `nearest` selection); everything else Vega offers stays out.
const included = { ...tx, ...vtx, ...encode, ...regression, ...voronoi };
Object.assign(transforms, included);

// From what is registered here, not from the shared registry: in Node, full `vega` may have filled that.
/** The transform types charts can use: every one a Vega spec compiled from Vega-Lite may name. */
export const registeredTransforms: ReadonlySet<string> = new Set(Object.keys(included));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The transform types a Vega spec names anywhere (its data, its marks' transforms, nested groups). */
function transformTypes(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) transformTypes(item, found);
  if (!isRecord(node)) return found;
  for (const key of ["transform", "data", "marks", "facet", "from"]) {
    const value = node[key];
    if (key === "transform" && Array.isArray(value)) {
      for (const t of value) if (isRecord(t) && typeof t.type === "string") found.add(t.type.toLowerCase());
    }
    if (value !== undefined) transformTypes(value, found);
  }
  return found;
}

/** Throws a clear message (in `text`'s language) when a compiled Vega spec needs a transform or projection charts leave out. */
export function requireKnownTransforms<T extends object>(spec: T, text: ChartFrameText = chartFrameText()): T {
  // A map first: its geo transforms would be named too, but "a map" says more to the reader.
  const projections = (spec as { projections?: unknown }).projections;
  if (Array.isArray(projections) && projections.length) throw new Error(text.projectionMissing());
  const missing = [...transformTypes(spec)].filter((type) => !registeredTransforms.has(type));
  if (missing.length) throw new Error(text.transformMissing(missing));
  return spec;
}

/** Vega's View (vega-view), as the `vega` package types it. */
export const View = VegaView as typeof Vega.View;
/** Parses a Vega spec into a runtime specification (vega-parser). */
export const parse = vegaParse as typeof Vega.parse;
/** Registers a function for Vega expressions (vega-functions). */
export const expressionFunction = vegaExpressionFunction as typeof Vega.expressionFunction;
// What vega-lite imports from "vega" (vega re-exports vega-util).
export { hasOwnProperty, isObject, isString, stringValue } from "vega-util";
export { timeFormatDefaultLocale as timeFormatLocale, numberFormatDefaultLocale as formatLocale } from "vega-format";
