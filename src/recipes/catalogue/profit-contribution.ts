// Recipe 9, profit contribution (key-indicator method): per customer revenue, margin, margin %, annual
// profit, the marketing or service cost allocated to it, profit per unit of that cost, and profit share.
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { worded } from "../params";
import { PROFIT_CONTRIBUTION_TEXT } from "../../messages/recipes/profit-contribution";
import { withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  checksQuery,
  perCustomerCte,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

/** Profit contribution per customer, ranked. */
export const profitContribution: Recipe = {
  id: "profit-contribution",
  get title() {
    return PROFIT_CONTRIBUTION_TEXT.title;
  },
  get question() {
    return PROFIT_CONTRIBUTION_TEXT.question;
  },
  family: "value",
  inputs: [transactionsSlot()],
  params: [
    ANALYSIS_DATE,
    worded(
      { name: "months", type: "number", default: 12, min: 1, max: 600, integer: true },
      () => PROFIT_CONTRIBUTION_TEXT.months,
    ),
    worded({ name: "service_cost", type: "number", default: 0, min: 0 }, () => PROFIT_CONTRIBUTION_TEXT.serviceCost),
    {
      name: "allocate_by",
      type: "choice",
      get label() {
        return PROFIT_CONTRIBUTION_TEXT.allocateBy.label;
      },
      default: "orders",
      get options() {
        const t = PROFIT_CONTRIBUTION_TEXT.allocateBy;
        return [
          { value: "orders", label: t.orders },
          { value: "revenue", label: t.revenue },
          { value: "equal", label: t.equal },
        ];
      },
    },
    worded(
      { name: "top_n", type: "number", default: 20, min: 1, max: 500, integer: true },
      () => PROFIT_CONTRIBUTION_TEXT.topN,
    ),
  ],
  needs: () => [{ slot: "transactions", anyOf: ["margin", "cost"], because: PROFIT_CONTRIBUTION_TEXT.because }],
  build(ctx) {
    const w = new CellWriter(profitContribution, ctx);
    const features = txFeatures(ctx);
    const basis = { orders: "orders", revenue: "GREATEST(revenue, 0)", equal: "1" }[ctx.params.text("allocate_by")]!;
    const params = paramsCte(profitContribution.params, ctx.params, [
      "analysis_date",
      "months",
      "service_cost",
      "top_n",
    ]);
    const main = w.sql(
      undefined,
      `-- Key indicators per customer over the last \`months\`: annual profit = margin * 12 / months;
-- allocated cost = service_cost split by ${ctx.params.text("allocate_by")}; contribution ratio = annual profit / allocated
-- cost (NULL when no cost is given); profit share = the customer's share of total margin.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    perCustomerCte(features, true),
    {
      name: "allocated",
      body: `SELECT *, p.service_cost * ${basis} / NULLIF(sum(${basis}) OVER (), 0) AS allocated_cost,
  margin * 12 / p.months AS annual_profit
FROM per_customer, params AS p`,
    },
  ],
  `SELECT row_number() OVER (ORDER BY margin DESC, customer_id) AS rank,
  customer_id, revenue, margin, orders,
  margin / NULLIF(revenue, 0) AS margin_pct,
  annual_profit,
  allocated_cost,
  annual_profit / NULLIF(allocated_cost, 0) AS contribution_ratio,
  annual_profit - allocated_cost AS net_contribution,
  margin / NULLIF(sum(margin) OVER (), 0) AS profit_share
FROM allocated
ORDER BY rank`,
)}`,
    );
    const top = w.sql(
      "top",
      `-- The top customers by margin, for the chart\nSELECT * FROM "${main}" WHERE rank <= ${ctx.params.number("top_n")} ORDER BY rank`,
    );
    w.chart("chart", top, {
      title: { text: PROFIT_CONTRIBUTION_TEXT.chart.title, subtitle: PROFIT_CONTRIBUTION_TEXT.chart.subtitle },
      encoding: {
        y: {
          field: "customer_id",
          type: "nominal",
          sort: { field: "rank", op: "min", order: "ascending" },
          title: null,
        },
        x: { field: "annual_profit", type: "quantitative", title: PROFIT_CONTRIBUTION_TEXT.chart.profit },
      },
      layer: [
        { mark: "bar" },
        {
          mark: { type: "text", align: "left", dx: 3 },
          encoding: { text: { field: "profit_share", type: "quantitative", format: ".1%" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
