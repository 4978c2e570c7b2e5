// Wording of the activity x loyalty recipe (src/recipes/catalogue/activity-loyalty.ts): gallery texts,
// parameters, the quadrant labels the SQL writes and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Activity x loyalty matrix",
  question: "Which customers are both active now and loyal over time, and which are fading?",
  activityMonths: { label: "Activity: orders in the last (months)" },
  loyalty: {
    label: "Loyalty measure",
    activeMonths: "Share of months since the first purchase with a purchase",
    tenure: "Tenure (days since the first purchase)",
  },
  activityCut: { label: "High activity from (orders)", auto: "the median" },
  loyaltyCut: { label: "High loyalty from", auto: "the median" },
  /** [activity high?, loyalty high?] -> label. */
  quadrants: {
    highHigh: "core: active and loyal",
    highLow: "new or opportunistic: active, not yet loyal",
    lowHigh: "fading loyal: loyal, less active",
    lowLow: "occasional: neither",
  },
  chart: {
    title: "Activity x loyalty",
    subtitle: "Each point a customer; lines at the cut points",
    activity: "Activity (orders)",
    tenure: "Tenure (days)",
    activeMonths: "Share of months with a purchase",
  },
};

const zh: Catalogue<typeof en> = {
  title: "活跃度 × 忠诚度矩阵",
  question: "哪些客户既当前活跃又长期忠诚，哪些在淡出？",
  activityMonths: { label: "活跃度：最近（月）内的订单数" },
  loyalty: {
    label: "忠诚度度量",
    activeMonths: "首次购买以来有购买的月份占比",
    tenure: "客户时长（首次购买以来的天数）",
  },
  activityCut: { label: "高活跃度的起点（订单数）", auto: "中位数" },
  loyaltyCut: { label: "高忠诚度的起点", auto: "中位数" },
  quadrants: {
    highHigh: "核心客户：活跃且忠诚",
    highLow: "新客户或机会型客户：活跃，尚不忠诚",
    lowHigh: "淡出的忠诚客户：忠诚，活跃度下降",
    lowLow: "偶尔购买的客户：两者皆否",
  },
  chart: {
    title: "活跃度 × 忠诚度",
    subtitle: "每个点是一位客户；虚线为分界点",
    activity: "活跃度（订单数）",
    tenure: "客户时长（天）",
    activeMonths: "有购买的月份占比",
  },
};

/** The activity x loyalty recipe's wording in the current locale. */
export const ACTIVITY_LOYALTY_TEXT = localized(en, { "zh-CN": zh });
