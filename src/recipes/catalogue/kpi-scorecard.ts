// Recipe 25, KPI scorecard: sales, sales growth, customer growth, retention, satisfaction and NPS of the last
// period against targets, each with its gap and a status; a bar chart of target attainment.
import { scaleReversed } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { paramsCte, roleCte } from "../mapping";
import type { Recipe } from "../recipe";
import { withQuery } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, transactionsSlot } from "../transactions";
import { SCALE_PARAMS, onScale, slotHas, surveySlot } from "./market-inputs";

const target = (name: string, label: string, def: number | null, min: number, max: number) => ({
  name,
  type: "number" as const,
  label,
  default: def,
  min,
  max,
  ...(def === null ? { auto: "the previous period's sales (no decline)" } : {}),
});

/** Key performance indicators of the last period against targets. */
export const kpiScorecard: Recipe = {
  id: "kpi-scorecard",
  title: "KPI scorecard",
  question: "Are sales, customer growth, retention and satisfaction where we wanted them?",
  family: "key accounts",
  inputs: [transactionsSlot(["order_id"]), surveySlot([], ["satisfaction", "nps", "date"], false)],
  params: [
    ANALYSIS_DATE,
    {
      name: "months",
      type: "number",
      label: "Period (months): the last period against the one before",
      default: 12,
      min: 1,
      max: 120,
      integer: true,
    },
    target("target_sales", "Target: sales in the period", null, 0, 1e15),
    target("target_sales_growth", "Target: sales growth (0.05 = +5 %)", 0.05, -1, 100),
    target("target_customer_growth", "Target: growth of active customers", 0.05, -1, 100),
    target("target_retention", "Target: retention (share of last period's buyers buying again)", 0.8, 0, 1),
    target("target_satisfaction", "Target: mean satisfaction", 4, 0, 100),
    target("target_nps", "Target: NPS (points, -100 to 100)", 30, -100, 100),
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
    const kpi = (ord: number, name: string, unit: string, actual: string, tgt: string) =>
      `SELECT ${ord} AS ord, '${name}' AS kpi, '${unit}' AS unit, ${actual} AS actual, ${tgt} AS target`;
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
          kpi(1, "Sales", "money", "k.sales", "COALESCE(p.target_sales, k.sales_before)"),
          kpi(2, "Sales growth", "share", "k.sales / NULLIF(k.sales_before, 0) - 1", "p.target_sales_growth"),
          kpi(3, "Customer growth", "share", "k.active / NULLIF(k.active_before, 0) - 1", "p.target_customer_growth"),
          kpi(4, "Retention", "share", "r.customers / NULLIF(k.active_before, 0)", "p.target_retention"),
          ...(sat ? [kpi(5, "Satisfaction", "score", "v.satisfaction", "p.target_satisfaction")] : []),
          ...(nps ? [kpi(6, "NPS", "points", "v.nps", "p.target_nps")] : []),
        ].join(`\nFROM periods AS k, retained AS r${survey ? ", voice AS v" : ""}, params AS p\nUNION ALL\n`) +
        `\nFROM periods AS k, retained AS r${survey ? ", voice AS v" : ""}, params AS p`,
    },
  ],
  `SELECT kpi, unit, actual, target, actual - target AS gap,
  CASE WHEN target > 0 THEN actual / target END AS attainment,
  CASE WHEN actual IS NULL THEN 'no data' WHEN target IS NULL THEN 'no target' WHEN actual >= target THEN 'on target' ELSE 'below target' END AS status
FROM kpis
ORDER BY ord`,
)}`,
    );
    w.chart("chart", main, {
      title: { text: "KPI scorecard", subtitle: "Actual / target (the line is 100 %); negative actuals show as 0" },
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
              title: "Attainment of target",
              axis: { format: ".0%" },
              scale: { domain: [0, 2] },
            },
            color: {
              field: "status",
              type: "nominal",
              title: null,
              scale: { domain: ["on target", "below target"], range: ["#2ca02c", "#d62728"] },
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
