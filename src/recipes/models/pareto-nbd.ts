// The Pareto/NBD model of repeat buying (Schmittlein, Morrison & Colombo 1987), as written in Fader &
// Hardie's notes: its likelihood on compressed (x, t_x, T) summaries, the maximum-likelihood fit,
// P(alive) and the conditional and unconditional expected numbers of repeat purchases.
import { fitMaximumLikelihood } from "./fit";
import type { Convergence } from "./optimize";
import { failure, success, type ModelResult } from "./result";
import { hyp2f1Minus1, logAddExp, logGamma, logSubExp } from "./special-functions";
import { compressSummaries, prepareFit, type CompressedSummaries, type RfmSummary } from "./summary";

const MODEL = "Pareto/NBD";

/** Pareto/NBD parameters: purchase rates ~ Gamma(r, alpha), dropout rates ~ Gamma(s, beta) (alpha, beta in the data's time unit). */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** A maximum-likelihood Pareto/NBD fit: parameters, log-likelihood, data size and the optimizer's report. */
export interface ParetoNbdFit {
  readonly params: ParetoNbdParams;
  readonly logLikelihood: number;
  readonly customers: number;
  /** Distinct (x, t_x, T) rows the likelihood was evaluated on. */
  readonly rows: number;
  readonly convergence: Convergence;
  readonly warnings: readonly string[];
}

/**
 * log of 2F1(r+s+x, e; r+s+x+1; z(τ)) / (m+τ)^(r+s+x), where m = max(alpha, beta), z(τ) = |alpha-beta| / (m+τ) and
 * e = s+1 (alpha >= beta) or r+x: the antiderivative, up to sign and 1/(r+s+x), of the dropout term below.
 * Euler's transformation turns the series into one of positive terms with ratio below z, for any x.
 */
function logDropoutBound({ r, alpha, s, beta }: ParetoNbdParams, x: number, time: number): number {
  const rsx = r + s + x;
  const [big, exponent] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const z = Math.abs(alpha - beta) / (big + time);
  const logF = (1 - exponent) * Math.log1p(-z) + Math.log1p(hyp2f1Minus1(1, rsx + 1 - exponent, rsx + 1, z));
  return logF - rsx * Math.log(big + time);
}

/**
 * The two parts of a customer's log-likelihood without the constant: alive at T, and died between t_x and T
 * (s times the integral from t_x to T of (alpha+τ)^-(r+x) (beta+τ)^-(s+1) dτ); `atT` may pass logDropoutBound(.., T).
 */
function logParts(
  params: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  atT = logDropoutBound(params, x, T),
): [number, number] {
  const { r, alpha, s, beta } = params;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx >= T) return [alive, -Infinity];
  const died = Math.log(s) + logSubExp(logDropoutBound(params, x, tx), atT) - Math.log(r + s + x);
  return [alive, died];
}

/** The Pareto/NBD log-likelihood of customer summaries (compressed or not) under `params`. */
export function paretoNbdLogLikelihood(
  params: ParetoNbdParams,
  data: readonly RfmSummary[] | CompressedSummaries,
): number {
  return logLikelihood(params, Array.isArray(data) ? compressSummaries(data) : (data as CompressedSummaries));
}

function logLikelihood(params: ParetoNbdParams, d: CompressedSummaries): number {
  const { r, alpha, s, beta } = params;
  const constant = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  let sum = 0;
  let [lastX, lastT] = [-1, -1];
  let [perX, atT] = [0, 0];
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    const T = d.T[i];
    // Rows are sorted by x, then T: the terms of x alone and of (x, T) are computed once per run.
    if (x !== lastX) perX = logGamma(r + x) + constant;
    if (x !== lastX || T !== lastT) atT = logDropoutBound(params, x, T);
    [lastX, lastT] = [x, T];
    const [alive, died] = logParts(params, x, d.tx[i], T, atT);
    sum += d.count[i] * (perX + logAddExp(alive, died));
  }
  return sum;
}

/**
 * Fits the Pareto/NBD model by maximum likelihood to per-customer summaries (time in any unit, e.g. weeks);
 * fails with a message for empty, single-customer, invalid or repeat-free data and for fits that do not converge.
 */
export function fitParetoNbd(rows: readonly RfmSummary[]): ModelResult<ParetoNbdFit> {
  const prepared = prepareFit(MODEL, rows);
  if (typeof prepared === "string") return failure(prepared);
  const { data, scaled, scale } = prepared;
  const toParams = ([r, alpha, s, beta]: readonly number[]): ParetoNbdParams => ({ r, alpha, s, beta });
  const fit = fitMaximumLikelihood(
    MODEL,
    ["r", "alpha", "s", "beta"],
    (theta) => -logLikelihood(toParams(theta), scaled) / data.customers,
    [1, 1, 1, 1],
    data.customers,
    ([r, alpha, s, beta]) => [r, alpha * scale, s, beta * scale],
  );
  if (!fit.ok) return fit;
  const [r, alphaScaled, s, betaScaled] = fit.value.theta;
  const params = { r, alpha: alphaScaled * scale, s, beta: betaScaled * scale };
  return success({
    params,
    logLikelihood: logLikelihood(params, data),
    customers: data.customers,
    rows: data.x.length,
    convergence: fit.value.convergence,
    warnings: fit.value.warnings,
  });
}

/** The probability that a customer with x repeat purchases, the last at t_x, observed for T, is still active. */
export function paretoNbdPAlive(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const [alive, died] = logParts(params, x, tx, T);
  return Math.exp(alive - logAddExp(alive, died));
}

/** (1 - (b/(b+t))^(s-1)) / (s-1), with its limit log(1 + t/b) at s = 1, without cancellation. */
function dropoutHorizon(s: number, b: number, t: number): number {
  const logGrowth = Math.log1p(t / b);
  return s === 1 ? logGrowth : -Math.expm1(-(s - 1) * logGrowth) / (s - 1);
}

/** Expected repeat purchases in the next t time units of a customer with x repeat purchases, the last at t_x, observed for T. */
export function paretoNbdExpected(params: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  if (t === 0) return 0;
  return (((r + x) * (beta + T)) / (alpha + T)) * dropoutHorizon(s, beta + T, t) * paretoNbdPAlive(params, x, tx, T);
}

/** Expected repeat purchases E[X(t)] of a new customer in the first t time units after the first purchase. */
export function paretoNbdUnconditional({ r, alpha, s, beta }: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((r * beta) / alpha) * dropoutHorizon(s, beta, t);
}
