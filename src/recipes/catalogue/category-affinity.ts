// Recipe 16, implicit needs by category affinity: which categories a segment buys more than the base rate,
// lift = share of the category in the segment's revenue / its share overall; a segment x category heatmap.
import { AFFINITY_TEXT as T } from "../../messages/recipes/category-affinity";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, windowParam } from "../transactions";
import { segmentNeeds, segmentParam, segmentSql } from "./market-inputs";

/** Category lift by customer segment. */
export const categoryAffinity: Recipe = {
  id: "category-affinity",
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
      roles: ["customer_id", "date", "amount", "category"],
      optional: [],
    },
    customersSlot(true, ["industry", "region", "size", "account_manager"]),
  ],
  params: [
    segmentParam("industry", false),
    ANALYSIS_DATE,
    windowParam(12),
    {
      name: "min_customers",
      type: "number",
      get label() {
        return T.minCustomers;
      },
      default: 5,
      min: 1,
      max: 100000,
      integer: true,
    },
  ],
  needs: (p) => segmentNeeds(p.text("segment_by")),
  build(ctx) {
    const w = new CellWriter(categoryAffinity, ctx);
    const by = ctx.params.text("segment_by");
    const params = paramsCte(categoryAffinity.params, ctx.params, ["analysis_date", "months", "min_customers"]);
    const main = w.sql(
      undefined,
      `-- Category affinity by ${by}: lift = (category's share of the segment's net revenue) / (category's share of
-- all net revenue), within the look-back window. Lift above 1: the segment buys the category more than the
-- base rate (an implicit need); below 1: less. Segments with fewer than min_customers buyers get no lift.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx, ["category"]),
    ...customerCtes(ctx, [by]),
    {
      name: "rows_used",
      body: `SELECT ${segmentSql(by)} AS segment, COALESCE(t.category, ${sqlString(MARKET_TEXT.none)}) AS category, t.customer_id, t.amount
FROM tx AS t CROSS JOIN params AS p CROSS JOIN as_of AS a
LEFT JOIN cust AS c ON c.customer_id = t.customer_id
WHERE p.months = 0 OR t.date > a.day - to_months(p.months)`,
    },
    { name: "cells", body: "SELECT segment, category, sum(amount) AS revenue FROM rows_used GROUP BY ALL" },
    {
      name: "segments",
      body: "SELECT segment, sum(amount) AS segment_revenue, count(DISTINCT customer_id) FILTER (WHERE amount > 0) AS buyers FROM rows_used GROUP BY ALL",
    },
    {
      name: "categories",
      body: "SELECT category, sum(amount) / NULLIF((SELECT sum(amount) FROM rows_used), 0) AS base_share FROM rows_used GROUP BY ALL",
    },
  ],
  `SELECT s.segment, k.category, s.buyers, COALESCE(c.revenue, 0) AS revenue,
  COALESCE(c.revenue, 0) / NULLIF(s.segment_revenue, 0) AS segment_share, k.base_share,
  CASE WHEN s.buyers >= p.min_customers THEN COALESCE(c.revenue, 0) / NULLIF(s.segment_revenue, 0) / NULLIF(k.base_share, 0) END AS lift
FROM segments AS s CROSS JOIN categories AS k CROSS JOIN params AS p
LEFT JOIN cells AS c ON c.segment = s.segment AND c.category = k.category
ORDER BY s.segment, k.category`,
)}`,
    );
    w.sql(
      "top",
      `-- Each segment's strongest affinity (the highest lift)\nSELECT segment, arg_max(category, lift) AS category, max(lift) AS lift FROM "${main}" WHERE lift IS NOT NULL GROUP BY segment ORDER BY lift DESC`,
    );
    w.chart("chart", main, {
      title: {
        text: T.chartTitle(MARKET_TEXT.segmentNames[by as keyof typeof MARKET_TEXT.segmentNames] ?? by),
        subtitle: T.chartSubtitle,
      },
      encoding: {
        x: { field: "category", type: "nominal", title: null },
        y: { field: "segment", type: "nominal", title: null },
      },
      layer: [
        {
          mark: "rect",
          encoding: {
            color: { field: "lift", type: "quantitative", title: T.lift, scale: { scheme: "redblue", domainMid: 1 } },
          },
        },
        {
          mark: { type: "text", fontSize: 10 },
          encoding: { text: { field: "lift", type: "quantitative", format: ".2f" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
