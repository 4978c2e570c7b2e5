// Wording of the RFM recipe (src/recipes/catalogue/rfm.ts): gallery texts, parameters and chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "RFM segments",
  question: "Who bought recently, often and for much, and who is slipping away?",
  scoring: {
    label: "Scoring method",
    quintile: "Quintiles (ntile(5), ties broken by customer id)",
    rfmPackage: "R package rfm (quantile cut points + 1, ties share a score)",
  },
  monetary: { label: "Monetary value", total: "Total amount", average: "Average amount per order" },
  heatmap: {
    title: "Customers by recency and frequency score",
    subtitle: "5 = most recent / most frequent",
    frequency: "Frequency score",
    recency: "Recency score",
    customers: "Customers",
  },
  segments: { title: "Customers per RFM segment", customers: "Customers", revenueShare: "Revenue share" },
};

const zh: Catalogue<typeof en> = {
  title: "RFM 客户细分",
  question: "谁最近买过、买得频繁、花得多？谁正在流失？",
  scoring: {
    label: "评分方法",
    quintile: "五分位（ntile(5)，同值按客户编号区分）",
    rfmPackage: "R 包 rfm（分位数切点 + 1，同值同分）",
  },
  monetary: { label: "消费金额（M）", total: "总金额", average: "每单平均金额" },
  heatmap: {
    title: "按最近购买（R）与购买频率（F）得分的客户数",
    subtitle: "5 = 最近 / 最频繁",
    frequency: "频率得分（F）",
    recency: "最近购买得分（R）",
    customers: "客户数",
  },
  segments: { title: "各 RFM 细分的客户数", customers: "客户数", revenueShare: "收入占比" },
};

/** The RFM recipe's wording in the current locale. */
export const RFM_TEXT = localized(en, { "zh-CN": zh });
