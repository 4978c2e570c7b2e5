// Recipe 19, SWOT grid: strengths, weaknesses, opportunities and threats, entered as parameters or edited in
// the SQL (where an item may quote any other cell), plus evidence drawn from survey and deals; a 2 x 2 chart.
import { SWOT_TEXT as T } from "../../messages/recipes/swot";
import { CellWriter } from "../cells";
import { customersSlot } from "../customers";
import { paramsCte, roleCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery, type Cte } from "../sql";
import { dealCtes, noCompetitor, OUTCOME_PARAMS } from "./deal-inputs";
import { SCALE_PARAMS, onScale, segmentParam, slotHas } from "./market-inputs";

/** The quadrants (also the names of their parameters), whether each is helpful, and whether it is internal. */
const QUADRANTS = [
  ["strengths", true, true],
  ["weaknesses", false, true],
  ["opportunities", true, false],
  ["threats", false, false],
] as const;
type Quadrant = (typeof QUADRANTS)[number][0];
const items = (name: Quadrant) => ({
  name,
  type: "text" as const,
  get label() {
    return T.items(T.quadrants[name]);
  },
  default: "",
});

/** A SWOT grid per competitor from entered items and evidence in the data. */
export const swot: Recipe = {
  id: "swot",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "competitors",
  inputs: [
    {
      name: "survey",
      kind: "survey",
      required: false,
      roles: ["customer_id", "attribute", "importance", "satisfaction"],
      optional: [],
    },
    {
      name: "deals",
      kind: "deals",
      required: false,
      roles: ["deal_id", "stage"],
      optional: ["customer_id", "competitor", "our_price", "competitor_price"],
    },
    customersSlot(false, ["industry", "region", "size", "account_manager"]),
  ],
  params: [
    {
      name: "competitor",
      type: "text",
      get label() {
        return T.competitor;
      },
      default: "",
    },
    ...QUADRANTS.map(([q]) => items(q)),
    segmentParam("industry"),
    {
      name: "min_deals",
      type: "number",
      get label() {
        return T.minDeals;
      },
      default: 10,
      min: 1,
      max: 100000,
      integer: true,
    },
    ...SCALE_PARAMS,
    ...OUTCOME_PARAMS,
  ],
  build(ctx) {
    const w = new CellWriter(swot, ctx);
    const p = ctx.params;
    const by = ctx.tables.customers && ctx.tables.customers.roles[p.text("segment_by")] ? p.text("segment_by") : "none";
    const survey = !!ctx.tables.survey;
    const deals = !!ctx.tables.deals && slotHas(ctx, "deals", "competitor");
    const params = paramsCte(swot.params, ctx.params, [
      "competitor",
      "min_deals",
      "scale_min",
      "scale_max",
      "won",
      "lost",
    ]);
    const quadrant = (q: Quadrant) => sqlString(T.quadrants[q]);
    const text = (template: string) => sqlString(template);
    const entered = QUADRANTS.flatMap(([q], qi) =>
      p
        .text(q)
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((item, i) => `(${quadrant(q)}, ${qi * 100 + i + 1}, ${sqlString(item)})`),
    );
    const ctes: Cte[] = [params];
    const evidence: string[] = [];
    if (survey) {
      ctes.push(
        roleCte("sv_roles", "survey", ctx.tables.survey, ["customer_id", "attribute", "importance", "satisfaction"]),
        {
          name: "ipa",
          comment: "mean importance and satisfaction per attribute (valid answers), against the grand means",
          body: `SELECT *, avg(imp) OVER () AS grand_imp, avg(sat) OVER () AS grand_sat FROM (
  SELECT trim(s.attribute) AS attribute, avg(s.importance) AS imp, avg(s.satisfaction) AS sat
  FROM sv_roles AS s, params AS p
  WHERE NULLIF(trim(s.attribute), '') IS NOT NULL AND ${onScale("s.importance", "p.scale_min", "p.scale_max")} AND ${onScale("s.satisfaction", "p.scale_min", "p.scale_max")}
  GROUP BY 1
)`,
        },
      );
      evidence.push(
        `SELECT ${quadrant("strengths")}, 500 + row_number() OVER (ORDER BY sat DESC), format(${text(T.strengthEvidence)}, attribute, sat, imp) FROM ipa WHERE imp >= grand_imp AND sat >= grand_sat`,
        `SELECT ${quadrant("weaknesses")}, 600 + row_number() OVER (ORDER BY imp - sat DESC), format(${text(T.weaknessEvidence)}, attribute, sat, imp) FROM ipa WHERE imp >= grand_imp AND sat < grand_sat`,
      );
    }
    if (deals) {
      ctes.push(
        ...dealCtes(ctx, by),
        {
          name: "rival",
          comment: "the competitor: the parameter, or the one that took the most lost deals",
          body: `SELECT COALESCE(NULLIF((SELECT competitor FROM params), ''), (SELECT competitor FROM deal WHERE outcome = 'lost' AND competitor <> ${noCompetitor()} GROUP BY competitor ORDER BY count(*) DESC, competitor LIMIT 1)) AS name`,
        },
        {
          name: "contest",
          comment: "decided deals against the competitor, by segment",
          body: `SELECT d.segment, count(*) AS decided, avg(CASE WHEN d.outcome = 'won' THEN 1.0 ELSE 0 END) AS win_rate, avg(d.our_price / NULLIF(d.competitor_price, 0)) AS price_index
FROM deal AS d, rival AS r
WHERE d.competitor = r.name AND d.outcome <> 'open'
GROUP BY GROUPING SETS ((d.segment), ())`,
        },
      );
      evidence.push(
        `SELECT ${quadrant("threats")}, 700, format(${text(T.rivalThreat)}, r.name, 100 * (1 - c.win_rate), c.decided, CASE WHEN c.price_index IS NOT NULL THEN format(${text(T.rivalPrice)}, 100 * c.price_index) ELSE '' END) FROM contest AS c, rival AS r WHERE c.segment IS NULL`,
        `SELECT ${quadrant("threats")}, 701, format(${text(T.segmentThreat)}, c.segment, 100 * c.win_rate, c.decided, r.name, CASE WHEN c.price_index IS NOT NULL THEN format(${text(T.segmentPrice)}, 100 * c.price_index) ELSE '' END) FROM contest AS c, rival AS r, params AS p WHERE c.segment IS NOT NULL AND c.decided >= p.min_deals QUALIFY row_number() OVER (ORDER BY c.win_rate, c.segment) = 1`,
        `SELECT ${quadrant("opportunities")}, 800, format(${text(T.segmentOpportunity)}, c.segment, 100 * c.win_rate, c.decided, r.name) FROM contest AS c, rival AS r, params AS p WHERE c.segment IS NOT NULL AND c.decided >= p.min_deals QUALIFY row_number() OVER (ORDER BY c.win_rate DESC, c.segment) = 1`,
      );
    }
    const main = w.sql(
      undefined,
      `-- SWOT grid${deals ? " against a competitor" : ""}: the items entered (the strengths/weaknesses/opportunities/threats parameters, or
-- edit the \`entered\` list below) plus evidence from the data${survey ? " (survey: attributes in the IPA quadrants)" : ""}${deals ? " (deals: win rates against the competitor)" : ""}.
-- An entered item may quote any other cell, e.g.
--   ('Threats', 199, 'Lost revenue to PriceRight: ' || (SELECT round(100 * lost_revenue_share) FROM competitor_breakdown WHERE competitor = 'PriceRight') || ' %')
${withQuery(
  [
    ...ctes,
    {
      name: "entered",
      comment: "quadrant, order, item",
      body: entered.length
        ? `SELECT * FROM (VALUES\n  ${entered.join(",\n  ")}\n) AS v(quadrant, ord, item)`
        : "SELECT CAST(NULL AS VARCHAR) AS quadrant, 0 AS ord, CAST(NULL AS VARCHAR) AS item WHERE FALSE",
    },
  ],
  `SELECT quadrant, ord, item, ${sqlString(T.entered)} AS source FROM entered${evidence.map((e) => `\nUNION ALL\nSELECT *, ${sqlString(T.fromData)} FROM (${e})`).join("")}
ORDER BY ord`,
)}`,
    );
    const grid = w.sql(
      "grid",
      `-- The four quadrants with their items as text, for the 2 x 2 chart (an empty quadrant says so)
SELECT q.quadrant, q.helpful, q.origin, q.quadrant || chr(10) || COALESCE(string_agg('- ' || s.item, chr(10) ORDER BY s.ord), ${sqlString(T.nothingYet)}) AS text, count(s.item) AS items
FROM (VALUES ${QUADRANTS.map(([q, h, i]) => `(${quadrant(q)}, ${sqlString(h ? T.helpful : T.harmful)}, ${sqlString(i ? T.internal : T.external)})`).join(", ")}) AS q(quadrant, helpful, origin)
LEFT JOIN "${main}" AS s ON s.quadrant = q.quadrant
GROUP BY q.quadrant, q.helpful, q.origin
ORDER BY q.origin = ${sqlString(T.external)}, q.helpful = ${sqlString(T.harmful)}`,
    );
    w.chart("chart", grid, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      width: 640,
      height: 360,
      encoding: {
        x: { field: "helpful", type: "nominal", title: null, sort: [T.helpful, T.harmful], axis: { orient: "top" } },
        y: { field: "origin", type: "nominal", title: null, sort: [T.internal, T.external] },
      },
      layer: [
        {
          mark: { type: "rect", stroke: "white", strokeWidth: 4 },
          encoding: {
            color: {
              field: "quadrant",
              type: "nominal",
              legend: null,
              scale: {
                domain: QUADRANTS.map(([q]) => T.quadrants[q]),
                range: ["#d9f0d3", "#fddbc7", "#d1e5f0", "#f4cae4"],
              },
            },
          },
        },
        {
          mark: {
            type: "text",
            lineBreak: "\n",
            align: "left",
            baseline: "top",
            xOffset: -150,
            yOffset: -80,
            fontSize: 11,
            limit: 300,
          },
          encoding: { text: { field: "text", type: "nominal" } },
        },
      ],
    });
    w.sql(
      "checks",
      `-- Items per source: entered, and evidence found in the data (none when the survey or deals table is missing)
SELECT k.source AS "check", count(s.item) AS rows
FROM (VALUES (${sqlString(T.entered)}, 1), (${sqlString(T.fromData)}, 2)) AS k(source, ord) LEFT JOIN "${main}" AS s ON s.source = k.source
GROUP BY k.source, k.ord
ORDER BY k.ord`,
    );
    return w.cells;
  },
};
