// Recipe 4, ABC (Pareto): customers ranked by revenue or margin, cumulative share, classes A/B/C at
// threshold shares, a class summary and a Pareto chart (value bars plus the cumulative share line).
import { mustBeBelow } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { ABC_TEXT } from "../../messages/recipes/abc";
import {
  ANALYSIS_DATE,
  measureParam,
  RETURNS_NOTE,
  marginNeed,
  windowParam,
  checksQuery,
  perCustomerCte,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

/** ABC classification of customers by their share of revenue or margin. */
export const abc: Recipe = {
  id: "abc",
  get title() {
    return ABC_TEXT.title;
  },
  get question() {
    return ABC_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot()],
  params: [
    ANALYSIS_DATE,
    measureParam(),
    {
      name: "a_share",
      type: "number",
      get label() {
        return ABC_TEXT.aShare;
      },
      default: 80,
      min: 1,
      max: 100,
    },
    {
      name: "b_share",
      type: "number",
      get label() {
        return ABC_TEXT.bShare;
      },
      default: 95,
      min: 1,
      max: 100,
    },
    windowParam(),
  ],
  needs: (p) => marginNeed(p.text("measure")),
  validate: (p) => (p.number("a_share") < p.number("b_share") ? [] : [mustBeBelow(ABC_TEXT.aUpTo, ABC_TEXT.bUpTo)]),
  build(ctx) {
    const w = new CellWriter(abc, ctx);
    const features = txFeatures(ctx);
    const measure = ctx.params.text("measure");
    const text = ABC_TEXT;
    const measureName = measure === "margin" ? text.chart.margin : text.chart.revenue;
    const [a, b, c] = [text.classes.a, text.classes.b, text.classes.c].map(sqlString);
    const params = paramsCte(abc.params, ctx.params, ["analysis_date", "a_share", "b_share", "months"]);
    const main = w.sql(
      undefined,
      `-- ABC: customers ranked by ${measure} (ties by customer_id). A customer is in class A while the
-- share of the customers ranked above stays below a_share %, in B below b_share %, else C;
-- so the customer who crosses a threshold still belongs to the class below it. Customers whose net
-- value is zero or negative carry no share and are left out of the ranking.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    perCustomerCte(features, true),
    {
      name: "ranked",
      body: `SELECT *, ${measure} AS value,
  row_number() OVER (ORDER BY ${measure} DESC, customer_id) AS rank
FROM per_customer
WHERE ${measure} > 0`,
    },
    {
      name: "cumulated",
      body: `SELECT *,
  value / NULLIF(sum(value) OVER (), 0) AS share,
  sum(value) OVER (ORDER BY rank) / NULLIF(sum(value) OVER (), 0) AS cumulative_share,
  COALESCE(sum(value) OVER (ORDER BY rank ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
    / NULLIF(sum(value) OVER (), 0) AS share_before
FROM ranked`,
    },
  ],
  `SELECT rank, customer_id, revenue,${features.margin ? " margin," : ""} orders, value, share, cumulative_share,
  CASE WHEN share_before < p.a_share / 100 THEN ${a}
       WHEN share_before < p.b_share / 100 THEN ${b}
       ELSE ${c} END AS class
FROM cumulated, params AS p
ORDER BY rank`,
)}`,
    );
    const classes = w.sql(
      "classes",
      `-- Customers and value per class (all three classes, even when empty)
SELECT k.class,
  count(c.customer_id) AS customers,
  count(c.customer_id) / NULLIF(sum(count(c.customer_id)) OVER (), 0) AS customer_share,
  COALESCE(sum(c.value), 0) AS value,
  sum(c.value) / NULLIF(sum(sum(c.value)) OVER (), 0) AS value_share
FROM (VALUES (${a}), (${b}), (${c})) AS k(class)
LEFT JOIN "${main}" AS c ON c.class = k.class
GROUP BY k.class
ORDER BY k.class`,
    );
    const curve = w.sql(
      "curve",
      `-- The Pareto curve in at most 100 points: customers in percent of all, value and cumulative share
SELECT CAST(ceil(rank * 100.0 / n) AS INTEGER) AS customer_pct,
  sum(value) AS value,
  arg_max(cumulative_share, rank) AS cumulative_share,
  min(class) AS class
FROM (SELECT *, count(*) OVER () AS n FROM "${main}")
GROUP BY 1
ORDER BY 1`,
    );
    w.chart("chart", curve, {
      title: { text: text.chart.title(measure), subtitle: text.chart.subtitle(classes) },
      encoding: {
        x: {
          field: "customer_pct",
          type: "quantitative",
          title: text.chart.customers,
          scale: { domain: [0, 100] },
        },
      },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "value", type: "quantitative", title: measureName },
            color: {
              field: "class",
              type: "nominal",
              title: text.chart.class,
              scale: { domain: [text.classes.a, text.classes.b, text.classes.c] },
            },
          },
        },
        {
          mark: { type: "line", color: "black", point: false },
          encoding: {
            y: {
              field: "cumulative_share",
              type: "quantitative",
              title: text.chart.cumulative,
              axis: { format: ".0%" },
              scale: { domain: [0, 1] },
            },
          },
        },
      ],
      resolve: { scale: { y: "independent" } },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
