// Recipe 8, activity x loyalty: recent orders against a loyalty measure (tenure or the share of months
// with a purchase), split at the medians or set cut points into a labelled 2 x 2, with a scatter.
import { CellWriter, scatterSample } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  checksQuery,
  orderCount,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

/** The quadrant labels: [activity high?, loyalty high?] -> label. */
export const ACTIVITY_LOYALTY_LABELS = {
  highHigh: "core: active and loyal",
  highLow: "new or opportunistic: active, not yet loyal",
  lowHigh: "fading loyal: loyal, less active",
  lowLow: "occasional: neither",
} as const;

/** The activity x loyalty matrix. */
export const activityLoyalty: Recipe = {
  id: "activity-loyalty",
  title: "Activity x loyalty matrix",
  question: "Which customers are both active now and loyal over time, and which are fading?",
  family: "segmentation",
  inputs: [transactionsSlot(["order_id"])],
  params: [
    ANALYSIS_DATE,
    {
      name: "activity_months",
      type: "number",
      label: "Activity: orders in the last (months)",
      default: 12,
      min: 1,
      max: 120,
      integer: true,
    },
    {
      name: "loyalty",
      type: "choice",
      label: "Loyalty measure",
      default: "active_months",
      options: [
        { value: "active_months", label: "Share of months since the first purchase with a purchase" },
        { value: "tenure", label: "Tenure (days since the first purchase)" },
      ],
    },
    {
      name: "activity_cut",
      type: "number",
      label: "High activity from (orders)",
      default: null,
      min: 0,
      auto: "the median",
    },
    { name: "loyalty_cut", type: "number", label: "High loyalty from", default: null, min: 0, auto: "the median" },
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
    const L = ACTIVITY_LOYALTY_LABELS;
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
  CASE WHEN m.activity >= k.activity_cut AND m.loyalty >= k.loyalty_cut THEN '${L.highHigh}'
       WHEN m.activity >= k.activity_cut THEN '${L.highLow}'
       WHEN m.loyalty >= k.loyalty_cut THEN '${L.lowHigh}'
       ELSE '${L.lowLow}' END AS quadrant
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
        .map((l, i) => `(${i + 1}, '${l}')`)
        .join(", ")}) AS q(quadrant_order, quadrant)
LEFT JOIN "${main}" AS c ON c.quadrant = q.quadrant
GROUP BY q.quadrant_order, q.quadrant
ORDER BY q.quadrant_order`,
    );
    const points = w.sql("points", scatterSample(main));
    w.chart("chart", points, {
      title: { text: "Activity x loyalty", subtitle: "Each point a customer; lines at the cut points" },
      layer: [
        {
          mark: { type: "point", filled: true, opacity: 0.6 },
          encoding: {
            x: { field: "activity", type: "quantitative", title: "Activity (orders)" },
            y: {
              field: "loyalty",
              type: "quantitative",
              title: loyalty === "tenure" ? "Tenure (days)" : "Share of months with a purchase",
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
