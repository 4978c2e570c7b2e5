// Wording of the value matrix recipe (src/recipes/catalogue/value-matrix.ts): gallery texts, parameters, the
// quadrant names and strategies the SQL writes (价值矩阵) and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Value matrix",
  question: "Where should we invest: which customers are worth much now, and which could be worth more?",
  potential: {
    label: "Growth potential",
    peer: "Peer headroom: what similar customers buy (percentile below) minus current value",
    formula: "Formula CLV minus current value",
    predictive: "Predicted CLV (BG/NBD + Gamma-Gamma over the horizon) minus current value",
  },
  peerPct: "Peer benchmark percentile",
  currentCut: { label: "High current value from", auto: "the median" },
  potentialCut: { label: "High potential from", auto: "the median" },
  /** Each quadrant: its name, how much to invest, and the relationship strategy. */
  quadrants: {
    highHigh: ["high current, high potential", "top priority", "spare no effort to keep and grow"],
    highLow: ["high current, low potential", "key", "keep at a high level"],
    lowHigh: ["low current, high potential", "moderate", "rebuild"],
    lowLow: ["low current, low potential", "none", "let go"],
  },
  peerGroups: { unknown: "(unknown)", all: "all customers", predicted: "predicted CLV", formula: "formula CLV" },
  chart: {
    title: "Customer value matrix",
    subtitle: "Current value vs growth potential; lines at the cut points",
    /** `measure` is the parameter value, revenue or margin. */
    current: (measure: string) => `Current value (${measure}, last 12 months)`,
    potential: "Growth potential",
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户价值矩阵",
  question: "该把资源投向哪里：哪些客户当前价值高，哪些客户还能更有价值？",
  potential: {
    label: "增长潜力",
    peer: "同类差距：同类客户的购买水平（下面的百分位）减去当前价值",
    formula: "公式法 CLV 减去当前价值",
    predictive: "预测 CLV（BG/NBD + Gamma-Gamma，预测期内）减去当前价值",
  },
  peerPct: "同类对标百分位",
  currentCut: { label: "当前价值高的起点", auto: "中位数" },
  potentialCut: { label: "潜力高的起点", auto: "中位数" },
  quadrants: {
    highHigh: ["高当前价值、高潜力", "最优先", "不遗余力地保持并发展"],
    highLow: ["高当前价值、低潜力", "重点", "保持高水平的关系"],
    lowHigh: ["低当前价值、高潜力", "适度", "重建关系"],
    lowLow: ["低当前价值、低潜力", "不投入", "放手"],
  },
  peerGroups: { unknown: "（未知）", all: "全部客户", predicted: "预测 CLV", formula: "公式法 CLV" },
  chart: {
    title: "客户价值矩阵",
    subtitle: "当前价值与增长潜力；虚线为分界点",
    current: (measure: string) => `当前价值（${measure === "margin" ? "毛利" : "收入"}，最近 12 个月）`,
    potential: "增长潜力",
  },
};

/** The value matrix's wording in the current locale. */
export const VALUE_MATRIX_TEXT = localized(en, { "zh-CN": zh });
