// Wording of the satisfaction and NPS recipe (14): gallery texts, the notes and band names its SQL writes,
// and the NPS groups and titles of its chart. `{}` in a note is filled by SQL (a count, a minimum).
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Satisfaction and NPS",
  question: "How satisfied are customers, how many would recommend us, and do the unhappy ones leave?",
  churnDays: "Churned after this many days without a purchase",
  needsRating: "satisfaction or NPS is what this analysis reports",
  /** The row over every segment together. */
  all: "(all)",
  satisfactionTooFew: "satisfaction: too few answers ({} < {}): not reported",
  npsTooFew: "NPS: too few answers ({} < {}): not reported",
  customersTooFew: "too few customers ({} < {}): not reported",
  bands: { low: "low", neutral: "neutral", high: "high" },
  chartTitle: "Promoters, passives and detractors",
  chartSubtitle: "NPS = % promoters - % detractors; small segments are not shown",
  shareOfResponses: "Share of responses",
  groups: { detractor_share: "detractors", passive_share: "passives", promoter_share: "promoters" },
  nps: "NPS",
};

const zh: Catalogue<typeof en> = {
  title: "满意度与净推荐值（NPS）",
  question: "客户有多满意？多少客户愿意推荐我们？不满意的客户会流失吗？",
  churnDays: "多少天没有购买即视为流失",
  needsRating: "本分析报告的是满意度或净推荐值",
  all: "（全部）",
  satisfactionTooFew: "满意度：回答太少（{} < {}），不予报告",
  npsTooFew: "NPS：回答太少（{} < {}），不予报告",
  customersTooFew: "客户太少（{} < {}），不予报告",
  bands: { low: "低满意度", neutral: "中等满意度", high: "高满意度" },
  chartTitle: "推荐者、被动者与贬损者",
  chartSubtitle: "净推荐值 = 推荐者占比 - 贬损者占比；样本过小的细分不显示",
  shareOfResponses: "回答占比",
  groups: { detractor_share: "贬损者", passive_share: "被动者", promoter_share: "推荐者" },
  nps: "净推荐值",
};

/** The satisfaction and NPS recipe's wording in the current locale. */
export const NPS_TEXT = localized(en, { "zh-CN": zh });
