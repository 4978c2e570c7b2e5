// Customer lifetime value: the formula CLV (margin, retention and discount over a horizon, net of
// acquisition cost) and the predictive CLV that combines BG/NBD purchases with Gamma-Gamma spend.
import { modelMessages } from "../../messages/models";
import { bgNbdExpected, bgNbdPAlive, type BgNbdParams } from "./bgnbd";
import { gammaGammaExpectedSpend, type GammaGammaParams } from "./gamma-gamma";
import { failure, success, type ModelResult } from "./result";
import { checkSummaries, type RfmSummary } from "./summary";

/** A customer for the predictive CLV: the BG/NBD summary plus the mean spend of the x purchases (ignored when x = 0). */
export interface ClvCustomer extends RfmSummary {
  readonly meanSpend: number;
}

/** Horizon and money settings of the predictive CLV. */
export interface ClvOptions {
  /** Number of periods to sum over (e.g. 12 months). */
  readonly horizon: number;
  /** Length of one period in the model's time unit (e.g. 365.25 / 12 / 7 weeks for a month). */
  readonly periodLength: number;
  /** Discount rate per period (e.g. 0.01 a month); cash flows of period k are divided by (1 + rate)^k. */
  readonly discountRate: number;
  /** Share of spend kept as margin, in [0, 1]; 1 (spend, not profit) when absent. */
  readonly margin?: number;
}

/** One customer's predictive value: P(alive), expected purchases and spend per purchase over the horizon, and the CLV. */
export interface ClvRow {
  readonly pAlive: number;
  readonly expectedPurchases: number;
  readonly expectedSpend: number;
  readonly clv: number;
}

const O = () => modelMessages.options;
const R = () => modelMessages.rules;

/** The first problem with CLV options, as a message, or undefined. */
function checkOptions({ horizon, periodLength, discountRate, margin = 1 }: ClvOptions): string | undefined {
  if (!Number.isInteger(horizon) || horizon < 1) return modelMessages.badOption(O().horizon, horizon, R().wholePeriods);
  if (!Number.isFinite(periodLength) || periodLength <= 0)
    return modelMessages.badOption(O().periodLength, periodLength, R().positiveTime);
  if (!Number.isFinite(discountRate) || discountRate <= -1)
    return modelMessages.badOption(O().discountRate, discountRate, R().discountExample);
  if (!Number.isFinite(margin) || margin < 0 || margin > 1)
    return modelMessages.badOption(O().marginShare, margin, R().share);
  return undefined;
}

/**
 * Predictive CLV per customer: for each period k of the horizon, expected purchases in that period (differences of the
 * BG/NBD conditional expectation) times Gamma-Gamma expected spend times margin, discounted by (1 + rate)^k.
 */
export function customerLifetimeValue(
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customers: readonly ClvCustomer[],
  options: ClvOptions,
): ModelResult<ClvRow[]> {
  const invalid = checkOptions(options) ?? checkSummaries(customers);
  if (invalid) return failure(invalid);
  const { horizon, periodLength, discountRate, margin = 1 } = options;
  const rows: ClvRow[] = [];
  for (let i = 0; i < customers.length; i++) {
    const { x, tx, T, meanSpend } = customers[i];
    if (x > 0 && !(Number.isFinite(meanSpend) && meanSpend > 0))
      return failure(modelMessages.badCustomer(i, modelMessages.customer.badMeanSpend(meanSpend)));
    const expectedSpend = gammaGammaExpectedSpend(gammaGamma, x, meanSpend);
    if (!Number.isFinite(expectedSpend)) return failure(modelMessages.infiniteMeanSpend(gammaGamma.q));
    let previous = 0;
    let discounted = 0;
    for (let k = 1; k <= horizon; k++) {
      const cumulative = bgNbdExpected(bgNbd, k * periodLength, x, tx, T);
      discounted += (cumulative - previous) / (1 + discountRate) ** k;
      previous = cumulative;
    }
    if (!Number.isFinite(discounted))
      return failure(modelMessages.badCustomer(i, modelMessages.customer.noExpectedPurchases));
    rows.push({
      pAlive: bgNbdPAlive(bgNbd, x, tx, T),
      expectedPurchases: previous,
      expectedSpend,
      clv: discounted * expectedSpend * margin,
    });
  }
  return success(rows);
}

/** Settings of the formula CLV. */
export interface FormulaClvOptions {
  /** Margin per period. */
  readonly margin: number;
  /** Share of customers kept from one period to the next, in [0, 1]. */
  readonly retention: number;
  /** Discount rate per period. */
  readonly discountRate: number;
  /** Number of periods T (periods 0 .. T-1 are summed). */
  readonly horizon: number;
  /** Cost of acquiring the customer, subtracted once; 0 when absent. */
  readonly acquisitionCost?: number;
}

/** The formula CLV: the sum over t = 0..T-1 of m r^t / (1 + d)^t, minus the acquisition cost. */
export function formulaLifetimeValue({
  margin,
  retention,
  discountRate,
  horizon,
  acquisitionCost = 0,
}: FormulaClvOptions): ModelResult<number> {
  if (!Number.isFinite(margin)) return failure(modelMessages.badOption(O().marginPerPeriod, margin, R().number));
  if (!Number.isFinite(retention) || retention < 0 || retention > 1)
    return failure(modelMessages.badOption(O().retention, retention, R().share));
  if (!Number.isFinite(discountRate) || discountRate <= -1)
    return failure(modelMessages.badOption(O().discountRate, discountRate, R().aboveMinusOne));
  if (!Number.isInteger(horizon) || horizon < 1)
    return failure(modelMessages.badOption(O().horizon, horizon, R().wholePeriods));
  if (!Number.isFinite(acquisitionCost))
    return failure(modelMessages.badOption(O().acquisitionCost, acquisitionCost, R().number));
  let value = 0;
  for (let t = 0; t < horizon; t++) value += (margin * retention ** t) / (1 + discountRate) ** t;
  return success(value - acquisitionCost);
}
