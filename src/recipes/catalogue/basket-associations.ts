// Recipe 17, basket associations: item pairs bought in the same basket, as rules A -> B with support,
// confidence and lift, filtered by minimums; the top rules table and a support x confidence chart.
import { BASKET_TEXT as T } from "../../messages/recipes/basket-associations";
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { withQuery } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, windowParam } from "../transactions";

const BASKETS: Record<string, string> = {
  order: "t.order_id",
  customer_day: "t.customer_id || '|' || CAST(t.date AS VARCHAR)",
  customer_month: "t.customer_id || '|' || strftime(t.date, '%Y-%m')",
  customer: "t.customer_id",
};

/** Association rules between items (products or categories) bought together. */
export const basketAssociations: Recipe = {
  id: "basket-associations",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "needs",
  inputs: [
    {
      name: "transactions",
      kind: "transactions",
      required: true,
      roles: ["customer_id", "date", "amount"],
      optional: ["order_id", "product", "category"],
    },
  ],
  params: [
    {
      name: "item",
      type: "choice",
      get label() {
        return T.item;
      },
      default: "product",
      get options() {
        return (["product", "category"] as const).map((value) => ({ value, label: T.items[value] }));
      },
    },
    {
      name: "basket",
      type: "choice",
      get label() {
        return T.basket;
      },
      default: "order",
      get options() {
        return (["order", "customer_day", "customer_month", "customer"] as const).map((value) => ({
          value,
          label: T.baskets[value],
        }));
      },
    },
    ANALYSIS_DATE,
    windowParam(0),
    {
      name: "min_support",
      type: "number",
      get label() {
        return T.minSupport;
      },
      default: 0.01,
      min: 0,
      max: 1,
    },
    {
      name: "min_confidence",
      type: "number",
      get label() {
        return T.minConfidence;
      },
      default: 0.1,
      min: 0,
      max: 1,
    },
    {
      name: "top",
      type: "number",
      get label() {
        return T.top;
      },
      default: 20,
      min: 1,
      max: 1000,
      integer: true,
    },
  ],
  needs(p) {
    const item = p.text("item");
    const needs: RoleNeed[] = [{ slot: "transactions", anyOf: [item], because: T.itemBecause(item) }];
    if (p.text("basket") === "order")
      needs.push({ slot: "transactions", anyOf: ["order_id"], because: T.basketBecause });
    return needs;
  },
  build(ctx) {
    const w = new CellWriter(basketAssociations, ctx);
    const item = ctx.params.text("item");
    const basket = ctx.params.text("basket");
    const params = paramsCte(basketAssociations.params, ctx.params, [
      "analysis_date",
      "months",
      "min_support",
      "min_confidence",
    ]);
    const main = w.sql(
      undefined,
      `-- Association rules A -> B between ${item === "product" ? "products" : "categories"} in the same basket (${basket.replace("_", " ")}), purchases only.
-- N = baskets; n(X) = baskets holding X. support = n(A and B) / N, confidence = n(A and B) / n(A),
-- lift = confidence / (n(B) / N): above 1, B is in baskets with A more often than in baskets overall.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx, [item]),
    {
      name: "items",
      comment: "one row per basket and item (purchases within the window)",
      body: `SELECT DISTINCT ${BASKETS[basket]} AS basket, t.${item} AS item
FROM tx AS t CROSS JOIN params AS p CROSS JOIN as_of AS a
WHERE t.amount > 0 AND t.${item} IS NOT NULL AND ${BASKETS[basket]} IS NOT NULL
  AND (p.months = 0 OR t.date > a.day - to_months(p.months))`,
    },
    { name: "n", body: "SELECT count(DISTINCT basket) AS baskets FROM items" },
    { name: "singles", body: "SELECT item, count(*) AS baskets FROM items GROUP BY item" },
    {
      name: "pairs",
      body: "SELECT a.item AS antecedent, b.item AS consequent, count(*) AS baskets FROM items AS a JOIN items AS b ON a.basket = b.basket AND a.item <> b.item GROUP BY ALL",
    },
  ],
  `SELECT r.antecedent, r.consequent, r.antecedent || ' -> ' || r.consequent AS rule, r.baskets AS baskets_with_both,
  r.baskets / n.baskets AS support,
  r.baskets / sa.baskets AS confidence,
  (r.baskets / sa.baskets) / (sb.baskets / n.baskets) AS lift
FROM pairs AS r CROSS JOIN n CROSS JOIN params AS p
JOIN singles AS sa ON sa.item = r.antecedent
JOIN singles AS sb ON sb.item = r.consequent
WHERE r.baskets / n.baskets >= p.min_support AND r.baskets / sa.baskets >= p.min_confidence
ORDER BY lift DESC, confidence DESC, rule`,
)}`,
    );
    const top = w.sql(
      "top",
      `-- The top rules by lift (then confidence)\nSELECT * FROM "${main}" ORDER BY lift DESC, confidence DESC, rule LIMIT ${ctx.params.number("top")}`,
    );
    w.chart("chart", top, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      mark: { type: "circle", opacity: 0.8 },
      encoding: {
        x: { field: "support", type: "quantitative", title: T.support, axis: { format: ".1%" } },
        y: { field: "confidence", type: "quantitative", title: T.confidence, axis: { format: ".0%" } },
        size: { field: "lift", type: "quantitative", title: T.lift },
        color: { field: "lift", type: "quantitative", title: T.lift, scale: { scheme: "viridis" } },
        tooltip: [
          { field: "rule", type: "nominal" },
          { field: "lift", type: "quantitative", format: ".2f" },
          { field: "baskets_with_both", type: "quantitative" },
        ],
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
