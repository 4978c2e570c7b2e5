// Standard errors of the BG/NBD and Gamma-Gamma fits on CDNOW: against an independent computation (the
// Hessian as central differences of the analytic gradient, inverted directly in θ), against the values the
// `lifetimes` package documents for the same fits, and the flag on a parameter the data barely determine.
import { beforeAll, describe, expect, it } from "vitest";
import { bgNbdLogLikelihoodGradient, fitBgNbd, type BgNbdFit } from "../../../src/recipes/models/bgnbd";
import {
  fitGammaGamma,
  gammaGammaLogLikelihoodGradient,
  type GammaGammaFit,
} from "../../../src/recipes/models/gamma-gamma";
import { invert, numericalHessian, standardErrors } from "../../../src/recipes/models/standard-errors";
import { prepareCdnow, type CdnowCustomer } from "./cdnow";
import { simulateCustomers } from "./synthetic";

/** SEs from the Hessian as forward-backward differences of the analytic gradient, in θ itself. */
function independentSe(gradient: (theta: number[]) => number[], theta: number[]): number[] {
  const n = theta.length;
  const H = theta.map((_, j) => {
    const h = 1e-5 * theta[j];
    const up = theta.slice(),
      down = theta.slice();
    up[j] += h;
    down[j] -= h;
    const gu = gradient(up),
      gd = gradient(down);
    return gu.map((g, i) => (g - gd[i]) / (2 * h));
  });
  const sym = H.map((row, i) => row.map((v, j) => (v + H[j][i]) / 2));
  const cov = invert(sym.map((row) => row.map((v) => -v)))!;
  return Array.from({ length: n }, (_, i) => Math.sqrt(cov[i][i]));
}

let customers: CdnowCustomer[];
let bg: BgNbdFit;
let gg: GammaGammaFit;
beforeAll(() => {
  customers = prepareCdnow();
  const b = fitBgNbd(customers);
  const g = fitGammaGamma(customers.map((c) => ({ x: c.x, meanSpend: c.meanRepeatSpend })));
  if (!b.ok || !g.ok) throw new Error("CDNOW fits failed");
  [bg, gg] = [b.value, g.value];
});

describe("standard errors on CDNOW", () => {
  it("BG/NBD: match the independent Hessian and the lifetimes documentation (r .0126, alpha .378, a .186, b .705)", () => {
    const { r, alpha, a, b } = bg.params;
    const se = bg.standardErrors;
    const other = independentSe(
      ([r1, al, a1, b1]) => bgNbdLogLikelihoodGradient({ r: r1, alpha: al, a: a1, b: b1 }, customers),
      [r, alpha, a, b],
    );
    [se.r, se.alpha, se.a, se.b].forEach((s, i) => expect(Math.abs(s / other[i] - 1)).toBeLessThan(1e-3));
    expect([se.r, se.alpha, se.a, se.b].map((s) => Number(s.toPrecision(2)))).toEqual([0.013, 0.38, 0.19, 0.71]);
    expect(bg.warnings).toEqual([]);
  });

  it("Gamma-Gamma: match the independent Hessian, and every parameter is determined", () => {
    const { p, q, gamma } = gg.params;
    const rows = customers.filter((c) => c.x > 0).map((c) => ({ x: c.x, meanSpend: c.meanRepeatSpend }));
    const other = independentSe(
      ([p1, q1, g1]) => gammaGammaLogLikelihoodGradient({ p: p1, q: q1, gamma: g1 }, rows),
      [p, q, gamma],
    );
    const se = gg.standardErrors;
    [se.p, se.q, se.gamma].forEach((s, i) => expect(Math.abs(s / other[i] - 1)).toBeLessThan(1e-3));
    console.log(
      `CDNOW SEs: BG/NBD r ${bg.standardErrors.r}, alpha ${bg.standardErrors.alpha}, a ${bg.standardErrors.a}, b ${bg.standardErrors.b}; Gamma-Gamma p ${se.p}, q ${se.q}, gamma ${se.gamma}`,
    );
    // The lifetimes documentation's Gamma-Gamma summary on the same 946 customers: p 1.19, q 0.290, v 4.16.
    expect([se.p, se.q, se.gamma].map((s) => Number(s.toPrecision(2)))).toEqual([1.2, 0.29, 4.2]);
    expect(gg.warnings.filter((w) => /standard error|determine/.test(w))).toEqual([]);
  });
});

describe("a parameter the data barely determine", () => {
  it("flags dropout when the data show little churn (simulated: mean dropout 0.5 % per purchase, 1,000 customers)", () => {
    const rows = simulateCustomers(1000, { r: 0.5, alpha: 5, a: 0.05, b: 10 }, { p: 6, q: 4, gamma: 15 }, { seed: 1 });
    const fit = fitBgNbd(rows);
    if (!fit.ok) throw new Error(fit.error);
    expect(fit.value.standardErrors.a).toBeGreaterThan(fit.value.params.a);
    expect(fit.value.warnings[0]).toContain(
      "BG/NBD: almost no customer is predicted to leave: the data shows too little churn to tell (dropout a = 0.11",
    );
  });

  it("numericalHessian is exact on a quadratic and standardErrors gives NaN on a flat direction", () => {
    const H = numericalHessian(([x, y]) => -(3 * x * x + 2 * x * y + y * y), [0.5, -1]);
    expect(H.map((r) => r.map((v) => Math.round(v * 1e4) / 1e4))).toEqual([
      [-6, -2],
      [-2, -2],
    ]);
    const curved = standardErrors(([x]) => -((Math.log(x) - 1) ** 2), [Math.E]);
    // -(log x - 1)^2 has curvature -2 in log x: SE(log x) = 1/sqrt(2), SE(x) = e/sqrt(2).
    expect(curved.se[0]).toBeCloseTo(Math.E / Math.SQRT2, 6);
    const none = standardErrors(([x, y]) => -((Math.log(x) - 1) ** 2) + 0 * y, [Math.E, 3]);
    expect(none.determined).toBe(false);
    expect(none.se[1]).toBeNaN();
  });
});
