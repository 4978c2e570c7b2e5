// Wording of the target-market-priority recipe (20): gallery texts, parameter labels and chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Target market priority",
  question: "Which segments should we go after first, weighing size, growth, competition and fit?",
  segments: "Candidate segments by",
  segmentOptions: { industry: "Industry", region: "Region", size: "Size" },
  months: "Period length (months): size is the last period, growth against the one before",
  wSize: "Weight of size (revenue in the period)",
  wGrowth: "Weight of growth (vs the period before)",
  wCompetition: "Weight of competitive intensity (share of decided deals lost to competitors; less is better)",
  wFit: "Weight of fit (margin %, or the active share of customers without margin)",
  minCustomers: "Minimum customers in a candidate segment",
  segmentsBecause: (by: string) => `candidate segments by ${by}`,
  chartTitle: "Target market priority",
  chartSubtitle: "Growth vs fit; bubble size: revenue, colour: score",
  growth: "Growth vs the period before",
  marginShare: "Margin %",
  activeShare: "Active share",
  revenue: "Revenue",
  score: "Score",
};

const zh: Catalogue<typeof en> = {
  title: "目标市场优先级",
  question: "综合规模、增长、竞争和匹配度，应优先开拓哪些细分市场？",
  segments: "候选细分市场依据",
  segmentOptions: { industry: "行业", region: "地区", size: "规模" },
  months: "周期长度（月）：规模取最近一个周期，增长与前一个周期相比",
  wSize: "规模权重（周期内收入）",
  wGrowth: "增长权重（与前一个周期相比）",
  wCompetition: "竞争强度权重（已决商机中输给竞争对手的比例；越低越好）",
  wFit: "匹配度权重（毛利率；无毛利数据时为活跃客户占比）",
  minCustomers: "候选细分市场至少多少位客户",
  segmentsBecause: (by: string) => `候选细分市场依据 ${by}`,
  chartTitle: "目标市场优先级",
  chartSubtitle: "增长与匹配度；气泡大小：收入，颜色：得分",
  growth: "与前一个周期相比的增长",
  marginShare: "毛利率",
  activeShare: "活跃客户占比",
  revenue: "收入",
  score: "得分",
};

/** The market-priority recipe's wording in the current locale. */
export const PRIORITY_TEXT = localized(en, { "zh-CN": zh });
