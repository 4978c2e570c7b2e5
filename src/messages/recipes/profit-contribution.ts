// Wording of the profit contribution recipe (src/recipes/catalogue/profit-contribution.ts): gallery texts,
// parameters and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Profit contribution",
  question: "Which customers earn the profit, and how much per unit of the cost of serving them?",
  months: { label: "Look-back window (months)" },
  serviceCost: { label: "Annual marketing and service cost to allocate" },
  allocateBy: {
    label: "Allocate the cost by",
    orders: "Orders (cost follows the work)",
    revenue: "Revenue",
    equal: "Equally per customer",
  },
  topN: { label: "Customers in the chart" },
  because: "profit contribution",
  chart: {
    title: "Profit contribution, top customers",
    subtitle: "Annual profit; label: share of total margin",
    profit: "Annual profit",
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户利润贡献",
  question: "哪些客户贡献了利润？每单位服务成本换来多少利润？",
  months: { label: "回看时间窗口（月）" },
  serviceCost: { label: "待分摊的年度营销与服务成本" },
  allocateBy: {
    label: "成本分摊依据",
    orders: "订单数（成本随工作量）",
    revenue: "收入",
    equal: "每位客户平均分摊",
  },
  topN: { label: "图表中的客户数" },
  because: "利润贡献",
  chart: {
    title: "客户利润贡献，前列客户",
    subtitle: "年度利润；标注：占总毛利的比例",
    profit: "年度利润",
  },
};

/** The profit contribution recipe's wording in the current locale. */
export const PROFIT_CONTRIBUTION_TEXT = localized(en, { "zh-CN": zh });
