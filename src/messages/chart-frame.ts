// What a chart frame says itself (it draws inside the sandbox, where the app's catalogues are not): a few texts,
// in every locale, chosen by the locale each render names. Apart from charts.ts so the frame's script carries
// only these.
import { registeredCatalogues, type Catalogue } from "./locale";

const q = (name: string) => `“${name}”`;

const en = {
  transformMissing: (types: readonly string[]) =>
    `The chart needs the Vega transform${types.length > 1 ? "s" : ""} ${types.map(q).join(", ")}, which ` +
    `Clientbook's charts do not include (they draw what Vega-Lite compiles to: no maps, graphs or word clouds).`,
  projectionMissing: () =>
    "The chart is a map (it uses a projection): Clientbook's charts do not include maps. " +
    "Chart the values by region as bars instead.",
  loadRefused: (uri: string) =>
    `The chart asks to load ${q(uri)}: a notebook chart loads nothing, its rows come from its data cell.`,
  noChart: "no chart is drawn",
  pngFailed: "the browser could not encode the PNG",
  // Default axis and legend titles, as Vega-Lite writes them in English.
  countTitle: "Count of Records",
  aggregateTitle: (op: string, field: string) => `${op[0]?.toUpperCase() ?? ""}${op.slice(1)} of ${field}`,
  binnedTitle: (field: string) => `${field} (binned)`,
  timeUnitTitle: (field: string, parts: readonly string[]) => `${field} (${parts.join("-")})`,
};

const ZH_OPS: Readonly<Record<string, string>> = {
  count: "计数",
  valid: "有效值数",
  missing: "缺失值数",
  distinct: "不同值数",
  sum: "合计",
  product: "乘积",
  mean: "平均值",
  average: "平均值",
  median: "中位数",
  min: "最小值",
  max: "最大值",
  q1: "下四分位数",
  q3: "上四分位数",
  variance: "方差",
  variancep: "总体方差",
  stdev: "标准差",
  stdevp: "总体标准差",
  stderr: "标准误",
  ci0: "置信下限",
  ci1: "置信上限",
};
const ZH_PARTS: Readonly<Record<string, string>> = {
  year: "年",
  quarter: "季度",
  month: "月",
  week: "周",
  day: "星期",
  dayofyear: "年内天数",
  date: "日",
  hours: "时",
  minutes: "分",
  seconds: "秒",
  milliseconds: "毫秒",
};

const zh: Catalogue<typeof en> = {
  transformMissing: (types: readonly string[]) =>
    `图表需要 Vega 变换 ${types.map(q).join("、")}，Clientbook 的图表不包含它` +
    `（图表只绘制 Vega-Lite 编译出的内容：没有地图、网络图或词云）。`,
  projectionMissing: () => "图表是一张地图（使用了投影）：Clientbook 的图表不包含地图。请改用按地区的条形图。",
  loadRefused: (uri: string) => `图表要求加载 ${q(uri)}：笔记本中的图表不加载任何内容，它的行来自它的数据单元格。`,
  noChart: "没有已绘制的图表",
  pngFailed: "浏览器无法编码 PNG 图片",
  countTitle: "记录数",
  aggregateTitle: (op: string, field: string) => `${field}（${ZH_OPS[op] ?? op}）`,
  binnedTitle: (field: string) => `${field}（分箱）`,
  timeUnitTitle: (field: string, parts: readonly string[]) =>
    `${field}（${parts.map((p) => ZH_PARTS[p] ?? p).join("-")}）`,
};

// Checked with the other catalogues (same keys, Chinese text), though not switched by the app's locale.
registeredCatalogues.push({ en, others: { "zh-CN": zh } });

/** The chart frame's texts. */
export type ChartFrameText = typeof en;

let current = en;

/** Makes the frame's texts those of `locale` (a BCP 47 tag, as a render names it): Chinese for any zh tag. */
export function setChartFrameLocale(locale: string): void {
  current = chartFrameText(locale);
}

/** The chart frame's texts in `locale`, or in the one the frame last drew in. */
export function chartFrameText(locale?: string): ChartFrameText {
  if (locale === undefined) return current;
  return /^zh\b/i.test(locale) ? zh : en;
}
