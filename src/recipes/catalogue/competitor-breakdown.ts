// Recipe 18, competitor breakdown: deals won and lost by competitor, the share of lost revenue each takes,
// win rate and price gap by segment, and share of contested value by competitor and region; stacked bars.
import { COMPETITOR_TEXT as T } from "../../messages/recipes/competitor-breakdown";
import { DEAL_TEXT } from "../../messages/recipes/deal-inputs";
import { CellWriter } from "../cells";
import { customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { exactRatio, sqlString, withQuery } from "../sql";
import { dealChecks, dealCtes, noCompetitor, OUTCOME_PARAMS } from "./deal-inputs";
import { dealsSlot, labelCalculate, segmentNeeds, segmentParam, slotHas } from "./market-inputs";

/** Win/loss by competitor and segment, with price gaps and shares. */
export const competitorBreakdown: Recipe = {
  id: "competitor-breakdown",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "competitors",
  inputs: [
    dealsSlot(["customer_id", "competitor", "amount", "our_price", "competitor_price", "loss_reason"]),
    customersSlot(false, ["industry", "region", "size", "account_manager"]),
  ],
  params: [segmentParam("industry"), ...OUTCOME_PARAMS],
  needs: (p) => segmentNeeds(p.text("segment_by")),
  build(ctx) {
    const w = new CellWriter(competitorBreakdown, ctx);
    const by = ctx.params.text("segment_by");
    const params = paramsCte(competitorBreakdown.params, ctx.params, ["won", "lost"]);
    const ctes = [params, ...dealCtes(ctx, by)];
    const price = `CASE WHEN outcome <> 'open' AND competitor <> ${noCompetitor()} AND competitor_price > 0 THEN ${exactRatio("our_price", "competitor_price")} END`;
    const main = w.sql(
      undefined,
      `-- Deals by competitor: won, lost, open; win rate = won / (won + lost); lost_revenue_share = the amount lost
-- to this competitor / all amount lost. price_index = mean of our price / their price over decided deals
-- with both prices (1.25: we were 25 % dearer). Deals naming no competitor are "(none)".
${withQuery(
  ctes,
  `SELECT competitor, count(*) AS deals,
  count(*) FILTER (WHERE outcome = 'won') AS won,
  count(*) FILTER (WHERE outcome = 'lost') AS lost,
  count(*) FILTER (WHERE outcome = 'open') AS open,
  count(*) FILTER (WHERE outcome = 'won') / NULLIF(count(*) FILTER (WHERE outcome <> 'open'), 0) AS win_rate,
  COALESCE(sum(amount) FILTER (WHERE outcome = 'lost'), 0) AS lost_revenue,
  sum(amount) FILTER (WHERE outcome = 'lost') / NULLIF(sum(sum(amount) FILTER (WHERE outcome = 'lost')) OVER (), 0) AS lost_revenue_share,
  avg(${price}) AS price_index,
  mode(loss_reason) FILTER (WHERE outcome = 'lost' AND loss_reason IS NOT NULL) AS main_loss_reason
FROM deal
GROUP BY competitor
ORDER BY lost_revenue DESC, competitor`,
)}`,
    );
    w.sql(
      "segments",
      `-- Win rate and price index by ${by === "none" ? "(all deals)" : by} and competitor (decided deals)
${withQuery(
  ctes,
  `SELECT segment, competitor, count(*) FILTER (WHERE outcome <> 'open') AS decided,
  count(*) FILTER (WHERE outcome = 'won') / NULLIF(count(*) FILTER (WHERE outcome <> 'open'), 0) AS win_rate,
  avg(${price}) AS price_index,
  COALESCE(sum(amount) FILTER (WHERE outcome = 'lost'), 0) AS lost_revenue
FROM deal
GROUP BY segment, competitor
ORDER BY segment, competitor`,
)}`,
    );
    if (slotHas(ctx, "deals", "amount")) {
      const regional = ctx.tables.customers?.roles.region ? "region" : "none";
      const share = regional === by ? ctes : [params, ...dealCtes(ctx, regional)];
      w.sql(
        "share",
        `-- Share of contested value${regional === "region" ? " by region" : ""}: of the decided deal value, the part we won ("us") and the
-- part each competitor won from us.
${withQuery(
  [
    ...share,
    {
      name: "contested",
      body: `SELECT segment, CASE WHEN outcome = 'won' THEN ${sqlString(T.us)} ELSE competitor END AS winner, amount
FROM deal WHERE outcome <> 'open' AND amount IS NOT NULL`,
    },
  ],
  `SELECT segment AS ${regional === "region" ? "region" : "market"}, winner,
  sum(amount) AS value,
  sum(amount) / NULLIF(sum(sum(amount)) OVER (PARTITION BY segment), 0) AS share
FROM contested
GROUP BY segment, winner
ORDER BY 1, value DESC`,
)}`,
      );
    }
    const outcomes = DEAL_TEXT.outcomes;
    w.chart("chart", main, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      transform: [
        { fold: ["won", "lost", "open"], as: ["deals", "count"] },
        labelCalculate("deals", outcomes, "outcome"),
      ],
      mark: "bar",
      encoding: {
        y: { field: "competitor", type: "nominal", title: null, sort: { field: "lost_revenue", order: "descending" } },
        x: { field: "count", type: "quantitative", title: T.deals, stack: "zero" },
        color: {
          field: "outcome",
          type: "nominal",
          title: null,
          scale: { domain: [outcomes.won, outcomes.lost, outcomes.open], range: ["#2ca02c", "#d62728", "#bdbdbd"] },
        },
        tooltip: [
          { field: "competitor", type: "nominal" },
          { field: "win_rate", type: "quantitative", format: ".0%" },
          { field: "price_index", type: "quantitative", format: ".2f" },
          { field: "lost_revenue_share", type: "quantitative", format: ".0%" },
        ],
      },
    });
    w.sql("checks", `-- Deal rows used and rows left out, by reason\n${dealChecks(ctx, params)}`);
    return w.cells;
  },
};
