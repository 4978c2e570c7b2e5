// Wording of the retention recipe (13): its gallery texts, parameter labels, and the titles and rate
// names of the charts it inserts.
import { localized, type Catalogue } from "../locale";

/** A period choice of the recipe. */
type Period = "month" | "quarter" | "year";

const EN_PERIODS: Readonly<Record<Period, string>> = { month: "month", quarter: "quarter", year: "year" };
const ZH_PERIODS: Readonly<Record<Period, string>> = { month: "月", quarter: "季度", year: "年" };

const en = {
  title: "Retention and churn",
  question: "How many customers do we keep and lose each period, and how long do new customers keep buying?",
  period: "Period",
  periods: { month: "Month", quarter: "Quarter", year: "Year" },
  activeWindow: "In the base while bought within the last (periods)",
  heatmapTitle: "Cohorts: share still buying",
  heatmapSubtitle: (period: Period) =>
    `Rows: first-purchase ${EN_PERIODS[period]}; columns: ${EN_PERIODS[period]}s since`,
  periodsSince: (period: Period) =>
    `${EN_PERIODS[period][0].toUpperCase()}${EN_PERIODS[period].slice(1)}s since the first purchase`,
  cohort: "Cohort",
  shareBuying: "Share buying",
  curveTitle: "Retention curve",
  curveSubtitle: "Share of a cohort buying k periods after its first purchase",
  churnTitle: "Churn and retention",
  churnSubtitle: (period: Period) => `Per ${EN_PERIODS[period]}: lost / customers at the start`,
  rate: "Rate",
  churnRate: "Churn rate",
  retentionRate: "Retention rate",
};

const zh: Catalogue<typeof en> = {
  title: "留存与流失",
  question: "每个周期留住了多少客户、流失了多少客户？新客户会持续购买多久？",
  period: "周期",
  periods: { month: "月", quarter: "季度", year: "年" },
  activeWindow: "最近多少个周期内有购买即计入客户基数（周期数）",
  heatmapTitle: "同期群：仍在购买的比例",
  heatmapSubtitle: (period: Period) => `行：首次购买所在${ZH_PERIODS[period]}；列：此后经过的${ZH_PERIODS[period]}数`,
  periodsSince: (period: Period) => `距首次购买的${ZH_PERIODS[period]}数`,
  cohort: "同期群",
  shareBuying: "购买比例",
  curveTitle: "留存曲线",
  curveSubtitle: "同期群在首次购买后第 k 个周期仍购买的比例",
  churnTitle: "流失率与留存率",
  churnSubtitle: (period: Period) => `每${ZH_PERIODS[period]}：流失客户数 / 期初客户数`,
  rate: "比率",
  churnRate: "流失率",
  retentionRate: "留存率",
};

/** The retention recipe's wording in the current locale. */
export const RETENTION_TEXT = localized(en, { "zh-CN": zh });
