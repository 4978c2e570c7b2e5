// Recipe 11, customer lifetime value: historic CLV (value to date), formula CLV (m * sum r^t / (1+d)^t
// over T years, minus acquisition cost) and predictive CLV (BG/NBD + Gamma-Gamma, in clv-predictive.ts).
import { CellWriter } from "../cells";
import { customerCtes, customersSlot, hasCustomerRole } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe } from "../recipe";
import { worded } from "../params";
import { CLV_TEXT } from "../../messages/recipes/clv";
import { withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  measureParam,
  RETURNS_NOTE,
  checksQuery,
  marginNeed,
  perCustomerCte,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";
import { FORMULA_PARAMS, formulaCtes } from "./clv-formula";
import { buildPredictive } from "./clv-predictive-cells";
import { PREDICTIVE_PARAMS } from "./clv-predictive";

/** The CLV levels this recipe builds. */
export const CLV_LEVELS = ["historic", "formula", "predictive"] as const;

/** Customer lifetime value at the historic and formula levels. */
export const clv: Recipe = {
  id: "clv",
  get title() {
    return CLV_TEXT.title;
  },
  get question() {
    return CLV_TEXT.question;
  },
  family: "value",
  inputs: [transactionsSlot(), customersSlot(false, ["acquisition_cost"])],
  params: [
    {
      name: "level",
      type: "choice",
      get label() {
        return CLV_TEXT.level.label;
      },
      default: "formula",
      get options() {
        const t = CLV_TEXT.level;
        return [
          { value: "historic", label: t.historic },
          { value: "formula", label: t.formula },
          { value: "predictive", label: t.predictive },
        ];
      },
    },
    measureParam("margin"),
    ANALYSIS_DATE,
    ...FORMULA_PARAMS,
    worded({ name: "top_n", type: "number", default: 20, min: 1, max: 500, integer: true }, () => ({
      label: CLV_TEXT.topN,
    })),
    ...PREDICTIVE_PARAMS,
  ],
  needs: (p) => marginNeed(p.text("measure")),
  build(ctx) {
    const w = new CellWriter(clv, ctx);
    if (ctx.params.text("level") === "predictive") return buildPredictive(w, ctx, clv.params);
    const features = txFeatures(ctx);
    const measure = ctx.params.text("measure") as "margin" | "revenue";
    const column = measure === "margin" ? "margin" : "amount";
    const formula = ctx.params.text("level") === "formula";
    const mappedCost = hasCustomerRole(ctx, "acquisition_cost");
    const params = paramsCte(clv.params, ctx.params, [
      "analysis_date",
      "retention",
      "discount",
      "horizon",
      "acquisition_cost",
    ]);
    const historic = withQuery(
      [params, ...transactionCtes(ctx), perCustomerCte(features, false)],
      `SELECT customer_id, first_purchase, last_purchase, orders, revenue,${features.margin ? " margin," : ""}
  ${measure} AS lifetime_value
FROM per_customer
ORDER BY lifetime_value DESC, customer_id`,
    );
    const cost = mappedCost ? "COALESCE(c.acquisition_cost, p.acquisition_cost)" : "p.acquisition_cost";
    const formulaSql = withQuery(
      [
        params,
        ...transactionCtes(ctx),
        ...formulaCtes(column),
        ...(mappedCost ? customerCtes(ctx, ["acquisition_cost"]) : []),
      ],
      `SELECT y.customer_id, y.m AS yearly_${measure}, r.r AS retention, r.observed AS retention_observed, r.retention_note, p.discount, p.horizon,
  f.f AS factor, y.m * f.f AS gross_clv, ${cost} AS acquisition_cost,
  y.m * f.f - ${cost} AS lifetime_value
FROM yearly AS y CROSS JOIN rate AS r CROSS JOIN factor AS f CROSS JOIN params AS p${mappedCost ? "\nLEFT JOIN cust AS c ON c.customer_id = y.customer_id" : ""}
ORDER BY lifetime_value DESC, y.customer_id`,
    );
    const main = w.sql(
      undefined,
      formula
        ? `-- Formula CLV per customer: m = ${measure} in the last 12 months; r = yearly retention; d = discount rate;
-- CLV = sum over t = 0..T-1 of m * r^t / (1 + d)^t - acquisition cost (${mappedCost ? "the mapped column, else the parameter" : "the parameter"}).
-- r is observed from the data unless set; it is NULL (and so is CLV) when nobody bought in the year before;
-- retention_note says when it rests on less than 12 months of data before the last 12.
${RETURNS_NOTE}
${formulaSql}`
        : `-- Historic CLV per customer: ${measure} to date (net of returns), up to the analysis date.\n${RETURNS_NOTE}\n${historic}`,
    );
    const top = w.sql(
      "top",
      `-- The top customers by CLV, for the chart\nSELECT * FROM "${main}" ORDER BY lifetime_value DESC, customer_id LIMIT ${ctx.params.number("top_n")}`,
    );
    w.chart("chart", top, {
      title: {
        text: formula ? CLV_TEXT.chart.formula : CLV_TEXT.chart.historic,
        subtitle: CLV_TEXT.chart.measure(measure),
      },
      mark: "bar",
      encoding: {
        y: { field: "customer_id", type: "nominal", sort: "-x", title: null },
        x: { field: "lifetime_value", type: "quantitative", title: CLV_TEXT.chart.clv },
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
