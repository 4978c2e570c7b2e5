// The chart planner's wording in Simplified Chinese: missing fields, and why a chart draws raw rows.
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
  rawSampled: (reason: string, total: number, rows: number, seed: number) =>
    `数据共有 ${formatCount(total)} 行，超过图表可接收的行数：${reason}。` +
    `当前显示：确定性抽样的 ${formatCount(rows)} 行（种子 ${seed}），每次运行都相同。` +
    `对数据进行聚合或分箱（例如热力图）即可绘制全部数据。`,
  aggregateCapped: (cap: number) =>
    `此图表的标记超过 ${formatCount(cap)} 个；按排序显示前 ${formatCount(cap)} 个。请筛选数据或对字段分箱以绘制全部。`,
  rawComposite: () => "分层、拼接、分面和重复图表会绘制原始行",
  rawMark: (mark: string) => `${mark} 标记由原始行绘制`,
  rawNoAggregate: () => "图表每行绘制一个标记（编码中没有聚合）",
  rawTransform: (type: string) => `它的 ${type} 变换无法在数据库中运行`,
  rawEncoding: (channel: string) => `它的 ${channel} 编码无法在数据库中运行`,
};
