// Wording shared by the market recipes (14-25): the segment choice, the survey scale, the minimum answers,
// the labels SQL writes for rows without a segment, and the reasons of their checks tables.
import { localized, type Catalogue } from "../locale";

const en = {
  segmentBy: "Segment by",
  segments: {
    none: "No segments (all together)",
    industry: "Industry",
    region: "Region",
    size: "Size (as written in the customers table)",
    account_manager: "Account manager",
  },
  segmentBecause: (by: string) => `segment by = ${by}`,
  /** A segment attribute's name inside a sentence or title. */
  segmentNames: { industry: "industry", region: "region", size: "size", account_manager: "account manager" },
  scaleMin: "Rating scale: lowest point",
  scaleMax: "Rating scale: highest point",
  minAnswers: "Minimum answers to report a group",
  /** The segment of every row when there are no segments. */
  all: "All",
  /** The segment of a row whose customer has no value for the attribute. */
  unknown: "(unknown)",
  /** A deal naming no competitor, a purchase without a category. */
  none: "(none)",
  /** Why rows were left out or flagged, as the checks tables list them. */
  checks: {
    used: "used",
    noCustomer: "left out: no customer",
    noDeal: "left out: no deal id",
    noAmount: "left out: amount missing or not a number",
    noDueDate: "left out: due date missing or unreadable",
    satisfactionOutOfScale: "left out: satisfaction outside the scale (or not a whole number)",
    importanceOutOfScale: "left out: importance outside the scale (or not a whole number)",
    npsOutOfScale: "left out: recommendation (NPS) outside 0-10 (or not a whole number)",
    noAnswer: "left out: no answer given",
    noAttribute: "left out: no attribute",
    noCompetitor: 'used: deals with no competitor named (shown as "(none)")',
    openReceivable: "used: open invoices (no paid date, or paid after the analysis date)",
    unlistedStage: "used at the first stage only: a stage not in the stage list (e.g. lost)",
    noPrices: "left out of price gaps: our price or the competitor's price missing",
    nothingLeft: "nothing left to analyse: check the role mapping, the scale and the analysis date",
  },
};

const zh: Catalogue<typeof en> = {
  segmentBy: "细分依据",
  segments: {
    none: "不细分（全部合计）",
    industry: "行业",
    region: "地区",
    size: "规模（按客户表中的写法）",
    account_manager: "客户经理",
  },
  segmentBecause: (by: string) => `细分依据 = ${by}`,
  segmentNames: { industry: "行业", region: "地区", size: "规模", account_manager: "客户经理" },
  scaleMin: "评分量表：最低分",
  scaleMax: "评分量表：最高分",
  minAnswers: "一组至少多少条回答才报告",
  all: "全部",
  unknown: "（未知）",
  none: "（无）",
  checks: {
    used: "已使用",
    noCustomer: "已排除：没有客户",
    noDeal: "已排除：没有商机编号",
    noAmount: "已排除：金额缺失或不是数字",
    noDueDate: "已排除：到期日缺失或无法识别",
    satisfactionOutOfScale: "已排除：满意度超出量表（或不是整数）",
    importanceOutOfScale: "已排除：重要性超出量表（或不是整数）",
    npsOutOfScale: "已排除：推荐意愿（NPS）超出 0-10（或不是整数）",
    noAnswer: "已排除：没有作答",
    noAttribute: "已排除：没有属性",
    noCompetitor: "已使用：未写明竞争对手的商机（显示为“（无）”）",
    openReceivable: "已使用：未结发票（没有付款日期，或在分析日期之后才付款）",
    unlistedStage: "仅计入第一阶段：阶段不在阶段列表中（例如丢单）",
    noPrices: "不计入价差：缺少我方价格或竞争对手价格",
    nothingLeft: "没有可分析的数据：请检查字段角色映射、评分量表和分析日期",
  },
};

/** The market recipes' shared wording in the current locale. */
export const MARKET_TEXT = localized(en, { "zh-CN": zh });
