// Recipe 7, lifecycle stage: prospect / new / growing / mature / declining / dormant per customer, from
// tenure and the trend of spend (last period against the one before); counts and value per stage.
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { withQuery } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, transactionsSlot } from "../transactions";

/** The stages in display order. */
export const STAGES = ["prospect", "new", "growing", "mature", "declining", "dormant"] as const;

/** Lifecycle stages from tenure and spend trend. */
export const lifecycle: Recipe = {
  id: "lifecycle",
  title: "Lifecycle stage",
  question: "Which customers are new, growing, mature, declining or gone quiet?",
  family: "segmentation",
  inputs: [transactionsSlot(), customersSlot(false, [])],
  params: [
    ANALYSIS_DATE,
    {
      name: "period_months",
      type: "number",
      label: "Period for the spend trend (months)",
      default: 6,
      min: 1,
      max: 60,
      integer: true,
    },
    {
      name: "new_months",
      type: "number",
      label: "New: first purchase within (months)",
      default: 6,
      min: 1,
      max: 120,
      integer: true,
    },
    {
      name: "change_pct",
      type: "number",
      label: "Growing / declining: spend change beyond (%)",
      default: 20,
      min: 0,
      max: 1000,
    },
  ],
  build(ctx) {
    const w = new CellWriter(lifecycle, ctx);
    const listed = !!ctx.tables.customers;
    const params = paramsCte(lifecycle.params, ctx.params, [
      "analysis_date",
      "period_months",
      "new_months",
      "change_pct",
    ]);
    const main = w.sql(
      undefined,
      `-- Lifecycle stage, first rule that holds: prospect = ${listed ? "listed in the customers table, never bought" : "(needs a customers table)"};
-- new = first purchase within new_months before the analysis date; dormant = no spend in the last two
-- periods; growing = last period's spend above the one before by more than change_pct %; declining =
-- below it by more than change_pct % (a customer with spend before and none now is declining); else mature.
-- Periods are period_months long, counted back from the analysis date: last = (day - period, day].
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...(listed ? customerCtes(ctx, []) : []),
    {
      name: "per_customer",
      body: `SELECT customer_id,
  min(date) FILTER (WHERE amount > 0) AS first_purchase,
  COALESCE(sum(amount) FILTER (WHERE date > a.day - to_months(p.period_months)), 0) AS last_period,
  COALESCE(sum(amount) FILTER (WHERE date <= a.day - to_months(p.period_months)
    AND date > a.day - to_months(2 * p.period_months)), 0) AS previous_period,
  sum(amount) AS revenue
FROM tx, params AS p, as_of AS a
GROUP BY customer_id`,
    },
    {
      name: "everyone",
      body: listed
        ? "SELECT COALESCE(c.customer_id, v.customer_id) AS customer_id, v.first_purchase, COALESCE(v.last_period, 0) AS last_period,\n  COALESCE(v.previous_period, 0) AS previous_period, COALESCE(v.revenue, 0) AS revenue\nFROM cust AS c FULL OUTER JOIN per_customer AS v ON v.customer_id = c.customer_id"
        : "SELECT * FROM per_customer",
    },
  ],
  `SELECT e.*,
  datediff('day', e.first_purchase, a.day) AS tenure_days,
  (e.last_period - e.previous_period) / NULLIF(e.previous_period, 0) AS spend_change,
  CASE WHEN e.first_purchase IS NULL THEN 'prospect'
       WHEN e.first_purchase > a.day - to_months(p.new_months) THEN 'new'
       WHEN e.last_period <= 0 AND e.previous_period <= 0 THEN 'dormant'
       WHEN e.last_period > e.previous_period * (1 + p.change_pct / 100) THEN 'growing'
       WHEN e.last_period < e.previous_period * (1 - p.change_pct / 100) THEN 'declining'
       ELSE 'mature' END AS stage
FROM everyone AS e, params AS p, as_of AS a
ORDER BY e.customer_id`,
)}`,
    );
    const stages = w.sql(
      "stages",
      `-- Customers and value per stage (every stage present)
SELECT k.stage,
  count(c.customer_id) AS customers,
  count(c.customer_id) / NULLIF(sum(count(c.customer_id)) OVER (), 0) AS customer_share,
  COALESCE(sum(c.last_period), 0) AS last_period_revenue,
  COALESCE(sum(c.previous_period), 0) AS previous_period_revenue,
  COALESCE(sum(c.revenue), 0) AS revenue
FROM (VALUES ${STAGES.map((s, i) => `(${i + 1}, '${s}')`).join(", ")}) AS k(stage_order, stage)
LEFT JOIN "${main}" AS c ON c.stage = k.stage
GROUP BY k.stage_order, k.stage
ORDER BY k.stage_order`,
    );
    w.chart("chart", stages, {
      title: { text: "Customer lifecycle", subtitle: "Customers per stage; label: revenue in the last period" },
      encoding: {
        x: { field: "stage", type: "nominal", sort: [...STAGES], title: null, axis: { labelAngle: 0 } },
        y: { field: "customers", type: "quantitative", title: "Customers" },
      },
      layer: [
        { mark: "bar", encoding: { color: { field: "stage", type: "nominal", sort: [...STAGES], legend: null } } },
        {
          mark: { type: "text", baseline: "bottom", dy: -3 },
          encoding: { text: { field: "last_period_revenue", type: "quantitative", format: ",.0f" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
