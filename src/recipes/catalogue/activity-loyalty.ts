// Recipe 8, activity x loyalty: recent orders against a loyalty measure (tenure or the share of months
// with a purchase), split at the medians or set cut points into a labelled 2 x 2, with a scatter.
import { CellWriter, scatterSample } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { worded } from "../params";
import { ACTIVITY_LOYALTY_TEXT } from "../../messages/recipes/activity-loyalty";
import { sqlString, withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  checksQuery,
  orderCount,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

/** The activity x loyalty matrix. */
export const activityLoyalty: Recipe = {
  id: "activity-loyalty",
  get title() {
    return ACTIVITY_LOYALTY_TEXT.title;
  },
  get question() {
    return ACTIVITY_LOYALTY_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot(["order_id"])],
  params: [
    ANALYSIS_DATE,
    worded(
      { name: "activity_months", type: "number", default: 12, min: 1, max: 120, integer: true },
      () => ACTIVITY_LOYALTY_TEXT.activityMonths,
    ),
    {
      name: "loyalty",
      type: "choice",
      get label() {
        return ACTIVITY_LOYALTY_TEXT.loyalty.label;
      },
      default: "active_months",
      get options() {
        const t = ACTIVITY_LOYALTY_TEXT.loyalty;
        return [
          { value: "active_months", label: t.activeMonths },
          { value: "tenure", label: t.tenure },
        ];
      },
    },
    worded({ name: "activity_cut", type: "number", default: null, min: 0 }, () => ACTIVITY_LOYALTY_TEXT.activityCut),
    worded({ name: "loyalty_cut", type: "number", default: null, min: 0 }, () => ACTIVITY_LOYALTY_TEXT.loyaltyCut),
  ],
  build(ctx) {
    const w = new CellWriter(activityLoyalty, ctx);
    const features = txFeatures(ctx);
    const loyalty = ctx.params.text("loyalty");
    const params = paramsCte(activityLoyalty.params, ctx.params, [
      "analysis_date",
      "activity_months",
      "activity_cut",
      "loyalty_cut",
    ]);
    const loyaltySql =
      loyalty === "tenure"
        ? "datediff('day', min(date) FILTER (WHERE amount > 0), any_value(a.day))"
        : "count(DISTINCT date_trunc('month', date)) FILTER (WHERE amount > 0)\n    / (datediff('month', min(date) FILTER (WHERE amount > 0), any_value(a.day)) + 1)";
    const text = ACTIVITY_LOYALTY_TEXT;
    const L = text.quadrants;
    const main = w.sql(
      undefined,
      `-- Activity = ${features.orderId ? "distinct orders" : "purchases"} in the last activity_months; loyalty = ${loyalty === "tenure" ? "days since the first purchase" : "share of calendar months, from the first purchase's to the analysis date's, with a purchase"}.
-- High = at or above the cut point (the median of customers with a purchase, unless set).
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    {
      name: "measures",
      body: `SELECT customer_id,
  ${orderCount(features).replace("amount > 0", "amount > 0 AND date > a.day - to_months(p.activity_months)")} AS activity,
  ${loyaltySql} AS loyalty,
  sum(amount) AS revenue
FROM tx, params AS p, as_of AS a
GROUP BY customer_id
HAVING count(*) FILTER (WHERE amount > 0) > 0`,
    },
    {
      name: "cuts",
      body: `SELECT COALESCE(p.activity_cut, (SELECT median(activity) FROM measures)) AS activity_cut,
  COALESCE(p.loyalty_cut, (SELECT median(loyalty) FROM measures)) AS loyalty_cut
FROM params AS p`,
    },
  ],
  `SELECT m.*, k.activity_cut, k.loyalty_cut,
  CASE WHEN m.activity >= k.activity_cut AND m.loyalty >= k.loyalty_cut THEN ${sqlString(L.highHigh)}
       WHEN m.activity >= k.activity_cut THEN ${sqlString(L.highLow)}
       WHEN m.loyalty >= k.loyalty_cut THEN ${sqlString(L.lowHigh)}
       ELSE ${sqlString(L.lowLow)} END AS quadrant
FROM measures AS m, cuts AS k
ORDER BY m.customer_id`,
)}`,
    );
    w.sql(
      "quadrants",
      `-- Customers and revenue per quadrant (every quadrant present)
SELECT q.quadrant, count(c.customer_id) AS customers,
  count(c.customer_id) / NULLIF(sum(count(c.customer_id)) OVER (), 0) AS customer_share,
  COALESCE(sum(c.revenue), 0) AS revenue
FROM (VALUES ${Object.values(L)
        .map((l, i) => `(${i + 1}, ${sqlString(l)})`)
        .join(", ")}) AS q(quadrant_order, quadrant)
LEFT JOIN "${main}" AS c ON c.quadrant = q.quadrant
GROUP BY q.quadrant_order, q.quadrant
ORDER BY q.quadrant_order`,
    );
    const points = w.sql("points", scatterSample(main));
    w.chart("chart", points, {
      title: { text: text.chart.title, subtitle: text.chart.subtitle },
      layer: [
        {
          mark: { type: "point", filled: true, opacity: 0.6 },
          encoding: {
            x: { field: "activity", type: "quantitative", title: text.chart.activity },
            y: {
              field: "loyalty",
              type: "quantitative",
              title: loyalty === "tenure" ? text.chart.tenure : text.chart.activeMonths,
            },
            color: { field: "quadrant", type: "nominal", title: null, sort: Object.values(L) },
            tooltip: [
              { field: "customer_id", type: "nominal" },
              { field: "revenue", type: "quantitative", format: ",.0f" },
            ],
          },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4] },
          encoding: { x: { aggregate: "min", field: "activity_cut", type: "quantitative" } },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4] },
          encoding: { y: { aggregate: "min", field: "loyalty_cut", type: "quantitative" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
