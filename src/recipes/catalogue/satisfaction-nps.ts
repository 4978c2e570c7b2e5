// Recipe 14, satisfaction and NPS: NPS (% promoters 9-10 minus % detractors 0-6) and the satisfaction
// distribution per segment, answers off the scale reported, small segments withheld; churn by satisfaction band.
import { scaleReversed } from "../../messages/recipes";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { NPS_TEXT as T } from "../../messages/recipes/satisfaction-nps";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte, roleCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { ANALYSIS_DATE, transactionCtes } from "../transactions";
import {
  SCALE_PARAMS,
  inputChecks,
  minAnswersParam,
  onScale,
  segmentNeeds,
  segmentParam,
  segmentSql,
  slotHas,
  sqlFormat,
  labelCalculate,
  surveySlot,
} from "./market-inputs";

const NPS_VALID = onScale("s.nps", "0", "10");

/** Net promoter score and satisfaction by segment, with churn by satisfaction band when orders are given. */
export const satisfactionNps: Recipe = {
  id: "satisfaction-nps",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "loyalty",
  inputs: [
    surveySlot([], ["satisfaction", "nps", "date"]),
    customersSlot(false, ["industry", "region", "size", "account_manager"]),
    {
      name: "transactions",
      kind: "transactions",
      required: false,
      roles: ["customer_id", "date", "amount"],
      optional: [],
    },
  ],
  params: [
    segmentParam("industry"),
    ...SCALE_PARAMS,
    minAnswersParam(10),
    ANALYSIS_DATE,
    {
      name: "churn_days",
      type: "number",
      get label() {
        return T.churnDays;
      },
      default: 180,
      min: 1,
      max: 3650,
      integer: true,
    },
  ],
  needs: (p): RoleNeed[] => [
    { slot: "survey", anyOf: ["satisfaction", "nps"], because: T.needsRating },
    ...segmentNeeds(p.text("segment_by")),
  ],
  validate: (p) => (p.number("scale_min") < p.number("scale_max") ? [] : [scaleReversed()]),
  build(ctx) {
    const w = new CellWriter(satisfactionNps, ctx);
    const by = ctx.params.text("segment_by");
    const sat = slotHas(ctx, "survey", "satisfaction");
    const nps = slotHas(ctx, "survey", "nps");
    const dated = slotHas(ctx, "survey", "date");
    const orders = !!ctx.tables.transactions;
    const params = paramsCte(satisfactionNps.params, ctx.params, [
      "scale_min",
      "scale_max",
      "min_answers",
      "analysis_date",
      "churn_days",
    ]);
    const survey = roleCte("sv_roles", "survey", ctx.tables.survey, ["customer_id", "satisfaction", "nps", "date"]);
    const cust = by === "none" ? [] : customerCtes(ctx, [by]);
    const satSql = sat
      ? `CASE WHEN ${onScale("s.satisfaction", "p.scale_min", "p.scale_max")} THEN s.satisfaction END`
      : "CAST(NULL AS DOUBLE)";
    const npsSql = nps ? `CASE WHEN ${NPS_VALID} THEN s.nps END` : "CAST(NULL AS DOUBLE)";
    const base = [
      params,
      survey,
      ...cust,
      {
        name: "answers",
        comment:
          "valid answers only: a rating off the scale (or not a whole number) is left out and counted in _checks",
        body: `SELECT s.customer_id, ${dated ? "s.date" : "CAST(NULL AS DATE) AS date"}, ${segmentSql(by)} AS segment,
  ${satSql} AS satisfaction,
  ${npsSql} AS nps
FROM sv_roles AS s CROSS JOIN params AS p${by === "none" ? "" : "\nLEFT JOIN cust AS c ON c.customer_id = s.customer_id"}
WHERE s.customer_id IS NOT NULL`,
      },
      {
        name: "responses",
        comment:
          "one recommendation per response (customer and survey date): a response answered on several rows counts once",
        body: `SELECT customer_id, date, segment, max(nps) AS nps FROM answers WHERE nps IS NOT NULL GROUP BY ALL`,
      },
    ];
    const all = sqlString(T.all);
    const checks = MARKET_TEXT.checks;
    const main = w.sql(
      undefined,
      `-- Satisfaction and NPS by ${by === "none" ? "all customers together" : by}, plus an "(all)" row. NPS = % promoters (9-10) - %
-- detractors (0-6), in points from -100 to 100, over responses (a customer's response counts once).
-- Satisfaction is on a scale_min..scale_max scale. A segment with fewer than min_answers answers
-- shows no percentage (a note says so) rather than a misleading one.
${withQuery(
  [
    ...base,
    {
      name: "nps_by_segment",
      body: `SELECT COALESCE(segment, ${all}) AS segment, count(*) AS nps_responses,
  count(*) FILTER (WHERE nps >= 9) AS promoters,
  count(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS passives,
  count(*) FILTER (WHERE nps <= 6) AS detractors
FROM responses
GROUP BY GROUPING SETS ((segment), ())`,
    },
    {
      name: "sat_by_segment",
      body: `SELECT COALESCE(segment, ${all}) AS segment, count(satisfaction) AS satisfaction_answers, avg(satisfaction) AS mean_raw
FROM answers
GROUP BY GROUPING SETS ((segment), ())`,
    },
  ],
  `SELECT segment,
  COALESCE(s.satisfaction_answers, 0) AS satisfaction_answers,
  CASE WHEN s.satisfaction_answers >= p.min_answers THEN s.mean_raw END AS mean_satisfaction,
  COALESCE(n.nps_responses, 0) AS nps_responses,
  CASE WHEN n.nps_responses >= p.min_answers THEN n.promoters / n.nps_responses END AS promoter_share,
  CASE WHEN n.nps_responses >= p.min_answers THEN n.passives / n.nps_responses END AS passive_share,
  CASE WHEN n.nps_responses >= p.min_answers THEN n.detractors / n.nps_responses END AS detractor_share,
  CASE WHEN n.nps_responses >= p.min_answers THEN 100.0 * (n.promoters - n.detractors) / n.nps_responses END AS nps,
  concat_ws('; ',
    CASE WHEN ${sat ? "TRUE" : "FALSE"} AND COALESCE(s.satisfaction_answers, 0) < p.min_answers THEN ${sqlFormat(T.satisfactionTooFew, "COALESCE(s.satisfaction_answers, 0)", "p.min_answers")} END,
    CASE WHEN ${nps ? "TRUE" : "FALSE"} AND COALESCE(n.nps_responses, 0) < p.min_answers THEN ${sqlFormat(T.npsTooFew, "COALESCE(n.nps_responses, 0)", "p.min_answers")} END) AS note
FROM sat_by_segment AS s FULL OUTER JOIN nps_by_segment AS n USING (segment) CROSS JOIN params AS p
ORDER BY segment = ${all}, segment`,
)}`,
    );
    if (sat) {
      w.sql(
        "distribution",
        `-- Satisfaction distribution: the share of answers at each point of the scale, per segment
-- (segments with fewer than min_answers answers show counts only).
${withQuery(
  [
    ...base,
    {
      name: "levels",
      body: "SELECT CAST(generate_series AS DOUBLE) AS level FROM params AS p, generate_series(p.scale_min, p.scale_max)",
    },
    { name: "segments", body: "SELECT DISTINCT segment FROM answers WHERE satisfaction IS NOT NULL" },
  ],
  `SELECT g.segment, l.level, count(a.satisfaction) AS answers,
  CASE WHEN sum(count(a.satisfaction)) OVER (PARTITION BY g.segment) >= any_value(p.min_answers)
    THEN count(a.satisfaction) / sum(count(a.satisfaction)) OVER (PARTITION BY g.segment) END AS share
FROM segments AS g CROSS JOIN levels AS l CROSS JOIN params AS p
LEFT JOIN answers AS a ON a.segment = g.segment AND a.satisfaction = l.level
GROUP BY g.segment, l.level
ORDER BY g.segment, l.level`,
)}`,
      );
    }
    if (sat && orders) {
      w.sql(
        "churn",
        `-- Churn rate by satisfaction band: a customer's band is from their mean satisfaction (low below the
-- scale's midpoint - 0.5, high above midpoint + 0.5, else neutral); churned = no purchase in the last
-- churn_days days before the analysis date. Only surveyed customers with a purchase count.
${withQuery(
  [
    ...base,
    ...transactionCtes(ctx),
    {
      name: "buyers",
      body: "SELECT customer_id, max(date) AS last_purchase FROM tx WHERE amount > 0 GROUP BY customer_id",
    },
    {
      name: "banded",
      body: `SELECT a.customer_id, avg(a.satisfaction) AS mean_satisfaction,
  CASE WHEN avg(a.satisfaction) < (any_value(p.scale_min) + any_value(p.scale_max)) / 2.0 - 0.5 THEN ${sqlString(`1 ${T.bands.low}`)}
       WHEN avg(a.satisfaction) > (any_value(p.scale_min) + any_value(p.scale_max)) / 2.0 + 0.5 THEN ${sqlString(`3 ${T.bands.high}`)}
       ELSE ${sqlString(`2 ${T.bands.neutral}`)} END AS band
FROM answers AS a CROSS JOIN params AS p
WHERE a.satisfaction IS NOT NULL
GROUP BY a.customer_id`,
    },
  ],
  `SELECT substr(b.band, 3) AS band, count(*) AS customers,
  count(*) FILTER (WHERE u.last_purchase <= o.day - p.churn_days) AS churned,
  CASE WHEN count(*) >= any_value(p.min_answers) THEN count(*) FILTER (WHERE u.last_purchase <= o.day - p.churn_days) / count(*) END AS churn_rate,
  CASE WHEN count(*) < any_value(p.min_answers) THEN ${sqlFormat(T.customersTooFew, "count(*)", "any_value(p.min_answers)")} END AS note
FROM banded AS b JOIN buyers AS u USING (customer_id) CROSS JOIN as_of AS o CROSS JOIN params AS p
GROUP BY b.band
ORDER BY b.band`,
)}`,
      );
    }
    w.chart("chart", main, {
      title: {
        text: T.chartTitle,
        subtitle: T.chartSubtitle,
      },
      transform: [
        { filter: "datum.nps != null" },
        { fold: ["detractor_share", "passive_share", "promoter_share"], as: ["share_of", "share"] },
        { calculate: "indexof(['detractor_share', 'passive_share', 'promoter_share'], datum.share_of)", as: "order" },
        labelCalculate("share_of", T.groups, "group"),
      ],
      mark: "bar",
      encoding: {
        y: { field: "segment", type: "nominal", title: null, sort: { field: "nps", order: "descending" } },
        x: {
          field: "share",
          type: "quantitative",
          stack: "normalize",
          title: T.shareOfResponses,
          axis: { format: ".0%" },
        },
        color: {
          field: "group",
          type: "nominal",
          title: null,
          scale: {
            domain: [T.groups.detractor_share, T.groups.passive_share, T.groups.promoter_share],
            range: ["#d62728", "#bdbdbd", "#2ca02c"],
          },
        },
        order: { field: "order", type: "quantitative" },
        tooltip: [
          { field: "segment", type: "nominal" },
          { field: "nps", type: "quantitative", format: ".1f", title: T.nps },
          { field: "nps_responses", type: "quantitative" },
        ],
      },
    });
    w.sql(
      "checks",
      `-- Survey rows used and rows left out (or partly left out), by reason
${inputChecks([params, survey], "sv_roles AS s, params AS p", [
  [checks.noCustomer, "s.customer_id IS NULL"],
  ...(sat
    ? [
        [
          checks.satisfactionOutOfScale,
          `s.satisfaction IS NOT NULL AND NOT ${onScale("s.satisfaction", "p.scale_min", "p.scale_max")}`,
        ] as const,
      ]
    : []),
  ...(nps ? [[checks.npsOutOfScale, `s.nps IS NOT NULL AND NOT ${NPS_VALID}`] as const] : []),
  [checks.noAnswer, `${sat ? "s.satisfaction IS NULL" : "TRUE"} AND ${nps ? "s.nps IS NULL" : "TRUE"}`],
])}`,
    );
    return w.cells;
  },
};
