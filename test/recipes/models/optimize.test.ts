import { describe, expect, it } from "vitest";
import { bfgs, minimize, nelderMead, numericGradient } from "../../../src/recipes/models/optimize";

const rosenbrock = (x: readonly number[]) => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return s;
};

describe("minimize(f, x0)", () => {
  it("finds the minimum of the 4-D Rosenbrock function and reports convergence", () => {
    const result = minimize(rosenbrock, [-1.2, 1, -1.2, 1]);
    for (const v of result.x) expect(v).toBeCloseTo(1, 5);
    expect(result.convergence.converged).toBe(true);
    expect(result.convergence.gradientNorm).toBeLessThan(1e-6);
    expect(result.convergence.evaluations).toBeGreaterThan(0);
  });

  it("stays out of regions where f is NaN or infinite", () => {
    // Defined only for x > 0 (as a likelihood outside its domain); the minimum is at x = 2.
    const f = (x: readonly number[]) => (x[0] <= 0 ? NaN : x[0] - 2 * Math.log(x[0]));
    const result = minimize(f, [5]);
    expect(result.x[0]).toBeCloseTo(2, 6);
    expect(result.convergence.converged).toBe(true);
  });

  it("says it did not converge when the iteration budget is too small", () => {
    const result = minimize(rosenbrock, [-1.2, 1, -1.2, 1], { maxIterations: 3 });
    expect(result.convergence.converged).toBe(false);
  });

  it("reports no convergence for an unbounded objective", () => {
    const result = minimize((x) => -x[0], [0], { maxIterations: 200 });
    expect(result.convergence.converged).toBe(false);
  });
});

describe("nelderMead(f, x0) and bfgs(f, x0)", () => {
  it("both reach the minimum of a tilted quadratic", () => {
    const f = (x: readonly number[]) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2 + x[0] * x[1];
    // The gradient vanishes where 2(x0 - 1) + x1 = 0 and 20(x1 + 2) + x0 = 0.
    const exact = [80 / 39, -82 / 39];
    const nm = nelderMead(f, [0, 0], { ftol: 1e-14 });
    const qn = bfgs(f, [0, 0]);
    expect(nm.x[0]).toBeCloseTo(exact[0], 4);
    expect(nm.x[1]).toBeCloseTo(exact[1], 4);
    expect(qn.x[0]).toBeCloseTo(exact[0], 6);
    expect(qn.x[1]).toBeCloseTo(exact[1], 6);
    expect(qn.convergence.converged).toBe(true);
  });

  it("numericGradient matches an analytic gradient", () => {
    const g = numericGradient(rosenbrock, [0.5, -0.3]);
    expect(g[0]).toBeCloseTo(-400 * 0.5 * (-0.3 - 0.25) - 2 * 0.5, 6);
    expect(g[1]).toBeCloseTo(200 * (-0.3 - 0.25), 6);
  });
});

describe("nelderMead(f, x0) in one dimension", () => {
  it("uses the classic coefficients and settles on the minimum", () => {
    const result = nelderMead((x) => (x[0] - 3) ** 2, [0]);
    expect(result.x[0]).toBeCloseTo(3, 5);
    expect(result.convergence.converged).toBe(true);
  });
});
