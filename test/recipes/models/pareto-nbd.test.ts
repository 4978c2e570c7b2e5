import { beforeAll, describe, expect, it } from "vitest";
import {
  fitParetoNbd,
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  paretoNbdUnconditional,
  type ParetoNbdFit,
  type ParetoNbdParams,
} from "../../../src/recipes/models/pareto-nbd";
import { logGamma } from "../../../src/recipes/models/special-functions";
import { prepareCdnow, type CdnowCustomer } from "./cdnow";

let customers: CdnowCustomer[];
let fit: ParetoNbdFit;

beforeAll(() => {
  customers = prepareCdnow();
  const result = fitParetoNbd(customers);
  if (!result.ok) throw new Error(result.error);
  fit = result.value;
});

/** Adaptive Simpson quadrature, an independent route to the likelihood's dropout integral. */
function integrate(f: (t: number) => number, a: number, b: number, tol = 1e-13): number {
  const simpson = (a: number, b: number, fa: number, fm: number, fb: number) => ((b - a) / 6) * (fa + 4 * fm + fb);
  const step = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, depth: number): number => {
    const m = (a + b) / 2;
    const [lm, rm] = [f((a + m) / 2), f((m + b) / 2)];
    const left = simpson(a, m, fa, lm, fm);
    const right = simpson(m, b, fm, rm, fb);
    if (depth > 40 || Math.abs(left + right - whole) <= 15 * tol * Math.abs(left + right))
      return left + right + (left + right - whole) / 15;
    return step(a, m, fa, lm, fm, left, depth + 1) + step(m, b, fm, rm, fb, right, depth + 1);
  };
  const [fa, fm, fb] = [f(a), f((a + b) / 2), f(b)];
  return step(a, b, fa, fm, fb, simpson(a, b, fa, fm, fb), 0);
}

/** The Pareto/NBD log-likelihood of one customer from its definition, with the integral done numerically. */
function quadratureLogLik({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
  const integral = tx < T ? integrate((t) => (alpha + t) ** -(r + x) * (beta + t) ** -(s + 1), tx, T) : 0;
  const bracket = (alpha + T) ** -(r + x) * (beta + T) ** -s + s * integral;
  return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + Math.log(bracket);
}

describe("fitParetoNbd(rows) on CDNOW", () => {
  it("reproduces the published r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669 and LL = -9595.0", () => {
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 3);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(fit.params.beta).toBeCloseTo(11.669, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(fit.convergence.converged).toBe(true);
  });

  it("predicts the published example customer by its closed form: rate (r+x)/(alpha+T) x expected lifetime x P(alive)", () => {
    const { r, alpha, s, beta } = fit.params;
    const [x, tx, T, t] = [2, 30.43, 38.86, 39];
    const lifetime = ((beta + T) / (s - 1)) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1));
    const expected = paretoNbdExpected(fit.params, t, x, tx, T);
    expect(expected).toBeCloseTo(((r + x) / (alpha + T)) * lifetime * paretoNbdPAlive(fit.params, x, tx, T), 12);
    // Higher than BG/NBD's 1.226 for this customer: the Pareto/NBD fit gives them a higher chance of being alive.
    expect(expected).toBeCloseTo(1.455, 3);
  });
});

describe("paretoNbdLogLikelihood(params, rows)", () => {
  const cases: Array<[number, number, number]> = [
    [0, 0, 38],
    [2, 30.43, 38.86],
    [7, 12, 39],
    [25, 38, 38.5],
    [1, 0.5, 0.6],
  ];

  it("matches numerical integration of its definition, for alpha < beta and alpha > beta", () => {
    const parameterSets: ParetoNbdParams[] = [
      { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
      { r: 0.8, alpha: 20, s: 1.4, beta: 3 },
      { r: 2, alpha: 5, s: 0.3, beta: 5 },
    ];
    for (const params of parameterSets) {
      for (const [x, tx, T] of cases) {
        expect(paretoNbdLogLikelihood(params, [{ x, tx, T }])).toBeCloseTo(quadratureLogLik(params, x, tx, T), 9);
      }
    }
  });

  it("sums over compressed rows like over one row per customer", () => {
    const rows = [
      { x: 2, tx: 10, T: 30, count: 3 },
      { x: 0, tx: 0, T: 30 },
    ];
    const expanded = [...Array(3).fill({ x: 2, tx: 10, T: 30 }), { x: 0, tx: 0, T: 30 }];
    expect(paretoNbdLogLikelihood(fit.params, rows)).toBeCloseTo(paretoNbdLogLikelihood(fit.params, expanded), 10);
  });
});

describe("paretoNbdPAlive and paretoNbdExpected", () => {
  const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

  it("P(alive) is the share of the 'alive at T' term in the likelihood", () => {
    const [x, tx, T] = [3, 10, 38];
    const integral = integrate((t) => (p.alpha + t) ** -(p.r + x) * (p.beta + t) ** -(p.s + 1), tx, T);
    const alive = (p.alpha + T) ** -(p.r + x) * (p.beta + T) ** -p.s;
    expect(paretoNbdPAlive(p, x, tx, T)).toBeCloseTo(alive / (alive + p.s * integral), 10);
    expect(paretoNbdPAlive(p, 3, 38, 38)).toBe(1);
  });

  it("the conditional expectation of a new customer equals the unconditional one; s = 1 is handled", () => {
    expect(paretoNbdExpected(p, 39, 0, 0, 0)).toBeCloseTo(paretoNbdUnconditional(p, 39), 12);
    const atOne = paretoNbdUnconditional({ ...p, s: 1 }, 39);
    expect(atOne).toBeCloseTo(((p.r * p.beta) / p.alpha) * Math.log1p(39 / p.beta), 12);
    expect(paretoNbdUnconditional({ ...p, s: 1 + 1e-9 }, 39)).toBeCloseTo(atOne, 7);
  });
});

describe("fitParetoNbd(rows) on bad input", () => {
  it("refuses empty, single-customer and repeat-free data with a message", () => {
    const errorOf = (rows: Parameters<typeof fitParetoNbd>[0]) => {
      const result = fitParetoNbd(rows);
      return result.ok ? "ok" : result.error;
    };
    expect(errorOf([])).toMatch(/Pareto\/NBD: there are no customers/);
    expect(errorOf([{ x: 1, tx: 2, T: 3 }])).toMatch(/only one customer/);
    expect(
      errorOf([
        { x: 0, tx: 0, T: 3 },
        { x: 0, tx: 0, T: 4 },
      ]),
    ).toMatch(/no customer bought again/);
  });
});
