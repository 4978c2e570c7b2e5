// Recipe 13, retention and churn: the customer base per period (new, lost, churn and retention rate,
// growth), the cohort matrix by first-purchase period, the average retention curve, and their charts.
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { withQuery, type Cte } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, transactionsSlot } from "../transactions";
import { RETENTION_TEXT as T } from "../../messages/recipes/retention";
import { labelCalculate } from "./market-inputs";

const MONTHS_PER: Record<string, number> = { month: 1, quarter: 3, year: 12 };
type Period = keyof typeof T.periods;

/** Retention, churn and cohorts. */
export const retention: Recipe = {
  id: "retention",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "loyalty",
  inputs: [transactionsSlot(["order_id"])],
  params: [
    ANALYSIS_DATE,
    {
      name: "period",
      type: "choice",
      get label() {
        return T.period;
      },
      default: "month",
      get options() {
        return (["month", "quarter", "year"] as const).map((value) => ({ value, label: T.periods[value] }));
      },
    },
    {
      name: "active_window",
      type: "number",
      get label() {
        return T.activeWindow;
      },
      default: 3,
      min: 1,
      max: 60,
      integer: true,
    },
  ],
  build(ctx) {
    const w = new CellWriter(retention, ctx);
    const params = paramsCte(
      retention.params,
      ctx.params,
      ["analysis_date", "period", "active_window"],
      [
        {
          name: "months_per_period",
          sql: String(MONTHS_PER[ctx.params.text("period")]),
          comment: "months in one period",
        },
      ],
    );
    // The periods each customer bought in are a cell of their own (below the main one), read by both the churn
    // and the cohort queries: 1M orders are grouped into them once, not once per query.
    const activeCell = w.name("active");
    const [mapping, asOf] = transactionCtes(ctx);
    const shared: Cte[] = [
      params,
      mapping,
      asOf,
      {
        name: "active",
        comment: `the periods in which each customer bought (the cell ${activeCell})`,
        body: `SELECT customer_id, period_start FROM "${activeCell}"`,
      },
      {
        name: "periods",
        comment:
          "every complete period from the first purchase's to the analysis date's (a period still running is left out)",
        body: `SELECT CAST(f.first + to_months(r.i * p.months_per_period) AS DATE) AS period_start
FROM (SELECT min(period_start) AS first FROM active) AS f, params AS p, as_of AS a, range(0, 2400) AS r(i)
WHERE f.first + to_months((r.i + 1) * p.months_per_period) - INTERVAL 1 DAY <= a.day`,
      },
    ];
    const churn = w.sql(
      undefined,
      `-- Churn per ${ctx.params.text("period")}: a customer is in the base at the end of a period while they bought in one of the
-- last active_window periods. at_start = the base at the end of the period before; lost = in it, not in the
-- base now; churn_rate = lost / at_start; retention_rate = 1 - churn_rate; growth_rate = (at_end - at_start) / at_start.
${RETURNS_NOTE}
${withQuery(
  [
    ...shared,
    {
      name: "next_active",
      comment:
        "each period a customer bought in, the next period they bought in (NULL: none since), and whether it is their first",
      body: `SELECT customer_id, period_start,
  lead(period_start) OVER (PARTITION BY customer_id ORDER BY period_start) AS next_start,
  lag(period_start) OVER (PARTITION BY customer_id ORDER BY period_start) IS NULL AS first_period
FROM active`,
    },
    {
      name: "changes",
      comment:
        "customer c is in the base at the end of a period while they bought in it or in the active_window - 1 before: each purchase period adds c to the base, until active_window periods later or c's next purchase period",
      body: `SELECT period_start, sum(change) AS change FROM (
  SELECT period_start, 1 AS change FROM next_active
  UNION ALL
  SELECT CASE WHEN c.next_start < c.period_start + to_months(p.active_window * p.months_per_period) THEN c.next_start
    ELSE CAST(c.period_start + to_months(p.active_window * p.months_per_period) AS DATE) END, -1
  FROM next_active AS c, params AS p
)
GROUP BY period_start`,
    },
    {
      name: "base_size",
      comment: "customers in the base from each change on (a running sum: no row per customer and period)",
      body: "SELECT period_start, CAST(sum(change) OVER (ORDER BY period_start) AS BIGINT) AS customers FROM changes",
    },
    {
      name: "lost_in",
      comment:
        "in the base at the end of one period, not at the end of the next: active_window periods after a purchase period with no purchase since",
      body: `SELECT CAST(c.period_start + to_months(p.active_window * p.months_per_period) AS DATE) AS period_start, count(*) AS lost
FROM next_active AS c, params AS p
WHERE c.next_start IS NULL OR c.next_start > c.period_start + to_months(p.active_window * p.months_per_period)
GROUP BY 1`,
    },
    {
      name: "firsts",
      comment: "new customers per period: those buying for the first time",
      body: "SELECT period_start, count(*) AS customers FROM next_active WHERE first_period GROUP BY period_start",
    },
    {
      name: "counts",
      comment: "per period: the base before and after, new customers, and those lost",
      body: `SELECT s.period_start, COALESCE(before.customers, 0) AS at_start, COALESCE(f.customers, 0) AS new_customers,
  COALESCE(l.lost, 0) AS lost, COALESCE(after.customers, 0) AS at_end
FROM periods AS s
CROSS JOIN params AS p
ASOF LEFT JOIN base_size AS before ON before.period_start <= CAST(s.period_start - to_months(p.months_per_period) AS DATE)
ASOF LEFT JOIN base_size AS after ON after.period_start <= s.period_start
LEFT JOIN firsts AS f ON f.period_start = s.period_start
LEFT JOIN lost_in AS l ON l.period_start = s.period_start`,
    },
  ],
  `SELECT period_start, at_start, new_customers, lost, at_end,
  lost / NULLIF(at_start, 0) AS churn_rate,
  1 - lost / NULLIF(at_start, 0) AS retention_rate,
  (at_end - at_start) / NULLIF(at_start, 0) AS growth_rate
FROM counts
ORDER BY period_start`,
)}`,
    );
    w.sql(
      "active",
      `-- The periods in which each customer bought (a purchase: amount > 0), one row per customer and ${ctx.params.text("period")}
${withQuery(
  [params, ...transactionCtes(ctx)],
  "SELECT DISTINCT customer_id, CAST(date_trunc(p.period, date) AS DATE) AS period_start\nFROM tx, params AS p\nWHERE amount > 0\n" +
    // Shown as a cell: its rows in one order on every run, whatever the threads (about 30 ms on 436k rows).
    "ORDER BY customer_id, period_start",
)}`,
    );
    const cohorts = w.sql(
      "cohorts",
      `-- Cohorts by first-purchase ${ctx.params.text("period")}: share of the cohort buying in its k-th period after (k = 0 is the first).
${withQuery(
  [
    ...shared,
    { name: "cohort_of", body: "SELECT customer_id, min(period_start) AS cohort FROM active GROUP BY customer_id" },
    { name: "sizes", body: "SELECT cohort, count(*) AS cohort_size FROM cohort_of GROUP BY cohort" },
  ],
  `SELECT z.cohort, CAST(datediff('month', z.cohort, s.period_start) / p.months_per_period AS INTEGER) AS k, z.cohort_size,
  count(c.customer_id) AS active,
  count(c.customer_id) / z.cohort_size AS share
FROM sizes AS z
CROSS JOIN params AS p
JOIN periods AS s ON s.period_start >= z.cohort
LEFT JOIN (SELECT a.customer_id, a.period_start, o.cohort FROM active AS a JOIN cohort_of AS o USING (customer_id)) AS c
  ON c.cohort = z.cohort AND c.period_start = s.period_start
GROUP BY z.cohort, s.period_start, z.cohort_size, p.months_per_period
ORDER BY z.cohort, k`,
)}`,
    );
    const curve = w.sql(
      "curve",
      `-- The average retention curve: over the cohorts that have reached period k, buyers / cohort size\nSELECT k, sum(active) / sum(cohort_size) AS share, count(*) AS cohorts\nFROM "${cohorts}"\nGROUP BY k\nORDER BY k`,
    );
    const period = ctx.params.text("period") as Period;
    const timeUnit = period === "year" ? "year" : period === "quarter" ? "yearquarter" : "yearmonth";
    w.chart("heatmap", cohorts, {
      title: {
        text: T.heatmapTitle,
        subtitle: T.heatmapSubtitle(period),
      },
      mark: "rect",
      encoding: {
        x: {
          field: "k",
          type: "ordinal",
          title: T.periodsSince(period),
        },
        y: { field: "cohort", type: "ordinal", timeUnit, title: T.cohort },
        color: {
          field: "share",
          type: "quantitative",
          title: T.shareBuying,
          scale: { scheme: "blues", domain: [0, 1] },
          legend: { format: ".0%" },
        },
        tooltip: [
          { field: "cohort", type: "temporal", timeUnit },
          { field: "k", type: "ordinal" },
          { field: "share", type: "quantitative", format: ".1%" },
          { field: "cohort_size", type: "quantitative" },
        ],
      },
    });
    w.chart("curve_chart", curve, {
      title: { text: T.curveTitle, subtitle: T.curveSubtitle },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "k", type: "quantitative", title: T.periodsSince(period) },
        y: {
          field: "share",
          type: "quantitative",
          title: T.shareBuying,
          axis: { format: ".0%" },
          scale: { domain: [0, 1] },
        },
      },
    });
    w.chart("chart", churn, {
      title: { text: T.churnTitle, subtitle: T.churnSubtitle(period) },
      transform: [
        { filter: "datum.at_start > 0" },
        { fold: ["churn_rate", "retention_rate"], as: ["measure", "value"] },
        labelCalculate("measure", { churn_rate: T.churnRate, retention_rate: T.retentionRate }, "rate"),
      ],
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "period_start", type: "temporal", timeUnit, title: null },
        y: { field: "value", type: "quantitative", title: T.rate, axis: { format: ".0%" } },
        color: { field: "rate", type: "nominal", title: null },
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
