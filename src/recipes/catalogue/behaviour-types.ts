// Recipe 2, behaviour types: loyal (bought in at least k of the last n periods), drifting (bought in the
// window, but in fewer periods), lapsed (bought only before the window) and potential (listed, never bought).
import { mustNotExceed } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { worded } from "../params";
import { BEHAVIOUR_TYPES_TEXT } from "../../messages/recipes/behaviour-types";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  checksQuery,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

/** The type names in display order, in the current locale. */
export function behaviourTypeNames(): string[] {
  const t = BEHAVIOUR_TYPES_TEXT.types;
  return [t.loyal, t.drifting, t.lapsed, t.potential];
}

const MONTHS_PER: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/** Loyal / drifting / lapsed / potential customers by how regularly they bought in the last n periods. */
export const behaviourTypes: Recipe = {
  id: "behaviour-types",
  get title() {
    return BEHAVIOUR_TYPES_TEXT.title;
  },
  get question() {
    return BEHAVIOUR_TYPES_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot(), customersSlot(false, [])],
  params: [
    ANALYSIS_DATE,
    {
      name: "period",
      type: "choice",
      get label() {
        return BEHAVIOUR_TYPES_TEXT.period.label;
      },
      default: "quarter",
      get options() {
        const t = BEHAVIOUR_TYPES_TEXT.period;
        return [
          { value: "month", label: t.month },
          { value: "quarter", label: t.quarter },
          { value: "year", label: t.year },
        ];
      },
    },
    worded({ name: "n", type: "number", default: 4, min: 1, max: 120, integer: true }, () => ({
      label: BEHAVIOUR_TYPES_TEXT.n,
    })),
    worded({ name: "k", type: "number", default: 3, min: 1, max: 120, integer: true }, () => ({
      label: BEHAVIOUR_TYPES_TEXT.k,
    })),
  ],
  validate: (p) =>
    p.number("k") <= p.number("n") ? [] : [mustNotExceed(BEHAVIOUR_TYPES_TEXT.kShort, BEHAVIOUR_TYPES_TEXT.nShort)],
  build(ctx) {
    const w = new CellWriter(behaviourTypes, ctx);
    const features = txFeatures(ctx);
    const listed = !!ctx.tables.customers;
    const names = behaviourTypeNames();
    const [loyal, drifting, lapsed, potential] = names.map(sqlString);
    const params = paramsCte(
      behaviourTypes.params,
      ctx.params,
      ["analysis_date", "period", "n", "k"],
      [
        {
          name: "months_per_period",
          sql: String(MONTHS_PER[ctx.params.text("period")]),
          comment: "months in one period",
        },
      ],
    );
    const main = w.sql(
      undefined,
      `-- Behaviour types. The window is the last n calendar periods up to and including the one holding the
-- analysis date. loyal: purchases in at least k of those periods; drifting: purchases in the window but
-- in fewer than k periods; lapsed: purchases only before the window; potential: ${listed ? "in the customers table, never bought" : "needs a customers table (none given)"}.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...(listed ? customerCtes(ctx, []) : []),
    {
      name: "window_start",
      body: "SELECT date_trunc(p.period, a.day) - to_months((p.n - 1) * p.months_per_period) AS day FROM params AS p, as_of AS a",
    },
    {
      name: "per_customer",
      body: `SELECT customer_id,
  count(DISTINCT date_trunc(p.period, date)) FILTER (WHERE amount > 0 AND date >= s.day) AS active_periods,
  count(*) FILTER (WHERE amount > 0) AS purchases,
  COALESCE(sum(amount) FILTER (WHERE date >= s.day), 0) AS window_revenue,
  sum(amount) AS revenue,${features.margin ? "\n  sum(margin) AS margin," : ""}
  max(date) FILTER (WHERE amount > 0) AS last_purchase
FROM tx, params AS p, window_start AS s
GROUP BY customer_id`,
    },
    {
      name: "everyone",
      body: listed
        ? `SELECT COALESCE(c.customer_id, v.customer_id) AS customer_id, COALESCE(v.active_periods, 0) AS active_periods,
  COALESCE(v.purchases, 0) AS purchases, COALESCE(v.window_revenue, 0) AS window_revenue, COALESCE(v.revenue, 0) AS revenue, v.last_purchase
FROM cust AS c FULL OUTER JOIN per_customer AS v ON v.customer_id = c.customer_id`
        : "SELECT customer_id, active_periods, purchases, window_revenue, revenue, last_purchase FROM per_customer",
    },
  ],
  `SELECT e.*,
  CASE WHEN e.active_periods >= p.k THEN ${loyal}
       WHEN e.active_periods > 0 THEN ${drifting}
       WHEN e.purchases > 0 THEN ${lapsed}
       ELSE ${potential} END AS type
FROM everyone AS e, params AS p
ORDER BY e.active_periods DESC, e.window_revenue DESC, e.customer_id`,
)}`,
    );
    const types = w.sql(
      "types",
      `-- Customers and value per behaviour type (every type present)
SELECT k.type,
  count(c.customer_id) AS customers,
  count(c.customer_id) / NULLIF(sum(count(c.customer_id)) OVER (), 0) AS customer_share,
  COALESCE(sum(c.window_revenue), 0) AS window_revenue,
  sum(c.window_revenue) / NULLIF(sum(sum(c.window_revenue)) OVER (), 0) AS window_revenue_share,
  COALESCE(sum(c.revenue), 0) AS revenue
FROM (VALUES ${names.map((t, i) => `(${i + 1}, ${sqlString(t)})`).join(", ")}) AS k(type_order, type)
LEFT JOIN "${main}" AS c ON c.type = k.type
GROUP BY k.type_order, k.type
ORDER BY k.type_order`,
    );
    w.chart("chart", types, {
      title: { text: BEHAVIOUR_TYPES_TEXT.chart.title, subtitle: BEHAVIOUR_TYPES_TEXT.chart.subtitle },
      encoding: {
        y: { field: "type", type: "nominal", sort: names, title: null },
        x: { field: "customers", type: "quantitative", title: BEHAVIOUR_TYPES_TEXT.chart.customers },
      },
      layer: [
        {
          mark: "bar",
          encoding: { color: { field: "type", type: "nominal", sort: names, legend: null } },
        },
        {
          mark: { type: "text", align: "left", dx: 3 },
          encoding: { text: { field: "window_revenue_share", type: "quantitative", format: ".0%" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
