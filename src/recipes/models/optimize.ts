// Unconstrained minimisation for the model fits: BFGS (analytic or central-difference gradient), with
// Nelder-Mead rounds (and restarts) as the fallback when BFGS alone does not reach a small gradient.
// Fits call it on log-parameters, so every point it tries is a valid parameter vector.

/** A function to minimise; NaN or an infinite value marks a point to stay away from. */
export type Objective = (x: readonly number[]) => number;

/** How a minimisation ended, for the user and for deciding whether to trust the result. */
export interface Convergence {
  /** True when the final gradient is below the tolerance (first-order optimality). */
  readonly converged: boolean;
  readonly iterations: number;
  readonly evaluations: number;
  /** Largest absolute component of the (numeric) gradient at the returned point. */
  readonly gradientNorm: number;
  /** Size of the last Nelder-Mead simplex (largest distance of a vertex from the best one); absent when BFGS sufficed. */
  readonly simplexSize?: number;
}

/** The best point found, its value and how the search ended. */
export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly convergence: Convergence;
}

/** Tuning of `minimize`; the defaults suit smooth objectives of a few parameters scaled to O(1). */
export interface MinimizeOptions {
  /** Converged when every gradient component is below this (default 1e-6). */
  readonly gradientTolerance?: number;
  /** BFGS keeps going until the gradient is below this or progress stalls (default gradientTolerance / 100). */
  readonly gradientTarget?: number;
  /** Cap on Nelder-Mead plus BFGS iterations (default 5000). */
  readonly maxIterations?: number;
  /** Edge of the first Nelder-Mead simplex (default 0.5). */
  readonly initialStep?: number;
  /** An analytic gradient; without it central differences are used. */
  readonly gradient?: (x: readonly number[]) => number[];
}

/** Counts evaluations and turns NaN into +Infinity so that comparisons stay meaningful. */
function counted(f: Objective): { f: Objective; count: () => number } {
  let n = 0;
  return {
    f: (x) => {
      n++;
      const v = f(x);
      return Number.isNaN(v) ? Infinity : v;
    },
    count: () => n,
  };
}

/** The central-difference gradient of f at x, with step h (default 1e-5, for O(1) coordinates). */
export function numericGradient(f: Objective, x: readonly number[], h = 1e-5): number[] {
  const g = new Array<number>(x.length);
  const probe = x.slice();
  for (let i = 0; i < x.length; i++) {
    const step = h * Math.max(1, Math.abs(x[i]));
    probe[i] = x[i] + step;
    const up = f(probe);
    probe[i] = x[i] - step;
    const down = f(probe);
    probe[i] = x[i];
    g[i] = (up - down) / (2 * step);
  }
  return g;
}

const maxAbs = (v: readonly number[]) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);

/** Nelder-Mead simplex search from x0; stops when the simplex values agree to ftol (relative) and its vertices to xtol. */
export function nelderMead(
  objective: Objective,
  x0: readonly number[],
  options: { initialStep?: number; maxIterations?: number; ftol?: number; xtol?: number } = {},
): Minimum & { iterations: number } {
  const { f, count } = counted(objective);
  const n = x0.length;
  const step = options.initialStep ?? 0.5;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const ftol = options.ftol ?? 1e-12;
  const xtol = options.xtol ?? 1e-6;
  // Adaptive coefficients (Gao & Han 2012) for n >= 2, equal to the classic (1, 2, 0.5, 0.5) at n = 2.
  const adaptive = n >= 2;
  const alpha = 1;
  const gamma = adaptive ? 1 + 2 / n : 2;
  const rho = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = adaptive ? 1 - 1 / n : 0.5;
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const v = x0.slice();
    v[i] += step;
    simplex.push(v);
  }
  let values = simplex.map(f);
  const size = () => Math.max(...simplex.slice(1).map((v) => maxAbs(v.map((e, i) => e - simplex[0][i]))));
  let iterations = 0;
  let settled = false;
  const along = (from: number[], to: number[], t: number) => from.map((e, i) => e + t * (to[i] - e));
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const best = values[0];
    const worst = values[n];
    const spread = worst - best;
    // Stop when values and vertices agree, or when the values agree far below ftol (a flat valley).
    settled =
      Number.isFinite(worst) &&
      spread <= ftol * (Math.abs(best) + 1) &&
      (size() <= xtol || spread <= 1e-3 * ftol * (Math.abs(best) + 1));
    if (settled) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const reflected = along(centroid, simplex[n], -alpha);
    const fr = f(reflected);
    if (fr < values[0]) {
      const expanded = along(centroid, simplex[n], -gamma);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const outside = fr < values[n];
      const contracted = along(centroid, outside ? reflected : simplex[n], rho);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[n])) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = along(simplex[0], simplex[i], sigma);
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return {
    x: simplex[bestIndex].slice(),
    value: values[bestIndex],
    iterations,
    // Nelder-Mead knows no gradient: "converged" here means the simplex settled before the iteration cap.
    convergence: { converged: settled, iterations, evaluations: count(), gradientNorm: NaN, simplexSize: size() },
  };
}

/**
 * Quasi-Newton (BFGS) minimisation from x0 with a backtracking line search, run until the gradient is below
 * the target or progress stalls at the objective's noise floor; converged when the gradient is below the tolerance.
 */
