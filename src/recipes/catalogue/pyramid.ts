// Recipe 5, customer pyramid: VIP (top 1 %), major (next 4 %), ordinary (next 15 %), small (the rest)
// by value, cut points as parameters; tier summary with value shares and a tier bar chart.
import { sharesTooLarge } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { PYRAMID_TEXT } from "../../messages/recipes/pyramid";
import type { ParamSpec } from "../params";
import {
  ANALYSIS_DATE,
  measureParam,
  RETURNS_NOTE,
  marginNeed,
  windowParam,
  checksQuery,
  perCustomerCte,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

/** The tier names from the top of the pyramid down, in the current locale. */
export function tierNames(): string[] {
  const t = PYRAMID_TEXT.tiers;
  return [t.vip, t.major, t.ordinary, t.small];
}

/** A tier's share of customers, in percent. */
function pctParam(name: string, label: () => string, defaultPct: number): ParamSpec {
  return {
    name,
    type: "number",
    get label() {
      return label();
    },
    default: defaultPct,
    min: 0,
    max: 100,
  };
}

/** The customer pyramid: tiers by rank of value. */
export const pyramid: Recipe = {
  id: "pyramid",
  get title() {
    return PYRAMID_TEXT.title;
  },
  get question() {
    return PYRAMID_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot()],
  params: [
    ANALYSIS_DATE,
    measureParam(),
    pctParam("vip_pct", () => PYRAMID_TEXT.vipPct, 1),
    pctParam("major_pct", () => PYRAMID_TEXT.majorPct, 4),
    pctParam("ordinary_pct", () => PYRAMID_TEXT.ordinaryPct, 15),
    windowParam(),
  ],
  needs: (p) => marginNeed(p.text("measure")),
  validate(p) {
    const total = p.number("vip_pct") + p.number("major_pct") + p.number("ordinary_pct");
    return total < 100 ? [] : [sharesTooLarge(tierNames().slice(0, 3), total)];
  },
  build(ctx) {
    const w = new CellWriter(pyramid, ctx);
    const features = txFeatures(ctx);
    const measure = ctx.params.text("measure");
    const names = tierNames();
    const [vip, major, ordinary, small] = names.map(sqlString);
    const params = paramsCte(pyramid.params, ctx.params, [
      "analysis_date",
      "vip_pct",
      "major_pct",
      "ordinary_pct",
      "months",
    ]);
    const within = (pct: string) => `rank <= floor(round(n * (${pct}) / 100, 9))`;
    const main = w.sql(
      undefined,
      `-- Customer pyramid by ${measure}: customers ranked (ties by customer_id); the top vip_pct % of
-- customers (rounded down) are VIP, the next major_pct % Major, the next ordinary_pct % Ordinary, the rest Small.
-- Customers with at least one purchase in the window are ranked.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    perCustomerCte(features, true),
    {
      name: "ranked",
      body: `SELECT *, ${measure} AS value,
  row_number() OVER (ORDER BY ${measure} DESC, customer_id) AS rank,
  count(*) OVER () AS n
FROM per_customer
WHERE orders > 0`,
    },
  ],
  `SELECT r.rank, r.customer_id, r.revenue,${features.margin ? " r.margin," : ""} r.orders, r.value,
  CASE WHEN ${within("p.vip_pct")} THEN ${vip}
       WHEN ${within("p.vip_pct + p.major_pct")} THEN ${major}
       WHEN ${within("p.vip_pct + p.major_pct + p.ordinary_pct")} THEN ${ordinary}
       ELSE ${small} END AS tier
FROM ranked AS r, params AS p
ORDER BY r.rank`,
)}`,
    );
    const tiers = w.sql(
      "tiers",
      `-- Customers and value per tier, top of the pyramid first (every tier present)
SELECT k.tier,
  count(c.customer_id) AS customers,
  count(c.customer_id) / NULLIF(sum(count(c.customer_id)) OVER (), 0) AS customer_share,
  COALESCE(sum(c.value), 0) AS value,
  sum(c.value) / NULLIF(sum(sum(c.value)) OVER (), 0) AS value_share,
  min(c.value) AS min_value
FROM (VALUES ${names.map((t, i) => `(${i + 1}, ${sqlString(t)})`).join(", ")}) AS k(tier_order, tier)
LEFT JOIN "${main}" AS c ON c.tier = k.tier
GROUP BY k.tier_order, k.tier
ORDER BY k.tier_order`,
    );
    w.chart("chart", tiers, {
      title: { text: PYRAMID_TEXT.chart.title, subtitle: PYRAMID_TEXT.chart.subtitle(measure) },
      encoding: {
        y: { field: "tier", type: "nominal", sort: names, title: null },
        x: {
          field: "value_share",
          type: "quantitative",
          title: PYRAMID_TEXT.chart.axis(measure),
          axis: { format: ".0%" },
        },
      },
      layer: [
        { mark: "bar", encoding: { color: { field: "tier", type: "nominal", sort: names, legend: null } } },
        {
          mark: { type: "text", align: "left", dx: 3 },
          encoding: { text: { field: "customer_share", type: "quantitative", format: ".0%" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
