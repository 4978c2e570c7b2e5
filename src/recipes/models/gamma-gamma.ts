// The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
// curves"): fit on repeat buyers' mean spend, and each customer's expected average spend. The published
// CDNOW fit uses x = repeat purchases and the mean spend of those repeat purchases (first purchase left out).
import { modelMessages } from "../../messages/models";
import { fitMaximumLikelihood } from "./fit";
import { standardErrors } from "./standard-errors";
import type { Convergence } from "./optimize";
import { failure, success, type ModelResult } from "./result";
import { digamma, logGamma } from "./special-functions";

const MODEL = "Gamma-Gamma";
// |correlation| between purchase count and mean spend above which the independence assumption is questioned.
const CORRELATION_WARNING = 0.3;

/** A customer's spend summary: x purchases (repeat purchases in the usual setup) with mean spend `meanSpend`. */
export interface SpendSummary {
  readonly x: number;
  readonly meanSpend: number;
  /** How many customers share these values; 1 when absent. */
  readonly count?: number;
}

/** Gamma-Gamma parameters: spend per purchase ~ Gamma(p, nu), nu ~ Gamma(q, gamma) across customers (gamma in money). */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** A maximum-likelihood Gamma-Gamma fit: parameters, log-likelihood, customers used and left out, optimizer report. */
export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  /** Standard errors from the numerical Hessian of the log-likelihood at the optimum (NaN: not determined). */
  readonly standardErrors: GammaGammaParams;
  readonly logLikelihood: number;
  /** Customers with x > 0 that the fit used. */
  readonly customers: number;
  /** Customers left out because they have no (repeat) purchase (x = 0). */
  readonly excluded: number;
  /** Pearson correlation of x and mean spend over the customers used (the model assumes none). */
  readonly frequencySpendCorrelation: number;
  readonly convergence: Convergence;
  readonly warnings: readonly string[];
}

interface SpendData {
  readonly x: Float64Array;
  readonly mean: Float64Array;
  readonly logMean: Float64Array;
  readonly count: Float64Array;
  readonly customers: number;
}

/** The Gamma-Gamma log-likelihood of the mean spends of customers with x > 0 (rows with x = 0 are skipped). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendSummary[]): number {
  return logLikelihood(params, toData(rows.filter((row) => row.x > 0)));
}

/** Rows sorted by x (so that terms of x alone are computed once per x), with log mean spend precomputed. */
function toData(rows: readonly SpendSummary[]): SpendData {
  const sorted = [...rows].sort((u, v) => u.x - v.x);
  const count = Float64Array.from(sorted, (row) => row.count ?? 1);
  const mean = Float64Array.from(sorted, (row) => row.meanSpend);
  return {
    x: Float64Array.from(sorted, (row) => row.x),
    mean,
    logMean: mean.map(Math.log),
    count,
    customers: count.reduce((s, c) => s + c, 0),
  };
}

function logLikelihood({ p, q, gamma }: GammaGammaParams, d: SpendData): number {
  const base = -logGamma(q) + q * Math.log(gamma);
  let sum = 0;
  let lastX = -1;
  let perX = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    const px = p * x;
    if (x !== lastX) {
      perX = base + logGamma(px + q) - logGamma(px) + px * Math.log(x);
      lastX = x;
    }
    sum += d.count[i] * (perX + (px - 1) * d.logMean[i] - (px + q) * Math.log(gamma + x * d.mean[i]));
  }
  return sum;
}

/** The gradient of the Gamma-Gamma log-likelihood with respect to (p, q, gamma), for rows with x > 0. */
export function gammaGammaLogLikelihoodGradient(params: GammaGammaParams, rows: readonly SpendSummary[]): number[] {
  return logLikelihoodGradient(params, toData(rows.filter((row) => row.x > 0)));
}

function logLikelihoodGradient({ p, q, gamma }: GammaGammaParams, d: SpendData): number[] {
  const psiQ = digamma(q);
  const logGammaParam = Math.log(gamma);
  let [gp, gq, gg] = [0, 0, 0];
  let lastX = -1;
  let [pX, qX] = [0, 0];
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    const px = p * x;
    if (x !== lastX) {
      const psiPXQ = digamma(px + q);
      pX = psiPXQ - digamma(px) + Math.log(x);
      qX = psiPXQ - psiQ + logGammaParam;
      lastX = x;
    }
    const total = gamma + x * d.mean[i];
    const logTotal = Math.log(total);
    const c = d.count[i];
    gp += c * x * (pX + d.logMean[i] - logTotal);
    gq += c * (qX - logTotal);
    gg += c * (q / gamma - (px + q) / total);
  }
  return [gp, gq, gg];
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood to customers' purchase counts and mean spends;
 * customers with x = 0 are left out (and counted), invalid spends and non-convergence fail with a message.
 */
