// Draws a chart cell's bound Vega-Lite spec to an SVG string in Node, with Vega's own SVG renderer,
// for the report command. As in the sandbox, the loader refuses every URL: chart data is inline, and the
// chart follows the report's language (number grouping, month names, 2024年1月 axes, 万 / 亿).
import { compile, type TopLevelSpec } from "vega-lite";
import type { Loader } from "vega";
import { expressionFunction, parse, requireKnownTransforms, View } from "../charts/vega-core";
import { expressionInterpreter } from "vega-interpreter";
import { COMPACT_FORMAT, compactNumber, localizeChart, numberLocale, timeLocale } from "../charts/locale";
import { chartFrameText } from "../messages/chart-frame";

/** A Vega loader that refuses every URL, saying so in `locale`. */
function noLoader(locale: string): Loader {
  const refuse = (uri: unknown) => Promise.reject(new Error(chartFrameText(locale).loadRefused(String(uri))));
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as Loader;
}

expressionFunction(COMPACT_FORMAT, compactNumber);

/** The SVG markup of `spec` (a Vega-Lite spec with its data inlined, as the session binds it) in `locale`. */
export async function chartToSvg(spec: Record<string, unknown>, locale = "en-US"): Promise<string> {
  const clean = { ...spec };
  delete clean.usermeta;
  // The same Vega as the sandbox: a transform it leaves out fails here too, with the same message.
  const vega = requireKnownTransforms(
    compile(localizeChart(clean, locale) as unknown as TopLevelSpec).spec,
    chartFrameText(locale),
  );
  // The AST interpreter, as in the sandbox: no expression is turned into code with new Function.
  const view = new View(parse(vega, undefined, { ast: true }), {
    renderer: "none",
    loader: noLoader(locale),
    expr: expressionInterpreter,
    // Vega's View takes locale definitions here (its typings name the built formatters instead).
    locale: { number: numberLocale(locale), time: timeLocale(locale) },
  } as unknown as ConstructorParameters<typeof View>[1]);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
