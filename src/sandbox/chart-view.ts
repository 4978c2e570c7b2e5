// Inside the sandbox: the one drawn chart. A spec is embedded once; a later spec that differs only in its
// rows (a re-run over new data, the same chart) goes into the live Vega view as new data, so nothing is
// compiled or laid out again and a brush on it stays where it is. Renders are drawn in order, newest only;
// a frame waiting for its first spec may draw a throwaway chart out of sight first, so Vega's code is warm.
import embed, { type EmbedOptions, type Result } from "./embed";
import { expressionInterpreter } from "vega-interpreter";
import { localizeChart, numberLocale, timeLocale } from "../charts/locale";
import { chartTheme, fitToCell } from "../charts/theme";
import { requireKnownTransforms } from "../charts/vega-core";
import { chartFrameText, setChartFrameLocale } from "../messages/chart-frame";
import type { SandboxMessage } from "./protocol";
import { watchSelections, withKeptSelections } from "./selection";

/** The name the inline rows get in the compiled Vega spec: the dataset a data-only update replaces. */
export const CHART_ROWS = "clientbook_rows";

const refuse = (uri: string) => Promise.reject(new Error(chartFrameText().loadRefused(uri)));

/** A Vega loader that refuses every URL: chart data arrives inline, never from the network. */
const noLoader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The spec's inline rows and the rest of it as text (what must match for a data-only update); else undefined. */
export function splitRows(spec: Record<string, unknown>): { rows: unknown[]; rest: string } | undefined {
  const { data, ...rest } = spec;
  // Only plain inline rows (`{ values }`, as the shell binds them) can be swapped; anything else re-embeds.
  if (!isRecord(data) || !Array.isArray(data.values) || Object.keys(data).length !== 1) return undefined;
  return { rows: data.values, rest: JSON.stringify(rest) };
}

/** What a warm-up draws: a dated bar chart with a title, axes and a tooltip, as most first charts are. */
export const WARM_SPEC = {
  title: "warm-up",
  width: 200,
  height: 100,
  data: { values: [0, 1, 2].map((i) => ({ month: `2025-0${i + 1}-01`, value: i * 10 - 5 })) },
  mark: { type: "bar", tooltip: true },
  encoding: {
    x: { field: "month", type: "temporal", timeUnit: "yearmonth" },
    y: { field: "value", type: "quantitative", axis: { format: "~s" } },
  },
};

/** The options of every draw in `locale`. */
const embedOptions = (locale: string): EmbedOptions => ({
  mode: "vega-lite",
  // Global in Vega, so set on every embed: a frame redrawn after a language switch follows it.
  formatLocale: numberLocale(locale),
  timeFormatLocale: timeLocale(locale),
  ast: true,
  expr: expressionInterpreter,
  loader: noLoader as never,
  actions: false,
  renderer: "svg",
  tooltip: true,
  config: chartTheme as never,
  // A transform or projection left out of the bundle fails here with its name, never draws wrong.
  patch: requireKnownTransforms,
});

/** Draws chart specs into `container`, reporting size, errors and selections through `post`. */
export function createChartView(container: HTMLElement, post: (message: SandboxMessage) => void) {
  let current: Result | undefined;
  let currentRest: string | undefined;
  let currentId = -1;
  let latest = -1;
  let drawing: Promise<void> = Promise.resolve();

  function reportSize(): void {
    if (currentId < 0) return;
    // The container's own height: the document's scroll height never drops below the frame's height.
    post({ type: "clientbook:size", id: currentId, height: Math.ceil(container.getBoundingClientRect().height) });
  }

  async function draw(id: number, given: Record<string, unknown>, locale: string): Promise<void> {
    // The frame's own texts (a refused transform, an export without a chart) follow the locale drawn in.
    setChartFrameLocale(locale);
    // Localized first: the axis formats it picks (万 / 亿 from the values) are part of what must match.
    const spec = localizeChart(given, locale);
    const split = splitRows(spec);
    if (current && split && `${locale} ${split.rest}` === currentRest) {
      try {
        currentId = id;
        await current.view.data(CHART_ROWS, split.rows).runAsync();
        reportSize();
        return;
      } catch {
        // A view that refuses the rows is drawn again from scratch, which reports the error if there is one.
      }
    }
    await embedNew(id, spec, split, locale);
  }

  async function embedNew(
    id: number,
    spec: Record<string, unknown>,
    split: ReturnType<typeof splitRows>,
    locale: string,
  ) {
    currentId = id;
    current?.finalize();
    current = undefined;
    currentRest = undefined;
    container.replaceChildren();
    // The embed reads no option from the spec; usermeta (vega-embed's embedOptions) is dropped all the same.
    const clean = withKeptSelections({ ...spec });
    delete clean.usermeta;
    // Named rows, so a data-only update can replace them (Vega-Lite then parses them in the dataflow).
    if (split) clean.data = { name: CHART_ROWS, values: split.rows };
    try {
      const result = await embed(container, fitToCell(clean) as Parameters<typeof embed>[1], embedOptions(locale));
      current = result;
      currentRest = split && `${locale} ${split.rest}`;
      reportSize();
      watchSelections(result.view, () => currentId, clean, post);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = message;
      container.replaceChildren(p);
      post({ type: "clientbook:error", id, message });
      reportSize();
    }
  }

  /** Draws WARM_SPEC out of sight and drops it: Vega's code runs once before the first real spec comes. */
  async function warmUp(locale: string): Promise<void> {
    const place = document.createElement("div");
    place.style.cssText = "position: absolute; left: -10000px; top: 0; width: 400px; visibility: hidden";
    document.body.append(place);
    try {
      (await embed(place, WARM_SPEC as Parameters<typeof embed>[1], embedOptions(locale))).finalize();
    } catch {
      // A warm-up that fails leaves the real draw as it was: cold.
    } finally {
      place.remove();
    }
  }

  return {
    /** Draws a throwaway chart ahead of the first spec, unless one has come (a render waits for it). */
    warm(locale = "en-US"): Promise<void> {
      drawing = drawing.then(() => (latest < 0 ? warmUp(locale) : undefined));
      return drawing;
    },
    /** Draws `spec` after any draw in progress; a render superseded meanwhile is skipped. */
    render(id: number, spec: Record<string, unknown>, locale = "en-US"): Promise<void> {
      latest = id;
      drawing = drawing.then(() => (id === latest ? draw(id, spec, locale) : undefined));
      return drawing;
    },
    /** The drawn view, once the latest render is done (for an export). */
    view: () => drawing.then(() => current?.view),
    reportSize,
  };
}
