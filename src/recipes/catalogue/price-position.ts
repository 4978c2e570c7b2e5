// Recipe 21, price position: our price against competitors' by segment (price index = ours / theirs), and
// how deep price differences relate to winning: win rate and won volume per price band.
import { PRICE_TEXT as T } from "../../messages/recipes/price-position";
import { CellWriter } from "../cells";
import { customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { exactRatio, sqlString, withQuery } from "../sql";
import { dealChecks, dealCtes, noCompetitor, OUTCOME_PARAMS } from "./deal-inputs";
import { segmentNeeds, segmentParam } from "./market-inputs";

/** Our price level vs competitors by segment, and win rate and volume by price band. */
export const pricePosition: Recipe = {
  id: "price-position",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
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
      get label() {
        return T.band;
      },
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
    const band = (key: 1 | 2 | 3) => sqlString(`${key} ${[T.bands.cheaper, T.bands.onPar, T.bands.dearer][key - 1]}`);
    const ctes = [
      params,
      ...dealCtes(ctx, by),
      {
        name: "priced",
        comment: "deals with both prices and a named competitor; price_index = our price / their price",
        body: `SELECT *, ${exactRatio("our_price", "competitor_price")} AS price_index,
  CASE WHEN our_price / competitor_price < 1 - p.band THEN ${band(1)}
       WHEN our_price / competitor_price > 1 + p.band THEN ${band(3)}
       ELSE ${band(2)} END AS band_key
FROM deal CROSS JOIN params AS p
WHERE our_price > 0 AND competitor_price > 0 AND competitor <> ${noCompetitor()}`,
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
  count(*) FILTER (WHERE band_key = ${band(3)}) / count(*) AS dearer_share,
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
      title: { text: T.chartTitle, subtitle: T.chartSubtitle },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "segment", type: "nominal", title: null, sort: "-x" },
            x: {
              field: "price_index",
              type: "quantitative",
              title: T.priceIndex,
              scale: { zero: false },
            },
            color: { field: "win_rate", type: "quantitative", title: T.winRate, scale: { scheme: "redyellowgreen" } },
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
