// Maximum-likelihood fitting shared by the models: minimise the mean negative log-likelihood over
// log-parameters, then refuse results that did not converge or ran off to 0 or infinity.
import { modelMessages } from "../../messages/models";
import { minimize, type Convergence } from "./optimize";
import { failure, success, type ModelResult } from "./result";

/** Parameters (on the fit's internal scale) with the optimizer's report and warnings for the user. */
export interface RawFit {
  readonly theta: number[];
  readonly convergence: Convergence;
  readonly warnings: string[];
}

// |log θ| beyond DIVERGED means the likelihood kept rising towards a boundary; beyond EXTREME we warn.
const DIVERGED = 12;
const EXTREME = 8;
const FEW_CUSTOMERS = 30;

/**
 * Fits positive parameters `names` by minimising `meanNegLogLik` (a function of the parameters
 * themselves) from `start`, searching on their logs so that every trial point is valid;
 * `toReported` maps internal parameters to the units shown in messages; an analytic gradient (in θ) saves evaluations.
 */
export function fitMaximumLikelihood(
  model: string,
  names: readonly string[],
  meanNegLogLik: (theta: readonly number[]) => number,
  start: readonly number[],
  customers: number,
  toReported: (theta: readonly number[]) => number[] = (theta) => theta.slice(),
  meanNegLogLikGradient?: (theta: readonly number[]) => number[],
): ModelResult<RawFit> {
  const objective = (logTheta: readonly number[]) => meanNegLogLik(logTheta.map(Math.exp));
  // Chain rule to log-parameters: d/d(log θ) = θ d/dθ.
  const gradient = meanNegLogLikGradient
    ? (logTheta: readonly number[]) => {
        const theta = logTheta.map(Math.exp);
        return meanNegLogLikGradient(theta).map((g, i) => g * theta[i]);
      }
    : undefined;
  const x0 = start.map(Math.log);
  if (!Number.isFinite(objective(x0))) return failure(modelMessages.badLikelihood(model));
  const result = minimize(objective, x0, { gradientTolerance: 1e-7, gradientTarget: 1e-10, gradient });
  const theta = result.x.map(Math.exp);
  const reported = toReported(theta);
  const runaway = result.x.findIndex((v) => Math.abs(v) > DIVERGED);
  if (runaway >= 0)
    return failure(
      modelMessages.diverged(model, names[runaway], reported[runaway], result.x[runaway] > 0),
      result.convergence,
    );
  if (!result.convergence.converged) {
    return failure(
      modelMessages.notConverged(model, result.convergence.iterations, result.convergence.gradientNorm),
      result.convergence,
    );
  }
  const warnings: string[] = [];
  if (customers < FEW_CUSTOMERS) warnings.push(modelMessages.fewCustomers(model, customers));
  result.x.forEach((v, i) => {
    if (Math.abs(v) > EXTREME) warnings.push(modelMessages.extremeParameter(model, names[i], reported[i]));
  });
  return success({ theta, convergence: result.convergence, warnings });
}
