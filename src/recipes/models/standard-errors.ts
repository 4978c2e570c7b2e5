// Standard errors of maximum-likelihood estimates: the observed information is minus the numerical Hessian of
// the log-likelihood at the optimum (central second differences on log-parameters), and its inverse the covariance.

/** Estimates with their standard errors (NaN when the information matrix is not positive definite). */
export interface StandardErrors {
  readonly se: number[];
  /** Whether every standard error is finite, i.e. the curvature at the optimum determines every parameter. */
  readonly determined: boolean;
}

// Steps in log-parameter space: ~eps^(1/4), the balance of truncation and rounding error for second differences.
const STEP = 1e-4;

/** The Hessian of `f` at `x` by central second differences with step `h` in every coordinate. */
export function numericalHessian(f: (x: readonly number[]) => number, x: readonly number[], h = STEP): number[][] {
  const n = x.length;
  const at = (di: number, i: number, dj: number, j: number) => {
    const y = x.slice();
    y[i] += di;
    y[j] += dj;
    return f(y);
  };
  const f0 = f(x);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    H[i][i] = (at(h, i, 0, i) - 2 * f0 + at(-h, i, 0, i)) / (h * h);
    for (let j = i + 1; j < n; j++) {
      H[i][j] = H[j][i] = (at(h, i, h, j) - at(h, i, -h, j) - at(-h, i, h, j) + at(-h, i, -h, j)) / (4 * h * h);
    }
  }
  return H;
}

/** The inverse of a symmetric matrix by Gauss-Jordan elimination with partial pivoting; undefined when singular. */
export function invert(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > 1e-300)) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let k = 0; k < 2 * n; k++) a[col][k] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col || a[r][col] === 0) continue;
      const m = a[r][col];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= m * a[col][k];
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Standard errors of positive parameters `theta` at the maximum of `logLik` (the total log-likelihood, not a mean):
 * the Hessian is taken in log θ, and SE(θ) = θ SE(log θ) (the delta method, exact in the covariance at the optimum).
 */
export function standardErrors(logLik: (theta: readonly number[]) => number, theta: readonly number[]): StandardErrors {
  const logTheta = theta.map(Math.log);
  const H = numericalHessian((l) => logLik(l.map(Math.exp)), logTheta);
  const covariance = invert(H.map((row) => row.map((v) => -v)));
  const se = theta.map((t, i) => {
    const variance = covariance?.[i][i];
    return variance !== undefined && variance > 0 && Number.isFinite(variance) ? t * Math.sqrt(variance) : NaN;
  });
  return { se, determined: se.every(Number.isFinite) };
}
