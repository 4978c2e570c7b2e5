// Wording of the KPI scorecard recipe (25): gallery texts, parameter labels, the KPI, unit and status names
// its SQL writes, and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "KPI scorecard",
  question: "Are sales, customer growth, retention and satisfaction where we wanted them?",
  months: "Period (months): the last period against the one before",
  targetSales: "Target: sales in the period",
  targetSalesAuto: "the previous period's sales (no decline)",
  targetSalesGrowth: "Target: sales growth (0.05 = +5 %)",
  targetCustomerGrowth: "Target: growth of active customers",
  targetRetention: "Target: retention (share of last period's buyers buying again)",
  targetSatisfaction: "Target: mean satisfaction",
  targetNps: "Target: NPS (points, -100 to 100)",
  kpis: {
    sales: "Sales",
    salesGrowth: "Sales growth",
    customerGrowth: "Customer growth",
    retention: "Retention",
    satisfaction: "Satisfaction",
    nps: "NPS",
  },
  units: { money: "money", share: "share", score: "score", points: "points" },
  status: { noData: "no data", noTarget: "no target", onTarget: "on target", belowTarget: "below target" },
  chartTitle: "KPI scorecard",
  chartSubtitle: "Actual / target (the line is 100 %); negative actuals show as 0",
  attainment: "Attainment of target",
};

const zh: Catalogue<typeof en> = {
  title: "KPI 记分卡",
  question: "销售额、客户增长、留存率和满意度是否达到目标？",
  months: "周期（月）：最近一个周期与前一个周期相比",
  targetSales: "目标：周期内销售额",
  targetSalesAuto: "上一周期的销售额（不下降）",
  targetSalesGrowth: "目标：销售额增长率（0.05 = +5 %）",
  targetCustomerGrowth: "目标：活跃客户增长率",
  targetRetention: "目标：留存率（上一周期购买客户中再次购买的比例）",
  targetSatisfaction: "目标：平均满意度",
  targetNps: "目标：净推荐值（分值，-100 到 100）",
  kpis: {
    sales: "销售额",
    salesGrowth: "销售额增长率",
    customerGrowth: "客户增长率",
    retention: "留存率",
    satisfaction: "满意度",
    nps: "净推荐值",
  },
  units: { money: "金额", share: "比例", score: "评分", points: "分值" },
  status: { noData: "无数据", noTarget: "无目标", onTarget: "达标", belowTarget: "未达标" },
  chartTitle: "KPI 记分卡",
  chartSubtitle: "实际值 / 目标值（竖线为 100 %）；实际值为负时显示为 0",
  attainment: "目标达成率",
};

/** The KPI scorecard recipe's wording in the current locale. */
export const KPI_TEXT = localized(en, { "zh-CN": zh });
