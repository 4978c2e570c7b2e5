// Recipe 15, importance vs performance (IPA): mean importance and mean satisfaction per attribute, each
// attribute placed in one of four quadrants split at the grand means; a labelled scatter with the cross.
import { scaleReversed } from "../../messages/recipes";
import { IPA_TEXT as T } from "../../messages/recipes/importance-performance";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { CellWriter } from "../cells";
import { paramsCte, roleCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { SCALE_PARAMS, inputChecks, minAnswersParam, onScale, sqlFormat, surveySlot } from "./market-inputs";

/** Importance-performance analysis of survey attributes. */
export const importancePerformance: Recipe = {
  id: "importance-performance",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "needs",
  inputs: [surveySlot(["attribute", "importance", "satisfaction"], ["date"])],
  params: [...SCALE_PARAMS, minAnswersParam(5)],
  validate: (p) => (p.number("scale_min") < p.number("scale_max") ? [] : [scaleReversed()]),
  build(ctx) {
    const w = new CellWriter(importancePerformance, ctx);
    const params = paramsCte(importancePerformance.params, ctx.params, ["scale_min", "scale_max", "min_answers"]);
    const survey = roleCte("sv_roles", "survey", ctx.tables.survey, [
      "customer_id",
      "attribute",
      "importance",
      "satisfaction",
    ]);
    const q = T.quadrants;
    const lit = {
      concentrate: sqlString(q.concentrate),
      keep: sqlString(q.keep),
      low: sqlString(q.low),
      overkill: sqlString(q.overkill),
    };
    const checks = MARKET_TEXT.checks;
    const main = w.sql(
      undefined,
      `-- Importance vs performance: per attribute, the mean importance and mean satisfaction of the answers that
-- rate both on the scale. The cross is at the grand means: the mean of the attribute means (each attribute
-- weighs the same), over attributes with at least min_answers answers. At or above a mean counts as high.
--   high importance, low satisfaction  -> ${q.concentrate}
--   high importance, high satisfaction -> ${q.keep}
--   low importance,  low satisfaction  -> ${q.low}
--   low importance,  high satisfaction -> ${q.overkill}
${withQuery(
  [
    params,
    survey,
    {
      name: "answers",
      comment: "answers rating both importance and satisfaction on the scale (others are counted in _checks)",
      body: `SELECT trim(s.attribute) AS attribute, s.importance, s.satisfaction
FROM sv_roles AS s, params AS p
WHERE s.customer_id IS NOT NULL AND NULLIF(trim(s.attribute), '') IS NOT NULL
  AND ${onScale("s.importance", "p.scale_min", "p.scale_max")} AND ${onScale("s.satisfaction", "p.scale_min", "p.scale_max")}`,
    },
    {
      name: "per_attribute",
      // Means over DECIMAL: DOUBLE sums depend on how threads split the rows, so reruns could differ in the last bits.
      body: `SELECT attribute, count(*) AS answers, avg(importance::DECIMAL(18, 6)) AS mean_importance,
  avg(satisfaction::DECIMAL(18, 6)) AS mean_satisfaction,
  count(*) >= any_value(p.min_answers) AS reported
FROM answers, params AS p
GROUP BY attribute`,
    },
    {
      name: "grand",
      // Summed in a fixed order: the attribute rows arrive in any order from a parallel GROUP BY.
      body: `SELECT avg(mean_importance ORDER BY attribute) AS grand_importance,
  avg(mean_satisfaction ORDER BY attribute) AS grand_satisfaction
FROM per_attribute WHERE reported`,
    },
  ],
  `SELECT a.attribute, a.answers, a.mean_importance, a.mean_satisfaction,
  a.mean_importance - a.mean_satisfaction AS gap,
  g.grand_importance, g.grand_satisfaction,
  CASE WHEN NOT a.reported THEN ${sqlFormat(T.tooFew, "a.answers", "p.min_answers")}
       WHEN a.mean_importance >= g.grand_importance AND a.mean_satisfaction < g.grand_satisfaction THEN ${lit.concentrate}
       WHEN a.mean_importance >= g.grand_importance THEN ${lit.keep}
       WHEN a.mean_satisfaction < g.grand_satisfaction THEN ${lit.low}
       ELSE ${lit.overkill} END AS quadrant
FROM per_attribute AS a CROSS JOIN grand AS g CROSS JOIN params AS p
ORDER BY a.reported DESC, gap DESC, a.attribute`,
)}`,
    );
    const placed = w.sql(
      "placed",
      `-- The attributes placed in a quadrant, for the chart\nSELECT * FROM "${main}" WHERE quadrant IN (${Object.values(lit).join(", ")})`,
    );
    const x = {
      field: "mean_satisfaction",
      type: "quantitative",
      title: T.meanSatisfaction,
      scale: { zero: false },
    };
    const y = { field: "mean_importance", type: "quantitative", title: T.meanImportance, scale: { zero: false } };
    w.chart("chart", placed, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      layer: [
        {
          mark: { type: "point", filled: true, size: 80 },
          encoding: {
            x,
            y,
            color: {
              field: "quadrant",
              type: "nominal",
              title: T.quadrant,
              scale: {
                domain: [q.concentrate, q.keep, q.low, q.overkill],
                range: ["#d62728", "#2ca02c", "#9e9e9e", "#1f77b4"],
              },
            },
            tooltip: [
              { field: "attribute", type: "nominal" },
              { field: "answers", type: "quantitative" },
              { field: "gap", type: "quantitative", format: ".2f" },
            ],
          },
        },
        {
          mark: { type: "text", align: "left", dx: 7, fontSize: 11 },
          encoding: { x, y, text: { field: "attribute", type: "nominal" } },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4], color: "gray" },
          encoding: { x: { aggregate: "min", field: "grand_satisfaction", type: "quantitative" } },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4], color: "gray" },
          encoding: { y: { aggregate: "min", field: "grand_importance", type: "quantitative" } },
        },
      ],
    });
    w.sql(
      "checks",
      `-- Survey rows used and rows left out, by reason
${inputChecks([params, survey], "sv_roles AS s, params AS p", [
  [checks.noCustomer, "s.customer_id IS NULL"],
  [checks.noAttribute, "NULLIF(trim(s.attribute), '') IS NULL"],
  [checks.noAnswer, "s.importance IS NULL OR s.satisfaction IS NULL"],
  [checks.importanceOutOfScale, `NOT ${onScale("s.importance", "p.scale_min", "p.scale_max")}`],
  [checks.satisfactionOutOfScale, `NOT ${onScale("s.satisfaction", "p.scale_min", "p.scale_max")}`],
])}`,
    );
    return w.cells;
  },
};
