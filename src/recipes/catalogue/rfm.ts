// Recipe 3, RFM: recency, frequency and monetary value per customer, scored 1-5 by one of two methods,
// named segments from a rule table, an R x F heatmap of customer counts and a segment bar chart.
import { CellWriter } from "../cells";
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
import { otherSegment, RULES_PARAM, rulesValues, type SegmentRule } from "./rfm-rules";
import { quintileScores, rfmPackageScores } from "./rfm-scoring";
import { sqlString } from "../sql";
import { RFM_TEXT } from "../../messages/recipes/rfm";

/** RFM segmentation with quintile or rfm-package scoring and a rule table of named segments. */
export const rfm: Recipe = {
  id: "rfm",
  get title() {
    return RFM_TEXT.title;
  },
  get question() {
    return RFM_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot(["order_id"])],
  params: [
    ANALYSIS_DATE,
    {
      name: "scoring",
      type: "choice",
      get label() {
        return RFM_TEXT.scoring.label;
      },
      default: "quintile",
      get options() {
        return [
          { value: "quintile", label: RFM_TEXT.scoring.quintile },
          { value: "rfm_package", label: RFM_TEXT.scoring.rfmPackage },
        ];
      },
    },
    {
      name: "monetary",
      type: "choice",
      get label() {
        return RFM_TEXT.monetary.label;
      },
      default: "total",
      get options() {
        return [
          { value: "total", label: RFM_TEXT.monetary.total },
          { value: "average", label: RFM_TEXT.monetary.average },
        ];
      },
    },
    RULES_PARAM,
  ],
  build(ctx) {
    const w = new CellWriter(rfm, ctx);
    const p = ctx.params;
    const features = txFeatures(ctx);
    const params = paramsCte(rfm.params, p, ["analysis_date"]);
    const packageMethod = p.text("scoring") === "rfm_package";
    const monetary =
      p.text("monetary") === "average" ? `sum(amount) / NULLIF(${orderCount(features)}, 0)` : "sum(amount)";
    const header = [
      "-- RFM per customer as of the analysis date: recency = days since the last purchase,",
      `-- frequency = ${features.orderId ? "distinct orders" : "purchases (rows)"}, monetary = ${p.text("monetary") === "average" ? "average amount per order" : "total amount"}.`,
      packageMethod
        ? "-- Scores 1-5 as the R package rfm computes them: cut points = quantile (type 7) + 1; equal values share a score."
        : "-- Scores 1-5 by quintile (ntile); ties broken by customer_id. 5 = most recent / most frequent / highest.",
      "-- Segment: the first rule in segment_rules whose R, F and M ranges all hold.",
      RETURNS_NOTE,
    ].join("\n");
    const main = w.sql(
      undefined,
      header +
        "\n" +
        withQuery(
          [
            params,
            ...transactionCtes(ctx),
            {
              name: "measures",
              comment: "one row per customer with at least one purchase (revenue net of returns)",
              body: `SELECT * FROM (
  SELECT customer_id, max(date) FILTER (WHERE amount > 0) AS last_purchase,
    datediff('day', max(date) FILTER (WHERE amount > 0), any_value(a.day)) AS recency_days,
    ${orderCount(features)} AS frequency,
    sum(amount) AS revenue,
    ${monetary} AS monetary
  FROM tx, as_of AS a
  GROUP BY customer_id
)
WHERE frequency > 0`,
            },
            ...(packageMethod ? rfmPackageScores() : quintileScores()),
            {
              name: "segment_rules",
              comment: "the segment rule table (a recipe parameter)",
              body: rulesValues(p.value<SegmentRule[]>("segments")),
            },
            {
              name: "segment_of",
              // Looked up per score, not matched per customer: the range join and its GROUP BY over every
              // customer cost more than the rest of the query.
              comment: "the segment of each of the 125 scores: the first rule whose R, F and M ranges all hold",
              body: `SELECT rs.r, fs.f, ms.m, arg_min(g.segment, g.priority) AS segment
FROM range(1, 6) AS rs(r)
CROSS JOIN range(1, 6) AS fs(f)
CROSS JOIN range(1, 6) AS ms(m)
JOIN segment_rules AS g
  ON rs.r BETWEEN g.r_min AND g.r_max AND fs.f BETWEEN g.f_min AND g.f_max AND ms.m BETWEEN g.m_min AND g.m_max
GROUP BY ALL`,
            },
          ],
          `SELECT s.customer_id, s.last_purchase, s.recency_days, s.frequency, s.revenue, s.monetary,
  s.r, s.f, s.m, s.r * 100 + s.f * 10 + s.m AS rfm_score,
  COALESCE(g.segment, ${sqlString(otherSegment())}) AS segment
FROM scored AS s
LEFT JOIN segment_of AS g ON g.r = s.r AND g.f = s.f AND g.m = s.m
ORDER BY rfm_score DESC, s.customer_id`,
        ),
    );
    const grid = w.sql(
      "grid",
      `-- Customers per recency x frequency score, every cell of the 5 x 5 grid present
SELECT rs.r, fs.f, count(c.customer_id) AS customers, COALESCE(sum(c.revenue), 0) AS revenue
FROM range(1, 6) AS rs(r)
CROSS JOIN range(1, 6) AS fs(f)
LEFT JOIN "${main}" AS c ON c.r = rs.r AND c.f = fs.f
GROUP BY ALL
ORDER BY rs.r DESC, fs.f`,
    );
    const segments = w.sql(
      "segments",
      `-- Customers and revenue per segment
SELECT segment,
  count(*) AS customers,
  count(*) / sum(count(*)) OVER () AS customer_share,
  sum(revenue) AS revenue,
  sum(revenue) / NULLIF(sum(sum(revenue)) OVER (), 0) AS revenue_share,
  avg(recency_days) AS avg_recency_days,
  avg(frequency) AS avg_frequency
FROM "${main}"
GROUP BY segment
ORDER BY customers DESC, segment`,
    );
    const text = RFM_TEXT;
    w.chart("heatmap", grid, {
      title: { text: text.heatmap.title, subtitle: text.heatmap.subtitle },
      encoding: {
        x: { field: "f", type: "ordinal", title: text.heatmap.frequency },
        y: { field: "r", type: "ordinal", title: text.heatmap.recency, sort: "descending" },
      },
      layer: [
        {
          mark: "rect",
          encoding: {
            color: {
              field: "customers",
              type: "quantitative",
              title: text.heatmap.customers,
              scale: { scheme: "blues" },
            },
          },
        },
        {
          mark: { type: "text", baseline: "middle" },
          encoding: { text: { field: "customers", type: "quantitative" } },
        },
      ],
    });
    w.chart("chart", segments, {
      title: text.segments.title,
      encoding: {
        y: {
          field: "segment",
          type: "nominal",
          sort: { field: "customers", op: "sum", order: "descending" },
          title: null,
        },
        x: { field: "customers", type: "quantitative", title: text.segments.customers },
      },
      layer: [
        {
          mark: "bar",
          encoding: {
            color: {
              field: "revenue_share",
              type: "quantitative",
              title: text.segments.revenueShare,
              legend: { format: ".0%" },
            },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 3 },
          encoding: { text: { field: "customer_share", type: "quantitative", format: ".0%" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
