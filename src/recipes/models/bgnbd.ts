// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
// its likelihood on compressed (x, t_x, T) summaries, the maximum-likelihood fit, P(alive) and the
// conditional and unconditional expected numbers of repeat purchases.
import { modelMessages } from "../../messages/models";
import { fitMaximumLikelihood } from "./fit";
import { standardErrors } from "./standard-errors";
import type { Convergence } from "./optimize";
import { failure, success, type ModelResult } from "./result";
import { digamma, hyp2f1Minus1, logAddExp, logGamma } from "./special-functions";
import { compressSummaries, prepareFit, type CompressedSummaries, type RfmSummary } from "./summary";

const MODEL = "BG/NBD";

/** BG/NBD parameters: purchase rates ~ Gamma(r, alpha) (alpha in the data's time unit), dropout probability ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** A maximum-likelihood BG/NBD fit: parameters, log-likelihood, data size and the optimizer's report. */
export interface BgNbdFit {
  readonly params: BgNbdParams;
  /** Standard errors from the numerical Hessian of the log-likelihood at the optimum (NaN: not determined). */
  readonly standardErrors: BgNbdParams;
  readonly logLikelihood: number;
  readonly customers: number;
  /** Distinct (x, t_x, T) rows the likelihood was evaluated on. */
  readonly rows: number;
  readonly convergence: Convergence;
  readonly warnings: readonly string[];
}

/** The BG/NBD log-likelihood of customer summaries (compressed or not) under `params`. */
export function bgNbdLogLikelihood(params: BgNbdParams, data: readonly RfmSummary[] | CompressedSummaries): number {
  return logLikelihood(params, Array.isArray(data) ? compressSummaries(data) : (data as CompressedSummaries));
}

function logLikelihood({ r, alpha, a, b }: BgNbdParams, d: CompressedSummaries): number {
  const logAlpha = Math.log(alpha);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const logA = Math.log(a);
  let sum = 0;
  let lastX = -1;
  let perX = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    if (x !== lastX) {
      // Rows are sorted by x: the gamma-function terms are computed once per distinct x.
      perX = logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
      lastX = x;
    }
    const survived = -(r + x) * Math.log(alpha + d.T[i]);
    const droppedOut = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + d.tx[i]) : -Infinity;
    sum += d.count[i] * (perX + logAddExp(survived, droppedOut));
  }
  return sum;
}

/** The gradient of the BG/NBD log-likelihood with respect to (r, alpha, a, b), analytically (digamma for the gamma terms). */
export function bgNbdLogLikelihoodGradient(
  params: BgNbdParams,
  data: readonly RfmSummary[] | CompressedSummaries,
): number[] {
  return logLikelihoodGradient(params, Array.isArray(data) ? compressSummaries(data) : (data as CompressedSummaries));
}

function logLikelihoodGradient({ r, alpha, a, b }: BgNbdParams, d: CompressedSummaries): number[] {
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  let [gr, galpha, ga, gb] = [0, 0, 0, 0];
  let lastX = -1;
  let [rX, aX, bX] = [0, 0, 0];
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    if (x !== lastX) {
      const psiABX = digamma(a + b + x);
      rX = digamma(r + x) - psiR + logAlpha;
      aX = psiAB - psiABX;
      bX = psiAB + digamma(b + x) - psiB - psiABX;
      lastX = x;
    }
    const logAlphaT = Math.log(alpha + d.T[i]);
    const survived = -(r + x) * logAlphaT;
    let w = 0; // posterior weight of "dropped out after the last purchase"
    let logAlphaTx = 0;
    if (x > 0) {
      logAlphaTx = Math.log(alpha + d.tx[i]);
      const droppedOut = logA - Math.log(b + x - 1) - (r + x) * logAlphaTx;
      w = Math.exp(droppedOut - logAddExp(survived, droppedOut));
    }
    const c = d.count[i];
    gr += c * (rX - (1 - w) * logAlphaT - w * logAlphaTx);
    galpha += c * (r / alpha - (r + x) * ((1 - w) / (alpha + d.T[i]) + (x > 0 ? w / (alpha + d.tx[i]) : 0)));
    ga += c * (aX + w / a);
    gb += c * (bX - (x > 0 ? w / (b + x - 1) : 0));
  }
  return [gr, galpha, ga, gb];
}

