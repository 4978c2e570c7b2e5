// Recipe 21, price position: our price against competitors' by segment (price index = ours / theirs), and
// how deep price differences relate to winning: win rate and won volume per price band.
import { CellWriter } from "../cells";
import { customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { exactRatio, withQuery } from "../sql";
import { dealChecks, dealCtes, OUTCOME_PARAMS } from "./deal-inputs";
import { segmentNeeds, segmentParam } from "./market-inputs";

/** Our price level vs competitors by segment, and win rate and volume by price band. */
export const pricePosition: Recipe = {
  id: "price-position",
  title: "Price position",
  question: "Are we dearer or cheaper than competitors, where, and does being cheaper win volume?",
  family: "competitors",
  inputs: [
    {
      name: "deals",
      kind: "deals",
      required: true,
      roles: ["deal_id", "stage", "our_price", "competitor_price"],
      optional: ["customer_id", "competitor", "amount"],
    },
    customersSlot(false, ["industry", "region", "size", "account_manager"]),
  ],
  params: [
    segmentParam("industry"),
    ...OUTCOME_PARAMS,
    {
      name: "band",
      type: "number",
      label: "Price band width (0.1: within 10 % counts as on par)",
      default: 0.1,
      min: 0.01,
      max: 1,
    },
  ],
  needs: (p) => segmentNeeds(p.text("segment_by")),
  build(ctx) {
    const w = new CellWriter(pricePosition, ctx);
    const by = ctx.params.text("segment_by");
    const params = paramsCte(pricePosition.params, ctx.params, ["won", "lost", "band"]);
    const ctes = [
      params,
      ...dealCtes(ctx, by),
      {
        name: "priced",
        comment: "deals with both prices and a named competitor; price_index = our price / their price",
        body: `SELECT *, ${exactRatio("our_price", "competitor_price")} AS price_index,
  CASE WHEN our_price / competitor_price < 1 - p.band THEN '1 cheaper'
       WHEN our_price / competitor_price > 1 + p.band THEN '3 dearer'
       ELSE '2 on par' END AS band_key
FROM deal CROSS JOIN params AS p
WHERE our_price > 0 AND competitor_price > 0 AND competitor <> '(none)'`,
      },
    ];
    const main = w.sql(
      undefined,
      `-- Price position by ${by === "none" ? "(all deals)" : by}: price_index = our price / the competitor's price (1.20: we are 20 %
-- dearer), over deals with both prices. win_rate over decided deals; dearer_share = deals where we were
-- dearer by more than the band.
${withQuery(
  ctes,
  `SELECT segment, count(*) AS deals, avg(price_index) AS price_index, median(price_index) AS median_price_index,
  count(*) FILTER (WHERE band_key = '3 dearer') / count(*) AS dearer_share,
  count(*) FILTER (WHERE outcome = 'won') / NULLIF(count(*) FILTER (WHERE outcome <> 'open'), 0) AS win_rate
FROM priced
GROUP BY segment
ORDER BY price_index DESC, segment`,
)}`,
    );
    w.sql(
      "bands",
      `-- Discount depth vs volume: per price band, deals, win rate, the won amount, and the mean discount
-- (1 - price index) where we were cheaper.
${withQuery(
  ctes,
  `SELECT substr(band_key, 3) AS price_band, count(*) AS deals,
  count(*) FILTER (WHERE outcome = 'won') / NULLIF(count(*) FILTER (WHERE outcome <> 'open'), 0) AS win_rate,
  COALESCE(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS won_amount,
  avg(1 - price_index) AS mean_discount
FROM priced
GROUP BY band_key
ORDER BY band_key`,
)}`,
    );
    w.chart("chart", main, {
      title: { text: "Price position by segment", subtitle: "Mean of our price / competitor's price; 1 = on par" },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "segment", type: "nominal", title: null, sort: "-x" },
            x: {
              field: "price_index",
              type: "quantitative",
              title: "Price index (ours / theirs)",
              scale: { zero: false },
            },
            color: { field: "win_rate", type: "quantitative", title: "Win rate", scale: { scheme: "redyellowgreen" } },
            tooltip: [
              { field: "segment", type: "nominal" },
              { field: "deals", type: "quantitative" },
              { field: "win_rate", type: "quantitative", format: ".0%" },
            ],
          },
        },
        { mark: { type: "rule", color: "black" }, encoding: { x: { datum: 1, type: "quantitative" } } },
      ],
    });
    w.sql("checks", `-- Deal rows used and rows left out, by reason\n${dealChecks(ctx, params)}`);
    return w.cells;
  },
};