export function fitGammaGamma(rows: readonly SpendSummary[]): ModelResult<GammaGammaFit> {
  let excluded = 0;
  const used: SpendSummary[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { x, meanSpend, count = 1 } = rows[i];
    if (!Number.isInteger(x) || x < 0) return failure(modelMessages.badFrequency(i, x));
    if (!Number.isFinite(count) || count <= 0)
      return failure(modelMessages.badSummaryRow(i, modelMessages.fields.count, count, modelMessages.rules.positive));
    if (x === 0) {
      excluded += count;
      continue;
    }
    if (!Number.isFinite(meanSpend) || meanSpend <= 0) return failure(modelMessages.badSpend(i, meanSpend));
    used.push(rows[i]);
  }
  const data = toData(used);
  if (data.customers === 0) return failure(modelMessages.noRepeatBuyers());
  if (data.customers <= 1) return failure(modelMessages.oneCustomer(MODEL));
  // Fit in units of the average spend, so that the start point and bounds suit any currency.
  let total = 0;
  for (let i = 0; i < data.x.length; i++) total += data.mean[i] * data.count[i];
  const scale = total / data.customers;
  const scaled = {
    ...data,
    mean: data.mean.map((m) => m / scale),
    logMean: data.logMean.map((l) => l - Math.log(scale)),
  };
  const fit = fitMaximumLikelihood(
    MODEL,
    ["p", "q", "gamma"],
    ([p, q, gamma]) => -logLikelihood({ p, q, gamma }, scaled) / data.customers,
    [1, 2, 1],
    data.customers,
    ([p, q, gamma]) => [p, q, gamma * scale],
    ([p, q, gamma]) => logLikelihoodGradient({ p, q, gamma }, scaled).map((g) => -g / data.customers),
  );
  if (!fit.ok) return fit;
  const [p, q, gammaScaled] = fit.value.theta;
  const params = { p, q, gamma: gammaScaled * scale };
  const frequencySpendCorrelation = weightedCorrelation(data.x, data.mean, data.count);
  const se = standardErrors(
    ([pp, qq, gg]) => logLikelihood({ p: pp, q: qq, gamma: gg }, data),
    [p, q, params.gamma],
  ).se;
  const warnings = [...fit.value.warnings];
  (["p", "q", "gamma"] as const).forEach((name, i) => {
    if (!(se[i] <= params[name])) warnings.push(modelMessages.poorlyDetermined(MODEL, name, params[name], se[i]));
  });
  if (Math.abs(frequencySpendCorrelation) > CORRELATION_WARNING)
    warnings.push(modelMessages.spendFrequencyCorrelated(frequencySpendCorrelation));
  if (q <= 1) warnings.push(modelMessages.infiniteMeanSpend(q));
  return success({
    params,
    standardErrors: { p: se[0], q: se[1], gamma: se[2] },
    logLikelihood: logLikelihood(params, data),
    customers: data.customers,
    excluded,
    frequencySpendCorrelation,
    convergence: fit.value.convergence,
    warnings,
  });
}

/**
 * A customer's expected spend per purchase given x purchases with mean spend `meanSpend`: a weighted mean of
 * the population mean p*gamma/(q-1) and the customer's own mean (for x = 0 the population mean; NaN if q <= 1).
 */
export function gammaGammaExpectedSpend({ p, q, gamma }: GammaGammaParams, x: number, meanSpend: number): number {
  if (x === 0) return q > 1 ? (p * gamma) / (q - 1) : NaN;
  const denominator = p * x + q - 1;
  return denominator > 0 ? (p * (gamma + x * meanSpend)) / denominator : NaN;
}

function weightedCorrelation(u: Float64Array, v: Float64Array, w: Float64Array): number {
  let sw = 0;
  let su = 0;
  let sv = 0;
  for (let i = 0; i < u.length; i++) {
    sw += w[i];
    su += w[i] * u[i];
    sv += w[i] * v[i];
  }
  const mu = su / sw;
  const mv = sv / sw;
  let cuv = 0;
  let cuu = 0;
  let cvv = 0;
  for (let i = 0; i < u.length; i++) {
    cuv += w[i] * (u[i] - mu) * (v[i] - mv);
    cuu += w[i] * (u[i] - mu) ** 2;
    cvv += w[i] * (v[i] - mv) ** 2;
  }
  return cuu > 0 && cvv > 0 ? cuv / Math.sqrt(cuu * cvv) : 0;
}
