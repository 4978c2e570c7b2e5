// Wording shared by the transaction recipes (src/recipes/transactions.ts): the analysis date, look-back
// window and value measure parameters, and the SQL note on returns every recipe carries.
import { localized, type Catalogue } from "../locale";

const en = {
  analysisDate: {
    label: "Analysis date",
    auto: "the latest purchase date in the data that is not after today",
    help: "Recency, windows and cohorts are measured as of this day; later rows are left out and counted.",
  },
  returnsNote:
    "-- Rows with amount <= 0 (returns, credit notes, cancellations) are netted into revenue and margin but are\n" +
    "-- not purchases: they do not count as orders, nor as first or last purchase. Rows dated after the\n" +
    "-- analysis date are left out. The _checks cell counts every row left out, by reason.",
  window: "Look-back window (months, 0 = all history)",
  measure: { label: "Value measure", revenue: "Revenue", margin: "Margin" },
  marginBecause: "value measure = margin",
};

const zh: Catalogue<typeof en> = {
  analysisDate: {
    label: "分析日期",
    auto: "数据中不晚于今天的最近一次购买日期",
    help: "最近购买、时间窗口和同期群都以这一天为准；晚于它的行被排除并计数。",
  },
  returnsNote:
    "-- 金额 <= 0 的行（退货、贷项通知、取消）计入收入和毛利的净额，但不算购买：\n" +
    "-- 不计为订单，也不算首次或最近一次购买。晚于分析日期的行被排除。\n" +
    "-- _checks 单元格按原因统计每一条被排除的行。",
  window: "回看时间窗口（月，0 = 全部历史）",
  measure: { label: "价值度量", revenue: "收入", margin: "毛利" },
  marginBecause: "价值度量 = 毛利",
};

/** The shared transaction-recipe wording in the current locale. */
export const TRANSACTIONS_TEXT = localized(en, { "zh-CN": zh });
