// Inside the sandbox: draws a Vega-Lite spec into an element, as vega-embed's `embed` does for charts, but
// only the part charts use (16 KB gzip less): no actions menu, themes, loading by URL or JSON patches, and
// no option ever taken from the spec (vega-embed reads `usermeta.embedOptions`; this reads the app's alone).
import { compile, type TopLevelSpec } from "vega-lite";
import { Handler } from "vega-tooltip";
import { Warn, logger } from "vega-util";
import type { Loader, Spec, View as VegaView } from "vega";
import { View, formatLocale, parse, timeFormatLocale } from "../charts/vega-core";

/** How a chart is drawn: the options of vega-embed's that charts pass. */
export interface EmbedOptions {
  readonly mode: "vega-lite";
  /** Number and time formats, global in Vega: set on every draw. */
  readonly formatLocale?: object;
  readonly timeFormatLocale?: object;
  /** Expressions evaluated by `expr` (the CSP-safe interpreter), never compiled with new Function. */
  readonly ast: true;
  readonly expr: unknown;
  /** Without one, Vega's default loader would fetch; charts pass one that refuses every URL. */
  readonly loader?: Loader;
  readonly actions: false;
  readonly renderer: "svg" | "canvas";
  readonly tooltip: boolean;
  readonly config?: object;
  /** Applied to the compiled Vega spec before it is parsed. */
  readonly patch?: (spec: Spec) => Spec;
}

/** A drawn chart. */
export interface Result {
  readonly view: VegaView;
  readonly spec: object;
  readonly vgSpec: Spec;
  finalize(): void;
}

// vega-embed's own rules for its element (its actions menu's aside): a width-fitting chart stretches.
const STYLE = `.vega-embed { position: relative; display: inline-block; box-sizing: border-box; }
.vega-embed.fit-x { display: block; width: 100%; }`;

function addStyle(): void {
  if (document.getElementById("vega-embed-style")) return;
  const style = document.createElement("style");
  style.id = "vega-embed-style";
  style.textContent = STYLE;
  document.head.append(style);
}

/** Compiles `spec` (Vega-Lite), draws it into `element` and resolves once the view has run. */
export default async function embed(element: HTMLElement, spec: object, options: EmbedOptions): Promise<Result> {
  const log = logger(Warn);
  addStyle();
  const compiled = compile(spec as TopLevelSpec, { config: options.config, logger: log }).spec as Spec;
  const vgSpec = options.patch ? options.patch(compiled) : compiled;
  element.classList.add("vega-embed");
  element.replaceChildren();
  if (options.formatLocale) formatLocale(options.formatLocale);
  if (options.timeFormatLocale) timeFormatLocale(options.timeFormatLocale);
  // Vega-Lite has put the config in the compiled spec: Vega gets none of its own.
  const view = new View(parse(vgSpec, {}, { ast: options.ast }), {
    loader: options.loader,
    logger: log,
    renderer: options.renderer,
    expr: options.expr,
  } as ConstructorParameters<typeof View>[1]);
  view.addSignalListener("autosize", (_, autosize: { type?: string }) => {
    element.classList.toggle("fit-x", autosize.type === "fit-x" || autosize.type === "fit");
    element.classList.toggle("fit-y", autosize.type === "fit-y" || autosize.type === "fit");
  });
  if (options.tooltip) view.tooltip(new Handler().call);
  await view.initialize(element).runAsync();
  return { view, spec, vgSpec, finalize: () => view.finalize() };
}
