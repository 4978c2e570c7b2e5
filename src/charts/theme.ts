// The one look of every chart: fonts (system CJK fonts included), palette, number formats, tooltips, and
// a size that follows the cell (container width, a height that suits the mark). Pure: the sandbox applies it.

/** Fonts for chart text: the system UI font first, then the systems' CJK fonts, so Chinese labels render. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** The palette for categories, in order: distinct hues of similar weight, readable on white. */
export const CHART_PALETTE = [
  "#2f6db5",
  "#e8833a",
  "#3a9e6f",
  "#c9453e",
  "#7d5ab5",
  "#8c6d4f",
  "#d36aa6",
  "#6f7a86",
  "#b5a230",
  "#2aa3b8",
];

/** Numbers as the result tables show them: thousands grouping, at most 6 decimals, no trailing zeros. */
export const CHART_NUMBER_FORMAT = ",~f";

/** The height of a heatmap (rect marks over a discrete y) and of a chart over a continuous y, in pixels. */
export const HEATMAP_HEIGHT = 360;
export const CONTINUOUS_HEIGHT = 300;

const INK = "#1f2933";
const MUTED = "#52606d";
const RULE = "#d9dee3";

/** The Vega-Lite config every chart is drawn with (the spec's own `config` wins where it sets something). */
export const chartTheme: Record<string, unknown> = {
  font: CHART_FONT,
  background: "#ffffff",
  padding: { top: 8, right: 12, bottom: 8, left: 8 },
  numberFormat: CHART_NUMBER_FORMAT,
  // Titles start at the left: the frame's top-right corner belongs to the chart's toolbar.
  title: { anchor: "start", fontSize: 15, fontWeight: 600, color: INK, subtitleColor: MUTED, offset: 12 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelColor: MUTED,
    titleColor: INK,
    domainColor: RULE,
    tickColor: RULE,
    gridColor: "#eef1f4",
    labelLimit: 220,
  },
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: MUTED, titleColor: INK, labelLimit: 220 },
  header: { labelFontSize: 12, titleFontSize: 13 },
  range: { category: CHART_PALETTE, heatmap: { scheme: "blues" }, ramp: { scheme: "blues" } },
  mark: { color: CHART_PALETTE[0], tooltip: true },
  text: { fontSize: 12, color: INK },
  view: { stroke: null },
};

type Spec = Record<string, unknown>;

const COMPOSITE = ["concat", "hconcat", "vconcat", "facet", "repeat"];
const FACETS = ["row", "column", "facet"];
const isObject = (v: unknown): v is Spec => typeof v === "object" && v !== null && !Array.isArray(v);
const markOf = (view: Spec) => String(isObject(view.mark) ? view.mark.type : view.mark);

/** `spec` sized to its cell: width follows the container and a heatmap gets room, unless the spec sets them. */
export function fitToCell(spec: Spec): Spec {
  if (COMPOSITE.some((k) => k in spec)) return spec;
  const views = [spec, ...(Array.isArray(spec.layer) ? spec.layer.filter(isObject) : [])];
  const encodings = views.map((v) => (isObject(v.encoding) ? v.encoding : {}));
  if (encodings.some((e) => FACETS.some((k) => k in e))) return spec;
  const out: Spec = { ...spec };
  if (out.width === undefined) out.width = "container";
  if (out.height === undefined) {
    const y = encodings.map((e) => e.y).find(isObject);
    const discreteY = !!y && (y.type === "nominal" || y.type === "ordinal") && !y.bin;
    // A heatmap's rows get a readable height; bars along a discrete y keep Vega-Lite's step per bar.
    if (discreteY && views.some((v) => markOf(v) === "rect")) out.height = HEATMAP_HEIGHT;
    else if (y && !discreteY) out.height = CONTINUOUS_HEIGHT;
  }
  return out;
}
