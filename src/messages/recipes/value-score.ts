// Wording of the composite value score recipe (src/recipes/catalogue/value-score.ts): gallery texts,
// parameters, why a role is needed, and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Composite value score",
  question: "Which customers are worth most when revenue, profit, activity and loyalty are weighed together?",
  tiers: { label: "Tiers (equal numbers of customers)" },
  topN: { label: "Customers in the chart" },
  marginBecause: "a margin indicator",
  sizeBecause: "the size indicator",
  chart: {
    title: "Composite value score, top customers",
    subtitle: "Each bar split into the weighted indicators",
    score: "Score (0-1)",
    indicator: "Indicator",
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户价值综合评分",
  question: "把收入、利润、活跃度和忠诚度加权合计后，哪些客户最有价值？",
  tiers: { label: "层级数（每层客户数相同）" },
  topN: { label: "图表中的客户数" },
  marginBecause: "毛利指标",
  sizeBecause: "规模指标",
  chart: {
    title: "客户价值综合评分，前列客户",
    subtitle: "每个条形按加权指标拆分",
    score: "得分（0-1）",
    indicator: "指标",
  },
};

/** The composite value score's wording in the current locale. */
export const VALUE_SCORE_TEXT = localized(en, { "zh-CN": zh });
