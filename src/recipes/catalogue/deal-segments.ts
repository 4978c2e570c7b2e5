// Deal segments: win rate, sales-cycle time and deal value by an attribute of the deal (sales agent, product,
// lead source, the deal's region) or of its customer (industry, region, size, account manager).
import { DEAL_SEGMENTS_TEXT as T } from "../../messages/recipes/deal-segments";
import { CellWriter } from "../cells";
import { customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { ParamSpec, Recipe } from "../recipe";
import { withQuery } from "../sql";
import { DEAL_SEGMENTS, dealChecks, dealCtes, OUTCOME_PARAMS } from "./deal-inputs";
import { dealsSlot, SEGMENT_ROLES, segmentNeeds } from "./market-inputs";

const SEGMENT_BY: ParamSpec = {
  name: "segment_by",
  type: "choice",
  get label() {
    return T.segmentBy;
  },
  default: "none",
  get options() {
    return Object.entries(T.segments).map(([value, label]) => ({ value, label }));
  },
};

/** Win rate, cycle time and deal value per segment of deals. */
export const dealSegments: Recipe = {
  id: "deal-segments",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "competitors",
  inputs: [
    dealsSlot(["customer_id", "amount", "created", "closed", ...Object.values(DEAL_SEGMENTS)]),
    customersSlot(false, [...SEGMENT_ROLES]),
  ],
  params: [SEGMENT_BY, ...OUTCOME_PARAMS],
  needs: (p) => {
    const by = p.text("segment_by");
    if (by in DEAL_SEGMENTS) return [{ slot: "deals", anyOf: [DEAL_SEGMENTS[by]], because: T.segmentBecause(by) }];
    if (by === "none") return [];
    return [...segmentNeeds(by), { slot: "deals", anyOf: ["customer_id"], because: T.customerBecause }];
  },
  build(ctx) {
    const w = new CellWriter(dealSegments, ctx);
    const by = ctx.params.text("segment_by");
    const params = paramsCte(dealSegments.params, ctx.params, ["won", "lost"]);
    const cycle = "date_diff('day', created, closed)";
    const main = w.sql(
      undefined,
      `-- Deals${by === "none" ? "" : ` by ${by}`}: won, lost, open; win_rate = won / (won + lost). Cycle time = days from created to
-- closed over won deals with both dates (median and mean); deal value = the mean and total amount of won deals.
-- Deals without the segment's value are "(unknown)".
${withQuery(
  [params, ...dealCtes(ctx, by)],
  `SELECT segment, count(*) AS deals,
  count(*) FILTER (WHERE outcome = 'won') AS won,
  count(*) FILTER (WHERE outcome = 'lost') AS lost,
  count(*) FILTER (WHERE outcome = 'open') AS open,
  count(*) FILTER (WHERE outcome = 'won') / NULLIF(count(*) FILTER (WHERE outcome <> 'open'), 0) AS win_rate,
  median(${cycle}) FILTER (WHERE outcome = 'won' AND closed >= created) AS median_cycle_days,
  avg(${cycle}) FILTER (WHERE outcome = 'won' AND closed >= created) AS mean_cycle_days,
  avg(amount) FILTER (WHERE outcome = 'won') AS mean_won_value,
  COALESCE(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS won_value
FROM deal
GROUP BY segment
ORDER BY win_rate DESC NULLS LAST, segment`,
)}`,
    );
    w.chart("chart", main, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      mark: "bar",
      encoding: {
        y: { field: "segment", type: "nominal", title: null, sort: { field: "win_rate", order: "descending" } },
        x: { field: "win_rate", type: "quantitative", title: T.winRate, axis: { format: ".0%" } },
        tooltip: [
          { field: "segment", type: "nominal" },
          { field: "deals", type: "quantitative" },
          { field: "win_rate", type: "quantitative", format: ".0%" },
          { field: "median_cycle_days", type: "quantitative", title: T.medianCycle },
          { field: "mean_won_value", type: "quantitative", format: ",.0f" },
        ],
      },
    });
    w.sql("checks", `-- Deal rows used and rows left out, by reason\n${dealChecks(ctx, params)}`);
    return w.cells;
  },
};