/**
 * Fits the BG/NBD model by maximum likelihood to per-customer summaries (time in any unit, e.g. weeks);
 * fails with a message for empty, single-customer, invalid or repeat-free data and for fits that do not converge.
 */
export function fitBgNbd(rows: readonly RfmSummary[]): ModelResult<BgNbdFit> {
  const prepared = prepareFit(MODEL, rows);
  if (typeof prepared === "string") return failure(prepared);
  const { data, scaled, scale } = prepared;
  const toParams = ([r, alpha, a, b]: readonly number[]): BgNbdParams => ({ r, alpha, a, b });
  const fit = fitMaximumLikelihood(
    MODEL,
    ["r", "alpha", "a", "b"],
    (theta) => -logLikelihood(toParams(theta), scaled) / data.customers,
    [1, 1, 1, 1],
    data.customers,
    ([r, alpha, a, b]) => [r, alpha * scale, a, b],
    (theta) => logLikelihoodGradient(toParams(theta), scaled).map((g) => -g / data.customers),
  );
  if (!fit.ok) return fit;
  const [r, alphaScaled, a, b] = fit.value.theta;
  const params = { r, alpha: alphaScaled * scale, a, b };
  const se = standardErrors((t) => logLikelihood(toParams(t), data), [params.r, params.alpha, params.a, params.b]).se;
  const standardErrorsOf = toParams(se);
  const warnings = [...fit.value.warnings];
  // The dropout parameter a is what the data pin down last: little churn leaves it near 0 or undetermined.
  const dropoutUnclear = !(se[2] <= params.a) || params.a / (params.a + params.b) < 0.01;
  if (dropoutUnclear) warnings.push(modelMessages.littleChurn(params.a, se[2]));
  (["r", "alpha", "b"] as const).forEach((name, k) => {
    const i = [0, 1, 3][k];
    if (!(se[i] <= params[name])) warnings.push(modelMessages.poorlyDetermined(MODEL, name, params[name], se[i]));
  });
  return success({
    params,
    standardErrors: standardErrorsOf,
    logLikelihood: logLikelihood(params, data),
    customers: data.customers,
    rows: data.x.length,
    convergence: fit.value.convergence,
    warnings,
  });
}

/** The probability that a customer with x repeat purchases, the last at t_x, observed for T, is still active. */
export function bgNbdPAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * (1 - (1-z)^(a-1) 2F1(A, a-1; C; z)) / (a-1), computed without cancellation: both the power and
 * 2F1 - 1 are O(a-1), and expm1/log1p keep their digits; a = 1 is evaluated just beside the pole of the formula.
 */
function growthFactor(a: number, A: number, C: number, z: number): number {
  const am1 = Math.abs(a - 1) < 1e-10 ? 1e-10 : a - 1;
  const fm1 = hyp2f1Minus1(A, am1, C, z);
  return -Math.expm1(am1 * Math.log1p(-z) + Math.log1p(fm1)) / am1;
}

/**
 * Expected repeat purchases in the next t time units of a customer with x repeat purchases, the last at t_x,
 * observed for T (FHL 2005 eq. 10, with Euler's transformation of 2F1 so that the series converges for any x).
 */
export function bgNbdExpected(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  return (a + b + x - 1) * growthFactor(a, a + b - 1 - r, a + b + x - 1, z) * bgNbdPAlive(params, x, tx, T);
}

/** Expected repeat purchases E[X(t)] of a new customer in the first t time units after the first purchase. */
export function bgNbdUnconditional({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  return (a + b - 1) * growthFactor(a, a + b - 1 - r, a + b - 1, t / (alpha + t));
}

/**
 * Expected cumulative repeat purchases of a cohort at each of `times`: the sum over customers of E[X(time - birth)],
 * where `births` are the customers' first-purchase times on the same clock (e.g. weeks since the data start).
 */
export function bgNbdCohortCumulative(
  params: BgNbdParams,
  births: readonly number[],
  times: readonly number[],
): number[] {
  const counts = new Map<number, number>();
  for (const birth of births) counts.set(birth, (counts.get(birth) ?? 0) + 1);
  return times.map((time) => {
    let sum = 0;
    for (const [birth, count] of counts) if (time > birth) sum += count * bgNbdUnconditional(params, time - birth);
    return sum;
  });
}
