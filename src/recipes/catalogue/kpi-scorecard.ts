// Recipe 25, KPI scorecard: sales, sales growth, customer growth, retention, satisfaction and NPS of the last
// period against targets, each with its gap and a status; a bar chart of target attainment.
import { scaleReversed } from "../../messages/recipes";
import { KPI_TEXT as T } from "../../messages/recipes/kpi-scorecard";
import { CellWriter } from "../cells";
import { paramsCte, roleCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, transactionsSlot } from "../transactions";
import { SCALE_PARAMS, onScale, slotHas, surveySlot } from "./market-inputs";

type Label = { [K in keyof typeof T]: (typeof T)[K] extends string ? K : never }[keyof typeof T];
const target = (name: string, label: Label, def: number | null, min: number, max: number) => ({
  name,
  type: "number" as const,
  get label() {
    return T[label];
  },
  default: def,
  min,
  max,
  ...(def === null
    ? {
        get auto() {
          return T.targetSalesAuto;
        },
      }
    : {}),
});

/** Key performance indicators of the last period against targets. */
export const kpiScorecard: Recipe = {
  id: "kpi-scorecard",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "key accounts",
  inputs: [transactionsSlot(["order_id"]), surveySlot([], ["satisfaction", "nps", "date"], false)],
  params: [
    ANALYSIS_DATE,
    {
      name: "months",
      type: "number",
      get label() {
        return T.months;
      },
      default: 12,
      min: 1,
      max: 120,
      integer: true,
    },
    target("target_sales", "targetSales", null, 0, 1e15),
    target("target_sales_growth", "targetSalesGrowth", 0.05, -1, 100),
    target("target_customer_growth", "targetCustomerGrowth", 0.05, -1, 100),
    target("target_retention", "targetRetention", 0.8, 0, 1),
    target("target_satisfaction", "targetSatisfaction", 4, 0, 100),
    target("target_nps", "targetNps", 30, -100, 100),
    ...SCALE_PARAMS,
  ],
  validate: (p) => (p.number("scale_min") < p.number("scale_max") ? [] : [scaleReversed()]),
  build(ctx) {
    const w = new CellWriter(kpiScorecard, ctx);
    const survey = !!ctx.tables.survey;
    const sat = survey && slotHas(ctx, "survey", "satisfaction");
    const nps = survey && slotHas(ctx, "survey", "nps");
    const dated = survey && slotHas(ctx, "survey", "date");
    const names = [
      "analysis_date",
      "months",
      "target_sales",
      "target_sales_growth",
      "target_customer_growth",
      "target_retention",
      "target_satisfaction",
      "target_nps",
      "scale_min",
      "scale_max",
    ];
    const params = paramsCte(kpiScorecard.params, ctx.params, names);
    const inPeriod = "s.date IS NULL OR (s.date > a.day - to_months(p.months) AND s.date <= a.day)";
    const kpi = (ord: number, name: keyof typeof T.kpis, unit: keyof typeof T.units, actual: string, tgt: string) =>
      `SELECT ${ord} AS ord, ${sqlString(T.kpis[name])} AS kpi, ${sqlString(T.units[unit])} AS unit, ${actual} AS actual, ${tgt} AS target`;
    const status = T.status;
    const main = w.sql(
      undefined,
      `-- KPI scorecard for the last \`months\` months up to the analysis date, against the period before.
-- sales = net revenue; growth = this period / the previous - 1; active customers = customers with a purchase;
-- retention = share of the previous period's buyers who bought again this period.${
        survey
          ? `
-- Satisfaction and NPS from the survey answers${dated ? " dated within the period" : ""} (answers off the scale left out).`
          : ""
      }
-- status: on target when actual >= target; attainment = actual / target (for positive targets).
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...(survey
      ? [roleCte("sv_roles", "survey", ctx.tables.survey, ["customer_id", "satisfaction", "nps", "date"])]
      : []),
    {
      name: "periods",
      body: `SELECT
  sum(t.amount) FILTER (WHERE t.date > a.day - to_months(p.months)) AS sales,
  sum(t.amount) FILTER (WHERE t.date <= a.day - to_months(p.months) AND t.date > a.day - to_months(2 * p.months)) AS sales_before,
  count(DISTINCT t.customer_id) FILTER (WHERE t.amount > 0 AND t.date > a.day - to_months(p.months)) AS active,
  count(DISTINCT t.customer_id) FILTER (WHERE t.amount > 0 AND t.date <= a.day - to_months(p.months) AND t.date > a.day - to_months(2 * p.months)) AS active_before
FROM tx AS t, params AS p, as_of AS a`,
    },
    {
      name: "retained",
      body: `SELECT count(*) AS customers FROM (
  SELECT t.customer_id FROM tx AS t, params AS p, as_of AS a
  WHERE t.amount > 0 AND t.date <= a.day - to_months(p.months) AND t.date > a.day - to_months(2 * p.months)
  INTERSECT
  SELECT t.customer_id FROM tx AS t, params AS p, as_of AS a WHERE t.amount > 0 AND t.date > a.day - to_months(p.months)
)`,
    },
    ...(survey
      ? [
          {
            name: "voice",
            body: `SELECT ${sat ? `avg(s.satisfaction) FILTER (WHERE ${onScale("s.satisfaction", "p.scale_min", "p.scale_max")})` : "CAST(NULL AS DOUBLE)"} AS satisfaction,
  ${
    nps
      ? `100.0 * (count(DISTINCT (s.customer_id, s.date)) FILTER (WHERE s.nps >= 9 AND ${onScale("s.nps", "0", "10")}) - count(DISTINCT (s.customer_id, s.date)) FILTER (WHERE s.nps <= 6 AND ${onScale("s.nps", "0", "10")}))
    / NULLIF(count(DISTINCT (s.customer_id, s.date)) FILTER (WHERE ${onScale("s.nps", "0", "10")}), 0)`
      : "CAST(NULL AS DOUBLE)"
  } AS nps
FROM (SELECT customer_id, ${dated ? "date" : "CAST(NULL AS DATE) AS date"}, ${sat ? "satisfaction" : "NULL AS satisfaction"}, ${nps ? "nps" : "NULL AS nps"} FROM sv_roles) AS s, params AS p, as_of AS a
WHERE s.customer_id IS NOT NULL AND (${inPeriod})`,
          },
        ]
      : []),
    {
      name: "kpis",
      body:
        [
          kpi(1, "sales", "money", "k.sales", "COALESCE(p.target_sales, k.sales_before)"),
          kpi(2, "salesGrowth", "share", "k.sales / NULLIF(k.sales_before, 0) - 1", "p.target_sales_growth"),
          kpi(3, "customerGrowth", "share", "k.active / NULLIF(k.active_before, 0) - 1", "p.target_customer_growth"),
          kpi(4, "retention", "share", "r.customers / NULLIF(k.active_before, 0)", "p.target_retention"),
          ...(sat ? [kpi(5, "satisfaction", "score", "v.satisfaction", "p.target_satisfaction")] : []),
          ...(nps ? [kpi(6, "nps", "points", "v.nps", "p.target_nps")] : []),
        ].join(`\nFROM periods AS k, retained AS r${survey ? ", voice AS v" : ""}, params AS p\nUNION ALL\n`) +
        `\nFROM periods AS k, retained AS r${survey ? ", voice AS v" : ""}, params AS p`,
    },
  ],
  `SELECT kpi, unit, actual, target, actual - target AS gap,
  CASE WHEN target > 0 THEN actual / target END AS attainment,
  CASE WHEN actual IS NULL THEN ${sqlString(status.noData)} WHEN target IS NULL THEN ${sqlString(status.noTarget)}
    WHEN actual >= target THEN ${sqlString(status.onTarget)} ELSE ${sqlString(status.belowTarget)} END AS status
FROM kpis
ORDER BY ord`,
)}`,
    );
    w.chart("chart", main, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      layer: [
        {
          transform: [
            { filter: "datum.attainment != null" },
            { calculate: "min(max(datum.attainment, 0), 2)", as: "shown" },
          ],
          mark: "bar",
          encoding: {
            y: { field: "kpi", type: "nominal", title: null, sort: null },
            x: {
              field: "shown",
              type: "quantitative",
              title: T.attainment,
              axis: { format: ".0%" },
              scale: { domain: [0, 2] },
            },
            color: {
              field: "status",
              type: "nominal",
              title: null,
              scale: { domain: [status.onTarget, status.belowTarget], range: ["#2ca02c", "#d62728"] },
            },
            tooltip: [
              { field: "kpi", type: "nominal" },
              { field: "actual", type: "quantitative", format: ",.3~f" },
              { field: "target", type: "quantitative", format: ",.3~f" },
            ],
          },
        },
        { mark: { type: "rule", color: "black" }, encoding: { x: { datum: 1, type: "quantitative" } } },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
