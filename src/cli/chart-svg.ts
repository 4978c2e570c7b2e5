// Draws a chart cell's bound Vega-Lite spec to an SVG string in Node, with Vega's own SVG renderer,
// for the report command. As in the sandbox, the loader refuses every URL: chart data is inline.
import { compile, type TopLevelSpec } from "vega-lite";
import { parse, View, type Loader } from "vega";
import { expressionInterpreter } from "vega-interpreter";

const refuse = (uri: unknown) =>
  Promise.reject(new Error(`Loading "${String(uri)}" is not allowed in a notebook chart.`));

/** A Vega loader that refuses every URL. */
const noLoader = { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as Loader;

/** The SVG markup of `spec` (a Vega-Lite spec with its data inlined, as the session binds it). */
export async function chartToSvg(spec: Record<string, unknown>): Promise<string> {
  const clean = { ...spec };
  delete clean.usermeta;
  const vega = compile(clean as unknown as TopLevelSpec).spec;
  // The AST interpreter, as in the sandbox: no expression is turned into code with new Function.
  const view = new View(parse(vega, undefined, { ast: true }), {
    renderer: "none",
    loader: noLoader,
    expr: expressionInterpreter,
  } as ConstructorParameters<typeof View>[1]);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
