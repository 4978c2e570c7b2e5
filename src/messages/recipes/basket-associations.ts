// Wording of the basket-associations recipe (17): gallery texts, parameter labels and chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Basket associations",
  question: "Which products are bought together, and how much more often than by chance?",
  item: "Item",
  items: { product: "Product", category: "Category" },
  basket: "Basket",
  baskets: {
    order: "One order (order id)",
    customer_day: "A customer's purchases on one day",
    customer_month: "A customer's purchases in one month",
    customer: "Everything a customer bought in the window",
  },
  minSupport: "Minimum support (share of baskets with both items)",
  minConfidence: "Minimum confidence (share of baskets with A that have B)",
  top: "Rules in the top table",
  itemBecause: (item: string) => `item = ${item}`,
  basketBecause: "basket = order",
  chartTitle: "Top association rules",
  chartSubtitle: "Support vs confidence; size and colour: lift",
  support: "Support",
  confidence: "Confidence",
  lift: "Lift",
};

const zh: Catalogue<typeof en> = {
  title: "购物篮关联",
  question: "哪些产品经常被一起购买？比随机情况高出多少？",
  item: "商品层级",
  items: { product: "产品", category: "品类" },
  basket: "购物篮",
  baskets: {
    order: "一个订单（订单号）",
    customer_day: "一位客户一天内的购买",
    customer_month: "一位客户一个月内的购买",
    customer: "一位客户在时间窗口内的全部购买",
  },
  minSupport: "最小支持度（同时含两件商品的购物篮占比）",
  minConfidence: "最小置信度（含 A 的购物篮中也含 B 的占比）",
  top: "排行表中的规则数",
  itemBecause: (item: string) => `商品层级 = ${item}`,
  basketBecause: "购物篮 = 订单",
  chartTitle: "最强关联规则",
  chartSubtitle: "支持度与置信度；大小和颜色：提升度",
  support: "支持度",
  confidence: "置信度",
  lift: "提升度",
};

/** The basket-associations recipe's wording in the current locale. */
export const BASKET_TEXT = localized(en, { "zh-CN": zh });
