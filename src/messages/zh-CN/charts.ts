// The chart planner's wording in Simplified Chinese: missing fields, and why a chart draws raw rows.
import { chartFrameText } from "../chart-frame";
import { formatCount } from "../locale";

const q = (name: string) => `“${name}”`;

/** Chart messages in Simplified Chinese. */
export const chartsZh = {
  unknownField: (field: string, columns: readonly string[]) =>
    `图表使用了字段 ${q(field)}，但数据中没有这一列。现有的列：${columns.map(q).join("、")}。`,
  textAggregate: (op: string, field: string, type: string) =>
    `图表要求对 ${q(field)}（${type} 类型的列）计算 ${op}：文本列只能用 count、valid、missing 和 distinct。` +
    `请改用数值列，或使用 "aggregate": "count"。`,
  timeUnitNotDate: (unit: string, field: string, type: string) =>
    `图表在 ${q(field)}（${type} 类型的列）上使用时间单位 ${q(unit)}：时间单位需要 DATE 或 TIMESTAMP 列。` +
    `请在 sql 单元格中转换，例如 CAST(${field} AS DATE)。`,
  binNotNumber: (field: string, type: string) => `图表对 ${q(field)}（${type} 类型的列）分箱：只有数值列可以分箱。`,
  rawCapped: (reason: string, cap: number) =>
    `此图表只显示更多数据中的前 ${formatCount(cap)} 行：${reason}。可以抽样绘制、将数据分箱为热力图，` +
    `或提高行数上限以显示全部数据。`,
  sampled: (rows: number, seed: number) => `确定性抽样 ${formatCount(rows)} 行（种子 ${seed}）：每次运行都是相同的行。`,
  rawSampled: (reason: string, total: number, rows: number, seed: number, max: number) =>
    `数据共有 ${formatCount(total)} 行，超过图表可接收的行数：${reason}。` +
    `当前显示：确定性抽样的 ${formatCount(rows)} 行（种子 ${seed}），每次运行都是相同的行。` +
    `要绘制全部数据，请对字段进行聚合或分箱（例如两个分箱字段的热力图，或密度图），` +
    `或在单元格第一行写 cap=${Math.min(total, max)} 提高上限（最多 ${formatCount(max)}）。`,
  aggregateCapped: (cap: number) =>
    `此图表的标记超过 ${formatCount(cap)} 个；按排序显示前 ${formatCount(cap)} 个。` +
    `请筛选数据、对字段分箱，或在单元格第一行写 cap=N 提高上限。`,
  sampleSubtitle: (rows: number, total: number) =>
    `抽样：${formatCount(total)} 行中的 ${formatCount(rows)} 行（确定性抽样）`,
  firstMarksSubtitle: (rows: number) => `仅显示前 ${formatCount(rows)} 个标记（已达上限）`,
  badCap: (cap: string, max: number) =>
    `图表的 cap=${cap} 不是行数：请写 1 到 ${formatCount(max)} 之间的整数，例如 cap=20000。`,
  offerRaiseCap: (cap: number) => `将上限提高到 ${formatCount(cap)}`,
  offerRaiseCapTitle: (cap: number) =>
    `在单元格第一行写入 cap=${cap} 并绘制全部行（${formatCount(cap)} 个标记可能较慢）`,
  offerHeatmap: "分箱为热力图",
  offerHeatmapTitle: "将图表改写为 x 与 y 分箱、按计数着色的热力图：每一行都在数据库中计数",
  rawComposite: () => "分层、拼接、分面和重复图表会绘制原始行",
  rawMark: (mark: string) => `${mark} 标记由原始行绘制`,
  rawNoAggregate: () => "图表每行绘制一个标记（编码中没有聚合）",
  rawTransform: (type: string) => `它的 ${type} 变换无法在数据库中运行`,
  rawEncoding: (channel: string) => `它的 ${channel} 编码无法在数据库中运行`,
  selectionName: (name: string) =>
    `图表选择需要一个其他单元格可以引用的 "name"（字母、数字和 _），例如 "brush"；收到的是 ${q(name)}。`,
  selectionType: (name: string, type: string) =>
    `选择 ${q(name)} 的类型是 ${q(type)}：请使用 "interval"（框选）或 "point"（点选）。`,
  selectionProjection: (name: string) =>
    `选择 ${q(name)} 必须恰好指定一个通道或字段，例如 "encodings": ["x"] 或 "fields": ["segment"]，` +
    `这样其他单元格得到的是一个范围或一组值。`,
  selectionChannel: (name: string, channel: string) =>
    `选择 ${q(name)} 作用于 ${channel} 通道，但图表没有 ${channel} 编码。`,
  linkedNotSelection: (name: string) =>
    `图表按 ${q(name)} 筛选（"filter": {"param": ...}），但它不是图表选择：请写另一个图表在 "params" 中声明的` +
    `区间或点选择的名称。`,
  linkedTimeUnit: (name: string, unit: string) =>
    `选择 ${q(name)} 作用于时间单位 ${q(unit)}：其他图表只能按 year、yearquarter、yearmonth、yearmonthdate ` +
    `或无时间单位字段上的选择筛选。`,
  linkedIntervalType: (name: string, field: string, type: string) =>
    `选择 ${q(name)} 是 ${q(field)}（${type} 列）上的刷选：刷选只能按数字、日期或时间列筛选其他图表；文本请用点选择。`,
  // The same titles the chart frame gives an aggregate it computes itself.
  countTitle: chartFrameText("zh-CN").countTitle,
  aggregateTitle: chartFrameText("zh-CN").aggregateTitle,
  binnedTitle: chartFrameText("zh-CN").binnedTitle,
  linkedAfterRaw: (name: string, reason: string) =>
    `图表在数据库无法执行的变换之后按选择 ${q(name)} 筛选（${reason}）：请把选择筛选放在 "transform" 的最前面。`,
};

/** The chart export controls' wording in Simplified Chinese. */
export const chartExportZh = {
  svg: "SVG",
  svgTitle: "将图表下载为 SVG 文件（矢量图：任意尺寸都清晰）",
  png: "PNG",
  pngTitle: "将图表下载为 PNG 图片（屏幕尺寸的两倍）",
  copy: "复制 PNG",
  copyTitle: "将图表以 PNG 图片复制到剪贴板",
  csv: "数据 CSV",
  csvTitle: "将图表绘制的行下载为 CSV 文件",
  copied: "已将图表以 PNG 图片复制到剪贴板。",
  copyUnsupported: "此浏览器不允许网页把图片放入剪贴板。请使用 PNG 按钮下载图片。",
  failed: (reason: string) => `无法导出图表：${reason}。`,
  notDrawn: "图表尚未绘制（请先运行它的单元格）",
  noAnswer: "图表框架未及时响应",
  badFile: "图表框架发送的内容不是有效的文件",
  noData: "图表没有可导出的内嵌行",
};
