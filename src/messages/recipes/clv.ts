// Wording of the lifetime-value recipe (src/recipes/catalogue/clv.ts, 生命周期价值): gallery texts, the level
// parameter and the chart titles of the historic and formula levels.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Customer lifetime value",
  question: "What is each customer worth, to date and over the coming years net of acquisition cost?",
  level: {
    label: "Level",
    historic: "Historic: value to date",
    formula: "Formula: margin, retention and discount over a horizon",
    predictive: "Predictive: BG/NBD purchases and P(alive), Gamma-Gamma spend, over the horizon",
  },
  topN: "Customers in the chart",
  chart: {
    formula: "Customer lifetime value (formula), top customers",
    historic: "Historic customer value, top customers",
    /** `measure` is the parameter value, revenue or margin. */
    measure: (measure: string) => `Measure: ${measure}`,
    clv: "CLV",
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户生命周期价值（CLV）",
  question: "每位客户值多少：到目前为止，以及扣除获客成本后在未来几年里？",
  level: {
    label: "层级",
    historic: "历史法：到目前为止的价值",
    formula: "公式法：预测期内的毛利、留存率和折现",
    predictive: "预测法：BG/NBD 预测购买次数和存活概率 P(alive)，Gamma-Gamma 预测客单价，预测期内",
  },
  topN: "图表中的客户数",
  chart: {
    formula: "客户生命周期价值（公式法），前列客户",
    historic: "历史客户价值，前列客户",
    measure: (measure: string) => `度量：${measure === "margin" ? "毛利" : "收入"}`,
    clv: "生命周期价值（CLV）",
  },
};

/** The lifetime-value recipe's wording in the current locale. */
export const CLV_TEXT = localized(en, { "zh-CN": zh });
