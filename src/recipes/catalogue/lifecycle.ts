// Recipe 7, lifecycle stage: prospect / new / growing / mature / declining / dormant per customer, from
// tenure and the trend of spend (last period against the one before); counts and value per stage.
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import type { ParamSpec } from "../params";
import { LIFECYCLE_TEXT } from "../../messages/recipes/lifecycle";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, transactionsSlot } from "../transactions";

/** The stage names in display order, in the current locale. */
export function stageNames(): string[] {
  const s = LIFECYCLE_TEXT.stages;
  return [s.prospect, s.new, s.growing, s.mature, s.declining, s.dormant];
}

/** A whole number of months. */
function monthsParam(name: string, label: () => string, max: number): ParamSpec {
  return {
    name,
    type: "number",
    get label() {
      return label();
    },
    default: 6,
    min: 1,
    max,
    integer: true,
  };
}

/** Lifecycle stages from tenure and spend trend. */
export const lifecycle: Recipe = {
  id: "lifecycle",
  get title() {
    return LIFECYCLE_TEXT.title;
  },
  get question() {
    return LIFECYCLE_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot(), customersSlot(false, [])],
  params: [
    ANALYSIS_DATE,
    monthsParam("period_months", () => LIFECYCLE_TEXT.periodMonths, 60),
    monthsParam("new_months", () => LIFECYCLE_TEXT.newMonths, 120),
    {
      name: "change_pct",
      type: "number",
      get label() {
        return LIFECYCLE_TEXT.changePct;
      },
      default: 20,
      min: 0,
      max: 1000,
    },
  ],
  build(ctx) {
    const w = new CellWriter(lifecycle, ctx);
    const listed = !!ctx.tables.customers;
    const names = stageNames();
    const [prospect, fresh, growing, mature, declining, dormant] = names.map(sqlString);
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
  CASE WHEN e.first_purchase IS NULL THEN ${prospect}
       WHEN e.first_purchase > a.day - to_months(p.new_months) THEN ${fresh}
       WHEN e.last_period <= 0 AND e.previous_period <= 0 THEN ${dormant}
       WHEN e.last_period > e.previous_period * (1 + p.change_pct / 100) THEN ${growing}
       WHEN e.last_period < e.previous_period * (1 - p.change_pct / 100) THEN ${declining}
       ELSE ${mature} END AS stage
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
FROM (VALUES ${names.map((s, i) => `(${i + 1}, ${sqlString(s)})`).join(", ")}) AS k(stage_order, stage)
LEFT JOIN "${main}" AS c ON c.stage = k.stage
GROUP BY k.stage_order, k.stage
ORDER BY k.stage_order`,
    );
    w.chart("chart", stages, {
      title: { text: LIFECYCLE_TEXT.chart.title, subtitle: LIFECYCLE_TEXT.chart.subtitle },
      encoding: {
        x: { field: "stage", type: "nominal", sort: names, title: null, axis: { labelAngle: 0 } },
        y: { field: "customers", type: "quantitative", title: LIFECYCLE_TEXT.chart.customers },
      },
      layer: [
        { mark: "bar", encoding: { color: { field: "stage", type: "nominal", sort: names, legend: null } } },
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
