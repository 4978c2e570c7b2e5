// Recipe 5, customer pyramid: VIP (top 1 %), major (next 4 %), ordinary (next 15 %), small (the rest)
// by value, cut points as parameters; tier summary with value shares and a tier bar chart.
import { sharesTooLarge } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { withQuery } from "../sql";
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

/** The tiers from the top of the pyramid down. */
export const TIERS = ["VIP", "Major", "Ordinary", "Small"] as const;

/** The customer pyramid: tiers by rank of value. */
export const pyramid: Recipe = {
  id: "pyramid",
  title: "Customer pyramid",
  question: "How is value spread over the top 1 %, the next 4 %, the next 15 % and the rest?",
  family: "segmentation",
  inputs: [transactionsSlot()],
  params: [
    ANALYSIS_DATE,
    measureParam(),
    { name: "vip_pct", type: "number", label: "VIP: top % of customers", default: 1, min: 0, max: 100 },
    { name: "major_pct", type: "number", label: "Major: next % of customers", default: 4, min: 0, max: 100 },
    { name: "ordinary_pct", type: "number", label: "Ordinary: next % of customers", default: 15, min: 0, max: 100 },
    windowParam(),
  ],
  needs: (p) => marginNeed(p.text("measure")),
  validate(p) {
    const total = p.number("vip_pct") + p.number("major_pct") + p.number("ordinary_pct");
    return total < 100 ? [] : [sharesTooLarge(["VIP", "Major", "Ordinary"], total)];
  },
  build(ctx) {
    const w = new CellWriter(pyramid, ctx);
    const features = txFeatures(ctx);
    const measure = ctx.params.text("measure");
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
  CASE WHEN ${within("p.vip_pct")} THEN 'VIP'
       WHEN ${within("p.vip_pct + p.major_pct")} THEN 'Major'
       WHEN ${within("p.vip_pct + p.major_pct + p.ordinary_pct")} THEN 'Ordinary'
       ELSE 'Small' END AS tier
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
FROM (VALUES ${TIERS.map((t, i) => `(${i + 1}, '${t}')`).join(", ")}) AS k(tier_order, tier)
LEFT JOIN "${main}" AS c ON c.tier = k.tier
GROUP BY k.tier_order, k.tier
ORDER BY k.tier_order`,
    );
    w.chart("chart", tiers, {
      title: { text: "Customer pyramid", subtitle: `Share of ${measure} per tier; label: share of customers` },
      encoding: {
        y: { field: "tier", type: "nominal", sort: [...TIERS], title: null },
        x: { field: "value_share", type: "quantitative", title: `Share of ${measure}`, axis: { format: ".0%" } },
      },
      layer: [
        { mark: "bar", encoding: { color: { field: "tier", type: "nominal", sort: [...TIERS], legend: null } } },
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
