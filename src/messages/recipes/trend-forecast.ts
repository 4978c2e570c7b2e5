// Wording of the trend-and-forecast recipe (23): gallery texts, parameter labels, the series, kind and line
// names its SQL writes, and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Trend and forecast",
  question: "Where is monthly spend heading for the business, an account or a segment?",
  series: "Series",
  seriesOptions: {
    total: "All customers",
    customer: "One customer (focus)",
    industry: "One industry (focus)",
    region: "One region (focus)",
  },
  focus: "Customer id or segment (empty: the largest by revenue)",
  method: "Method",
  methods: {
    moving_average: "Moving average (flat forecast at the last average)",
    exponential: "Simple exponential smoothing (flat forecast at the last level)",
    linear: "Linear trend (least squares)",
  },
  methodNames: { moving_average: "moving average", exponential: "exponential", linear: "linear" },
  historyMonths: "Months of history used (0 = all)",
  horizon: "Months to forecast",
  window: "Moving average: months",
  alpha: "Exponential smoothing: alpha (0-1, higher follows recent months more)",
  seriesBecause: (series: string) => `series = ${series}`,
  /** The series of every customer together. */
  allCustomers: "All customers",
  kinds: { history: "history", forecast: "forecast" },
  lines: { actual: "actual", fitted: "fitted", forecast: "forecast" },
  chartTitle: "Monthly spend and forecast",
  chartSubtitle: (method: string) => `${method}; the dashed line is the forecast`,
  spend: "Net spend per month",
};

const zh: Catalogue<typeof en> = {
  title: "趋势与预测",
  question: "整体业务、某个客户或某个细分的月度消费走向如何？",
  series: "序列",
  seriesOptions: {
    total: "全部客户",
    customer: "单个客户（指定）",
    industry: "单个行业（指定）",
    region: "单个地区（指定）",
  },
  focus: "客户编号或细分（留空：收入最大者）",
  method: "方法",
  methods: {
    moving_average: "移动平均（按最后的平均值平推预测）",
    exponential: "简单指数平滑（按最后的水平值平推预测）",
    linear: "线性趋势（最小二乘法）",
  },
  methodNames: { moving_average: "移动平均", exponential: "指数平滑", linear: "线性趋势" },
  historyMonths: "使用多少个月的历史（0 = 全部）",
  horizon: "预测月数",
  window: "移动平均：月数",
  alpha: "指数平滑：alpha（0-1，越大越贴近最近几个月）",
  seriesBecause: (series: string) => `序列 = ${series}`,
  allCustomers: "全部客户",
  kinds: { history: "历史", forecast: "预测" },
  lines: { actual: "实际", fitted: "拟合", forecast: "预测" },
  chartTitle: "月度消费与预测",
  chartSubtitle: (method: string) => `${method}；虚线为预测`,
  spend: "每月净消费",
};

/** The trend-and-forecast recipe's wording in the current locale. */
export const TREND_TEXT = localized(en, { "zh-CN": zh });
