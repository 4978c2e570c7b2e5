// Wording of the deal-segments recipe: gallery texts, the segment choice, and chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Deal segments",
  question: "Which sales agents, products, sources or segments win most, fastest and biggest?",
  segmentBy: "Segment deals by",
  segments: {
    none: "No segments (all together)",
    owner: "Sales agent (deal owner)",
    product: "Product",
    source: "Lead source",
    deal_region: "Region of the deal",
    industry: "Customer industry",
    region: "Customer region",
    size: "Customer size",
    account_manager: "Customer's account manager",
  },
  segmentBecause: (by: string) => `segment deals by = ${by}`,
  customerBecause: "customer segments come from the customer of each deal",
  chartTitle: "Win rate by segment",
  chartSubtitle: "Won / decided deals; hover for cycle time and deal value",
  winRate: "Win rate",
  medianCycle: "Median cycle (days)",
};

const zh: Catalogue<typeof en> = {
  title: "商机细分",
  question: "哪些销售人员、产品、线索来源或细分赢单最多、最快、金额最大？",
  segmentBy: "商机细分依据",
  segments: {
    none: "不细分（全部合计）",
    owner: "销售人员（商机负责人）",
    product: "产品",
    source: "线索来源",
    deal_region: "商机所在地区",
    industry: "客户行业",
    region: "客户地区",
    size: "客户规模",
    account_manager: "客户的客户经理",
  },
  segmentBecause: (by: string) => `商机细分依据 = ${by}`,
  customerBecause: "客户细分来自每个商机所属的客户",
  chartTitle: "各细分的赢单率",
  chartSubtitle: "赢单数 / 已决商机数；悬停查看销售周期和商机金额",
  winRate: "赢单率",
  medianCycle: "销售周期中位数（天）",
};

/** The deal-segments recipe's wording in the current locale. */
export const DEAL_SEGMENTS_TEXT = localized(en, { "zh-CN": zh });
