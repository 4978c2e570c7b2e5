// Vega's most common errors, which a chart frame reports as Vega wrote them (in English): said in the page's
// language with Vega's text kept after them. The page words them, so the frame's script stays small.
import { ui } from "../messages/ui";

const CHART_ERRORS: readonly [RegExp, (raw: string, name: string) => string][] = [
  [/^(?:Unrecognized data set|Undefined data set name): "?([^"]*)"?$/, (raw, name) => ui.chartNoDataSet(name, raw)],
  [/^Unrecognized signal name: "?([^"]*)"?$/, (raw, name) => ui.chartNoSignal(name, raw)],
  [/^Unrecognized scale name: "?([^"]*)"?$/, (raw, name) => ui.chartNoScale(name, raw)],
];

/** The reason a chart could not be drawn, in the page's language when Vega's text has a common shape. */
export function chartErrorReason(raw: string): string {
  for (const [pattern, say] of CHART_ERRORS) {
    const match = pattern.exec(raw);
    if (match) return say(raw, match[1]);
  }
  return raw;
}
