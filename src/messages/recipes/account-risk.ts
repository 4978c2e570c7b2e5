// Wording of the key-account risk recipe (22): gallery texts, parameter labels, the risk levels its SQL
// writes (red, amber, green: high, medium, low risk) and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Key-account risk warning",
  question: "Which key accounts show warning signs in payments, spend or lost deals, and how serious are they?",
  analysisDate: "Analysis date",
  analysisDateAuto: "the latest invoice or payment date in the receivables that is not after today",
  keyAccounts: "Key accounts: the top N customers by revenue of the last 12 months (0 = every customer with invoices)",
  overdueDaysMax: "Days overdue at which the credit risk is full",
  lateMax: "Late payments (last 12 months) at which the risk is full",
  graceDays: "Days after the due date a payment still counts as on time",
  trendMonths: "Trend: the last N months against the N before",
  spendDropMax: "Spend drop at which the risk is full (0.5 = -50 %)",
  marginDropMax: "Margin-% drop at which the risk is full (0.1 = 10 points)",
  lostMax: "Deals lost to competitors (last 12 months) at which the risk is full",
  wCredit: "Weight of the credit risk",
  wFinancial: "Weight of the financial risk",
  wMarket: "Weight of the market risk",
  amber: "Amber from score",
  red: "Red from score",
  amberFrom: "Amber from",
  redFrom: "Red from",
  levels: { red: "red", amber: "amber", green: "green" },
  chartTitle: "Key-account risk watch list",
  chartSubtitle: (amber: number, red: number) => `Weighted risk score; amber from ${amber}, red from ${red}`,
  score: "Risk score",
  level: "Level",
};

const zh: Catalogue<typeof en> = {
  title: "大客户风险预警",
  question: "哪些大客户在回款、消费或丢单上出现预警信号？严重程度如何？",
  analysisDate: "分析日期",
  analysisDateAuto: "应收账款中不晚于今天的最近开票或付款日期",
  keyAccounts: "大客户：近 12 个月收入最高的前 N 位客户（0 = 所有有发票的客户）",
  overdueDaysMax: "逾期多少天时信用风险达到满分",
  lateMax: "近 12 个月逾期付款多少次时风险达到满分",
  graceDays: "到期后多少天内付款仍算按时",
  trendMonths: "趋势：最近 N 个月与之前 N 个月相比",
  spendDropMax: "消费下降多少时风险达到满分（0.5 = -50 %）",
  marginDropMax: "毛利率下降多少时风险达到满分（0.1 = 10 个百分点）",
  lostMax: "近 12 个月输给竞争对手多少个商机时风险达到满分",
  wCredit: "信用风险权重",
  wFinancial: "财务风险权重",
  wMarket: "市场风险权重",
  amber: "中风险起始得分",
  red: "高风险起始得分",
  amberFrom: "中风险起始得分",
  redFrom: "高风险起始得分",
  levels: { red: "高风险", amber: "中风险", green: "低风险" },
  chartTitle: "大客户风险观察名单",
  chartSubtitle: (amber: number, red: number) => `加权风险得分；${amber} 起为中风险，${red} 起为高风险`,
  score: "风险得分",
  level: "风险等级",
};

/** The key-account risk recipe's wording in the current locale. */
export const RISK_TEXT = localized(en, { "zh-CN": zh });
