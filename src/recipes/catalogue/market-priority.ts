// Recipe 20, target market priority: candidate segments (e.g. industry x region) scored on size, growth,
// competitive intensity and fit with weights that must sum to 1; a ranked table and a bubble chart.
import { weightsDoNotSum } from "../../messages/recipes";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { PRIORITY_TEXT as T } from "../../messages/recipes/market-priority";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { sqlString, withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  checksQuery,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";
import { dealCtes, noCompetitor, OUTCOME_PARAMS } from "./deal-inputs";
import { dealsSlot } from "./market-inputs";

const WEIGHTS = ["w_size", "w_growth", "w_competition", "w_fit"];

/** Weighted priority score of candidate market segments. */
export const marketPriority: Recipe = {
  id: "market-priority",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "competitors",
  inputs: [
    customersSlot(true, ["industry", "region", "size"]),
    transactionsSlot(["margin", "cost", "order_id"]),
    dealsSlot(["customer_id", "competitor"], false),
  ],
  params: [
    {
      name: "segments",
      type: "multichoice",
      get label() {
        return T.segments;
      },
      default: ["industry", "region"],
      get options() {
        return (["industry", "region", "size"] as const).map((value) => ({ value, label: T.segmentOptions[value] }));
      },
    },
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
    {
      name: "w_size",
      type: "number",
      get label() {
        return T.wSize;
      },
      default: 0.3,
      min: 0,
      max: 1,
    },
    {
      name: "w_growth",
      type: "number",
      get label() {
        return T.wGrowth;
      },
      default: 0.3,
      min: 0,
      max: 1,
    },
    {
      name: "w_competition",
      type: "number",
      get label() {
        return T.wCompetition;
      },
      default: 0.2,
      min: 0,
      max: 1,
    },
    {
      name: "w_fit",
      type: "number",
      get label() {
        return T.wFit;
      },
      default: 0.2,
      min: 0,
      max: 1,
    },
    {
      name: "min_customers",
      type: "number",
      get label() {
        return T.minCustomers;
      },
      default: 5,
      min: 1,
      max: 100000,
      integer: true,
    },
    ...OUTCOME_PARAMS,
  ],
  needs: (p): RoleNeed[] =>
    p.list("segments").map((s) => ({ slot: "customers", anyOf: [s], because: T.segmentsBecause(s) })),
  validate(p) {
    const sum = WEIGHTS.reduce((s, n) => s + p.number(n), 0);
    return Math.abs(sum - 1) > 1e-9 ? [weightsDoNotSum(sum)] : [];
  },
  build(ctx) {
    const w = new CellWriter(marketPriority, ctx);
    const by = ctx.params.list("segments");
    const margin = txFeatures(ctx).margin;
    const deals = !!ctx.tables.deals && !!ctx.tables.deals.roles.customer_id;
    const params = paramsCte(marketPriority.params, ctx.params, [
      "analysis_date",
      "months",
      ...WEIGHTS,
      "min_customers",
      "won",
      "lost",
    ]);
    const segment = by.map((b) => `COALESCE(c.${b}, ${sqlString(MARKET_TEXT.unknown)})`).join(" || ' / ' || ");
    const indicators = ["size", "growth", "competition", "fit"];
    const norm = indicators
      .map((i) => {
        const scaled = `(${i} - min(${i}) OVER ()) / NULLIF(max(${i}) OVER () - min(${i}) OVER (), 0)`;
        return `  CASE WHEN ${i} IS NULL OR max(${i}) OVER () = min(${i}) OVER () THEN 0.5 ELSE ${i === "competition" ? `1 - ${scaled}` : scaled} END AS n_${i}`;
      })
      .join(",\n");
    const main = w.sql(
      undefined,
      `-- Target market priority by ${by.join(" x ")}: score = w_size * size + w_growth * growth + w_competition * (low)
-- competition + w_fit * fit, each indicator min-max normalized over the candidate segments (1 = best; for
-- competition less is better). size = net revenue in the last \`months\` months; growth = that / the period before - 1;
-- competition = share of decided deals lost to a named competitor${deals ? "" : " (no deals table: neutral 0.5 for all)"};
-- fit = ${margin ? "margin % in the period" : "share of the segment's customers who bought in the period"}. A missing or constant indicator counts 0.5.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...customerCtes(ctx, by),
    ...(deals ? dealCtes(ctx, "none").filter((c) => c.name !== "cust") : []),
    { name: "seg", body: `SELECT customer_id, ${segment} AS segment FROM cust AS c` },
    {
      name: "money",
      body: `SELECT s.segment,
  COALESCE(sum(t.amount) FILTER (WHERE t.date > a.day - to_months(p.months)), 0) AS size,
  sum(t.amount) FILTER (WHERE t.date <= a.day - to_months(p.months) AND t.date > a.day - to_months(2 * p.months)) AS previous,
  ${margin ? "sum(t.margin) FILTER (WHERE t.date > a.day - to_months(p.months)) / NULLIF(sum(t.amount) FILTER (WHERE t.date > a.day - to_months(p.months)), 0)" : "count(DISTINCT t.customer_id) FILTER (WHERE t.amount > 0 AND t.date > a.day - to_months(p.months))"} AS fit_raw
FROM seg AS s CROSS JOIN params AS p CROSS JOIN as_of AS a
LEFT JOIN tx AS t ON t.customer_id = s.customer_id
GROUP BY s.segment`,
    },
    {
      name: "counts",
      body: `SELECT s.segment, count(*) AS customers${
        deals
          ? `,
  count(d.deal_id) FILTER (WHERE d.outcome = 'lost' AND d.competitor <> ${noCompetitor()}) / NULLIF(count(d.deal_id) FILTER (WHERE d.outcome <> 'open'), 0) AS competition`
          : ", CAST(NULL AS DOUBLE) AS competition"
      }
FROM seg AS s${deals ? "\nLEFT JOIN deal AS d ON d.customer_id = s.customer_id" : ""}
GROUP BY s.segment`,
    },
    {
      name: "indicators",
      body: `SELECT m.segment, n.customers, m.size, m.size / NULLIF(m.previous, 0) - 1 AS growth, n.competition,
  ${margin ? "m.fit_raw" : "m.fit_raw / n.customers"} AS fit
FROM money AS m JOIN counts AS n USING (segment) CROSS JOIN params AS p
WHERE n.customers >= p.min_customers`,
    },
    { name: "normalized", body: `SELECT *,\n${norm}\nFROM indicators` },
  ],
  `SELECT row_number() OVER (ORDER BY score DESC, segment) AS rank, *
FROM (
  SELECT segment, customers, size, growth, competition, fit, n_size, n_growth, n_competition, n_fit,
    p.w_size * n_size + p.w_growth * n_growth + p.w_competition * n_competition + p.w_fit * n_fit AS score
  FROM normalized CROSS JOIN params AS p
)
ORDER BY rank`,
)}`,
    );
    w.chart("chart", main, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      mark: { type: "circle", opacity: 0.75, stroke: "black", strokeWidth: 0.5 },
      encoding: {
        x: { field: "growth", type: "quantitative", title: T.growth, axis: { format: ".0%" } },
        y: {
          field: "fit",
          type: "quantitative",
          title: margin ? T.marginShare : T.activeShare,
          axis: { format: ".0%" },
          scale: { zero: false },
        },
        size: { field: "size", type: "quantitative", title: T.revenue },
        color: { field: "score", type: "quantitative", title: T.score, scale: { scheme: "viridis" } },
        tooltip: [
          { field: "rank", type: "quantitative" },
          { field: "segment", type: "nominal" },
          { field: "score", type: "quantitative", format: ".2f" },
          { field: "competition", type: "quantitative", format: ".0%" },
        ],
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