export function bfgs(objective: Objective, x0: readonly number[], options: MinimizeOptions = {}): Minimum {
  const { f, count } = counted(objective);
  const n = x0.length;
  const gtol = options.gradientTolerance ?? 1e-6;
  const target = options.gradientTarget ?? gtol / 100;
  const maxIterations = options.maxIterations ?? 500;
  const grad = options.gradient ?? ((x: readonly number[]) => numericGradient(f, x));
  let x = x0.slice();
  let fx = f(x);
  let g = grad(x);
  let H = identity(n);
  let fresh = true;
  let iterations = 0;
  let failures = 0;
  let stalled = 0;
  let bestNorm = maxAbs(g);
  for (; iterations < maxIterations && maxAbs(g) > target; iterations++) {
    if (!Number.isFinite(fx) || !g.every(Number.isFinite)) break;
    let p = H.map((row) => -dot(row, g));
    let slope = dot(g, p);
    if (!(slope < 0)) {
      H = identity(n);
      p = g.map((e) => -e);
      slope = dot(g, p);
      fresh = true;
    }
    // Never move more than 2 in any coordinate at once: on log-parameters that is a factor e^2.
    let t = Math.min(1, 2 / maxAbs(p));
    // Below this predicted decrease, f's rounding noise decides the line search: we are at the noise floor.
    const noise = 1e-15 * (Math.abs(fx) + 1);
    if (-t * slope < noise) break;
    let xn = x;
    let fn = Infinity;
    for (let k = 0; k < 60 && -t * slope >= noise; k++, t *= 0.5) {
      xn = x.map((e, i) => e + t * p[i]);
      fn = f(xn);
      if (fn <= fx + 1e-4 * t * slope) break;
    }
    if (!(fn <= fx + 1e-4 * t * slope)) {
      // The line search failed: forget the curvature once, then give up (numerical noise floor).
      if (fresh || ++failures > 2) break;
      H = identity(n);
      fresh = true;
      continue;
    }
    const gn = grad(xn);
    const s = xn.map((e, i) => e - x[i]);
    const y = gn.map((e, i) => e - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-14 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) H = identity(n).map((row) => row.map((e) => (e * sy) / dot(y, y)));
      H = bfgsUpdate(H, s, y, sy);
      fresh = false;
    }
    // Ten steps that neither shrink the gradient nor lower f beyond rounding: we are at the noise floor.
    const norm = maxAbs(gn);
    if (norm < bestNorm) [bestNorm, stalled] = [norm, 0];
    else if (fx - fn <= 1e-12 * (Math.abs(fx) + 1)) stalled++;
    else stalled = 0;
    x = xn;
    fx = fn;
    g = gn;
    if (stalled >= 10) break;
  }
  const gradientNorm = maxAbs(g);
  return {
    x,
    value: fx,
    convergence: {
      converged: Number.isFinite(fx) && gradientNorm <= gtol,
      iterations,
      evaluations: count(),
      gradientNorm,
    },
  };
}

/**
 * Minimise a smooth function of a few O(1) variables: BFGS from x0; if that does not converge, rounds of
 * Nelder-Mead (restarted at its best point until it stops improving) each followed by a BFGS polish.
 */
export function minimize(objective: Objective, x0: readonly number[], options: MinimizeOptions = {}): Minimum {
  const maxIterations = options.maxIterations ?? 5000;
  const bfgsOptions = (used: number) => ({
    ...options,
    maxIterations: Math.max(1, Math.min(300, maxIterations - used)),
  });
  const first = bfgs(objective, x0, bfgsOptions(0));
  let iterations = first.convergence.iterations;
  let evaluations = first.convergence.evaluations;
  let x = first.x;
  let value = Number.isNaN(first.value) ? Infinity : first.value;
  let simplexSize: number | undefined;
  let converged = first.convergence.converged;
  if (!Number.isFinite(value)) [x, value] = [x0.slice(), Infinity];
  for (let round = 0; round < 3 && !converged && iterations < maxIterations; round++) {
    // Simplex restarts shake Nelder-Mead out of a collapsed simplex; the smaller step near the optimum saves work.
    for (let restart = 0; restart < 4 && iterations < maxIterations; restart++) {
      const step = round === 0 && restart === 0 ? (options.initialStep ?? 0.5) : 0.05;
      const nm = nelderMead(objective, x, {
        initialStep: step,
        maxIterations: Math.min(maxIterations - iterations, 1000 * x.length),
        ftol: 1e-10,
      });
      iterations += nm.iterations;
      evaluations += nm.convergence.evaluations;
      simplexSize = nm.convergence.simplexSize;
      const improved = value - nm.value > 1e-10 * (Math.abs(nm.value) + 1);
      if (nm.value <= value) [x, value] = [nm.x, nm.value];
      if (!improved) break;
    }
    const polished = bfgs(objective, x, bfgsOptions(iterations));
    iterations += polished.convergence.iterations;
    evaluations += polished.convergence.evaluations;
    if (polished.value <= value) [x, value] = [polished.x, polished.value];
    converged = polished.convergence.converged;
  }
  const gtol = options.gradientTolerance ?? 1e-6;
  const g = options.gradient ? options.gradient(x) : numericGradient(objective, x);
  evaluations += options.gradient ? 0 : 2 * x.length;
  const gradientNorm = maxAbs(g);
  return {
    x,
    value,
    convergence: {
      converged: Number.isFinite(value) && g.every(Number.isFinite) && gradientNorm <= gtol,
      iterations,
      evaluations,
      gradientNorm,
      ...(simplexSize === undefined ? {} : { simplexSize }),
    },
  };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function dot(u: readonly number[], v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

/** H+ = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function bfgsUpdate(H: number[][], s: number[], y: number[], sy: number): number[][] {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  const out = identity(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i][j] = H[i][j] - rho * (s[i] * Hy[j] + Hy[i] * s[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
    }
  }
  return out;
}
