// The cells of predictive lifetime value (recipe 11, `level=predictive`): the calibration summary in SQL,
// BG/NBD and Gamma-Gamma fits and the per-customer values in ts cells, the top customers and a chart.
import type { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import { CLV_PREDICTIVE_TEXT } from "../../messages/recipes/clv-predictive";
import type { ParamSpec, RecipeContext } from "../recipe";
import { withQuery } from "../sql";
import { checksQuery, transactionCtes, txFeatures } from "../transactions";
import { bgNbdCode, gammaGammaCode, summaryCtes, valuesCode } from "./clv-predictive";

/** The names of the predictive cells written by `writePredictive`. */
export interface PredictiveCells {
  readonly summary: string;
  readonly bgnbd: string;
  readonly gammaGamma: string;
  readonly values: string;
}

/**
 * Writes the calibration summary (`sql`, named after `summaryPart`, or the prefix when undefined) and the ts cells
 * fitting BG/NBD and Gamma-Gamma and valuing customers; reads `analysis_date`, `margin_share`, `measure`,
 * `time_unit`, `zero_purchases`, `horizon` and `discount` from `specs` (the value matrix can call it too).
 */
export function writePredictive(
  w: CellWriter,
  ctx: RecipeContext,
  specs: readonly ParamSpec[],
  summaryPart?: string,
): PredictiveCells {
  const p = ctx.params;
  const unit = p.text("time_unit");
  const measure = p.text("measure");
  const features = txFeatures(ctx);
  const params = paramsCte(specs, p, ["analysis_date", "margin_share"]);
  const summary = w.sql(
    summaryPart,
    `-- Predictive CLV, step 1: per customer, the calibration summary the purchase models fit on. The calibration
-- period ends on the analysis date. Purchases (amount ${p.bool("zero_purchases") ? ">= 0" : "> 0"}) on the same day count as one; returns are not
-- purchases. x = repeat purchases, t_x = time of the last purchase and T = time to the calibration end, both
-- from the first purchase, in ${unit}; mean_repeat_spend = mean spend of the repeat purchases (NULL when x = 0).
-- margin_share: the parameter, or ${measure === "margin" && features.margin ? "the observed margin / revenue" : "1 (CLV in revenue)"}.
${withQuery([params, ...transactionCtes(ctx), ...summaryCtes(features, measure, unit, p.bool("zero_purchases"))], "SELECT * FROM summary\nORDER BY customer_id")}`,
  );
  const bgnbd = w.ts("bgnbd", bgNbdCode(summary, unit));
  const gammaGamma = w.ts("gamma_gamma", gammaGammaCode(summary));
  const values = w.ts(
    summaryPart ? "clv" : "values",
    valuesCode({
      summary,
      bgnbd,
      gammaGamma,
      unit,
      horizonYears: p.number("horizon"),
      yearlyDiscount: p.number("discount"),
    }),
  );
  return { summary, bgnbd, gammaGamma, values };
}

/** Writes the predictive level's cells into `w` (the clv recipe's writer; `specs` its parameters) and returns them. */
export function buildPredictive(w: CellWriter, ctx: RecipeContext, specs: readonly ParamSpec[]) {
  const p = ctx.params;
  const params = paramsCte(specs, p, ["analysis_date", "margin_share"]);
  const { summary, values } = writePredictive(w, ctx, specs);
  const top = w.sql(
    "top",
    `-- The top customers by predicted CLV, for the chart\nSELECT s.customer_id, s.x, s.t_x, s."T", s.mean_repeat_spend, v.p_alive, v.expected_purchases, v.expected_spend,
  s.margin_share, v.lifetime_value
FROM "${values}" AS v JOIN "${summary}" AS s USING (customer_id)
ORDER BY v.lifetime_value DESC, s.customer_id
LIMIT ${p.number("top_n")}`,
  );
  w.chart("chart", top, {
    title: {
      text: CLV_PREDICTIVE_TEXT.chart.title,
      subtitle: CLV_PREDICTIVE_TEXT.chart.subtitle(p.number("horizon")),
    },
    mark: "bar",
    encoding: {
      y: { field: "customer_id", type: "nominal", sort: "-x", title: null },
      x: { field: "lifetime_value", type: "quantitative", title: CLV_PREDICTIVE_TEXT.chart.clv },
      color: {
        field: "p_alive",
        type: "quantitative",
        title: CLV_PREDICTIVE_TEXT.chart.alive,
        scale: { domain: [0, 1] },
      },
      tooltip: [
        { field: "customer_id", type: "nominal" },
        { field: "expected_purchases", type: "quantitative", format: ".2f" },
        { field: "expected_spend", type: "quantitative", format: ".2f" },
        { field: "p_alive", type: "quantitative", format: ".2f" },
      ],
    },
  });
  w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
  return w.cells;
}
