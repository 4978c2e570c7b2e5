// Wording of the SWOT recipe (19): gallery texts, parameter labels, the quadrant and axis names, and the
// evidence sentences its SQL writes (DuckDB format() templates: `{}` and `{:.1f}` are filled by SQL).
import { localized, type Catalogue } from "../locale";

const en = {
  title: "SWOT grid",
  question: "What are our strengths and weaknesses, and the opportunities and threats against a competitor?",
  competitor: "Competitor (empty: the one taking the most lost deals)",
  items: (quadrant: string) => `${quadrant} (items separated by ;)`,
  minDeals: "Minimum decided deals for a segment to be quoted",
  quadrants: { strengths: "Strengths", weaknesses: "Weaknesses", opportunities: "Opportunities", threats: "Threats" },
  helpful: "Helpful",
  harmful: "Harmful",
  internal: "Internal",
  external: "External",
  strengthEvidence: "{}: satisfaction {:.1f} at importance {:.1f} (keep up the good work)",
  weaknessEvidence: "{}: satisfaction {:.1f} at importance {:.1f} (concentrate here)",
  rivalThreat: "{} wins {:.0f} % of the {} deals decided against us{}",
  rivalPrice: " (our price {:.0f} % of theirs)",
  segmentThreat: "{}: we win only {:.0f} % of {} deals against {}{}",
  segmentPrice: ", our price {:.0f} % of theirs",
  segmentOpportunity: "{}: we win {:.0f} % of {} deals against {}",
  entered: "entered",
  fromData: "from the data",
  nothingYet: "(nothing yet)",
  chartTitle: "SWOT",
  chartSubtitle: "Internal (top) and external (bottom); helpful (left) and harmful (right)",
};

const zh: Catalogue<typeof en> = {
  title: "SWOT 分析",
  question: "我们有哪些优势和劣势？面对某个竞争对手有哪些机会和威胁？",
  competitor: "竞争对手（留空：抢走丢单最多的那一家）",
  items: (quadrant: string) => `${quadrant}（各条目用 ; 分隔）`,
  minDeals: "细分至少有多少个已决商机才引用",
  quadrants: { strengths: "优势", weaknesses: "劣势", opportunities: "机会", threats: "威胁" },
  helpful: "有利",
  harmful: "不利",
  internal: "内部",
  external: "外部",
  strengthEvidence: "{}：满意度 {:.1f}，重要性 {:.1f}（继续保持区）",
  weaknessEvidence: "{}：满意度 {:.1f}，重要性 {:.1f}（重点改进区）",
  rivalThreat: "{0} 在与我们竞争的 {2} 个已决商机中赢下 {1:.0f} %{3}",
  rivalPrice: "（我方价格为对方的 {:.0f} %）",
  segmentThreat: "{0}：与 {3} 竞争的 {2} 个商机中我们仅赢下 {1:.0f} %{4}",
  segmentPrice: "，我方价格为对方的 {:.0f} %",
  segmentOpportunity: "{0}：与 {3} 竞争的 {2} 个商机中我们赢下 {1:.0f} %",
  entered: "手工录入",
  fromData: "来自数据",
  nothingYet: "（暂无）",
  chartTitle: "SWOT 分析",
  chartSubtitle: "上：内部，下：外部；左：有利，右：不利",
};

/** The SWOT recipe's wording in the current locale. */
export const SWOT_TEXT = localized(en, { "zh-CN": zh });
