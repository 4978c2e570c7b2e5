import { beforeAll, describe, expect, it } from "vitest";
import {
  bgNbdCohortCumulative,
  bgNbdExpected,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodGradient,
  bgNbdPAlive,
  bgNbdUnconditional,
  fitBgNbd,
  type BgNbdFit,
} from "../../../src/recipes/models/bgnbd";
import { hyp2f1 } from "../../../src/recipes/models/special-functions";
import { compressSummaries } from "../../../src/recipes/models/summary";
import { prepareCdnow, type CdnowCustomer } from "./cdnow";

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
let customers: CdnowCustomer[];
let fit: BgNbdFit;

beforeAll(() => {
  customers = prepareCdnow();
  const result = fitBgNbd(customers);
  if (!result.ok) throw new Error(result.error);
  fit = result.value;
});

describe("fitBgNbd(rows) on CDNOW", () => {
  it("prepares the data as in the literature: 2,357 customers, 946 repeat buyers, 2,457 repeat purchases", () => {
    expect(customers).toHaveLength(2357);
    expect(customers.filter((c) => c.x > 0)).toHaveLength(946);
    expect(customers.reduce((s, c) => s + c.x, 0)).toBe(2457);
  });

  it("reproduces the published parameters r, alpha, a, b and log-likelihood to the printed precision", () => {
    expect(fit.params.r).toBeCloseTo(published.r, 3);
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 3);
    expect(fit.params.a).toBeCloseTo(published.a, 3);
    expect(fit.params.b).toBeCloseTo(published.b, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.customers).toBe(2357);
    expect(fit.convergence.converged).toBe(true);
    expect(fit.convergence.gradientNorm).toBeLessThan(1e-7);
    expect(fit.warnings).toEqual([]);
  });

  it("reproduces the conditional expectation 1.226 for x = 2, t_x = 30.43, T = 38.86 over 39 weeks", () => {
    expect(bgNbdExpected(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it("fits the compressed rows to the same optimum as one row per customer", () => {
    const compressed = compressSummaries(customers);
    expect(compressed.x.length).toBeLessThan(customers.length);
    const rows = Array.from(compressed.x, (x, i) => ({
      x,
      tx: compressed.tx[i],
      T: compressed.T[i],
      count: compressed.count[i],
    }));
    const again = fitBgNbd(rows);
    expect(again.ok && again.value.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expect(bgNbdLogLikelihood(fit.params, rows)).toBeCloseTo(bgNbdLogLikelihood(fit.params, customers), 8);
  });

  it("gives the same parameters when time is in days instead of weeks (alpha scales by 7)", () => {
    const days = fitBgNbd(customers.map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 })));
    if (!days.ok) throw new Error(days.error);
    expect(days.value.params.r).toBeCloseTo(fit.params.r, 5);
    expect(days.value.params.alpha / 7).toBeCloseTo(fit.params.alpha, 4);
    expect(days.value.params.b).toBeCloseTo(fit.params.b, 4);
  });

  it("predicts the calibration repeat purchases of the cohort within 2 % and under-forecasts the holdout, as published", () => {
    const [calibration, end] = bgNbdCohortCumulative(
      fit.params,
      customers.map((c) => c.birth),
      [273 / 7, 546 / 7],
    );
    expect(calibration / 2457).toBeGreaterThan(0.98);
    expect(calibration / 2457).toBeLessThan(1.04);
    const actualHoldout = customers.reduce((s, c) => s + c.holdoutPurchases, 0);
    expect(actualHoldout).toBe(1882);
    expect((end - calibration) / actualHoldout).toBeGreaterThan(0.8);
    expect((end - calibration) / actualHoldout).toBeLessThan(1);
  });
});

describe("bgNbdLogLikelihood(params, rows)", () => {
  it("is finite for customers with x = 0 and equals its closed form r log(alpha / (alpha + T))", () => {
    const p = { r: 0.5, alpha: 3, a: 0.8, b: 2 };
    expect(bgNbdLogLikelihood(p, [{ x: 0, tx: 0, T: 10 }])).toBeCloseTo(0.5 * Math.log(3 / 13), 14);
    expect(bgNbdLogLikelihood(p, [{ x: 0, tx: 0, T: 0 }])).toBeCloseTo(0, 14);
  });

  it("has an analytic gradient that matches central differences", () => {
    const p = { r: 0.3, alpha: 5, a: 0.7, b: 2.2 };
    const g = bgNbdLogLikelihoodGradient(p, customers);
    const keys = ["r", "alpha", "a", "b"] as const;
    keys.forEach((key, i) => {
      const h = 1e-6 * p[key];
      const up = bgNbdLogLikelihood({ ...p, [key]: p[key] + h }, customers);
      const down = bgNbdLogLikelihood({ ...p, [key]: p[key] - h }, customers);
      expect(g[i]).toBeCloseTo((up - down) / (2 * h), 2);
    });
  });
});

describe("bgNbdPAlive, bgNbdExpected and bgNbdUnconditional", () => {
  const p = published;

  it("P(alive) is 1 without repeat purchases, and falls the longer a buyer has been silent", () => {
    expect(bgNbdPAlive(p, 0, 0, 30)).toBe(1);
    const recent = bgNbdPAlive(p, 3, 37, 38);
    const silent = bgNbdPAlive(p, 3, 5, 38);
    expect(recent).toBeGreaterThan(silent);
    expect(silent).toBeGreaterThan(0);
    // 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
    expect(bgNbdPAlive(p, 2, 30.43, 38.86)).toBeCloseTo(1 / (1 + (0.793 / 3.426) * (43.274 / 34.844) ** 2.243), 12);
  });

  it("agree with FHL's formulas evaluated with the untransformed 2F1", () => {
    const direct = (t: number, x: number, tx: number, T: number) => {
      const { r, alpha, a, b } = p;
      const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
      const bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * f;
      const alive = x > 0 ? 1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 1;
      return (((a + b + x - 1) / (a - 1)) * bracket) / alive;
    };
    for (const [t, x, tx, T] of [
      [39, 2, 30.43, 38.86],
      [10, 0, 0, 20],
      [52, 7, 35, 38],
      [26, 1, 2, 30],
    ]) {
      expect(bgNbdExpected(p, t, x, tx, T)).toBeCloseTo(direct(t, x, tx, T), 10);
    }
    const { r, alpha, a, b } = p;
    const t = 20;
    const unconditional =
      ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
    expect(bgNbdUnconditional(p, t)).toBeCloseTo(unconditional, 10);
  });

  it("the conditional expectation of a brand-new customer equals the unconditional one", () => {
    expect(bgNbdExpected(p, 39, 0, 0, 0)).toBeCloseTo(bgNbdUnconditional(p, 39), 12);
    expect(bgNbdUnconditional(p, 0)).toBe(0);
  });

  it("stays finite for heavy buyers, long horizons and a = 1", () => {
    const heavy = bgNbdExpected(p, 520, 60, 38, 38.5);
    expect(Number.isFinite(heavy)).toBe(true);
    expect(heavy).toBeGreaterThan(bgNbdExpected(p, 52, 60, 38, 38.5));
    const atOne = bgNbdExpected({ ...p, a: 1 }, 39, 2, 30, 38);
    const near = bgNbdExpected({ ...p, a: 1 + 1e-6 }, 39, 2, 30, 38);
    expect(atOne).toBeCloseTo(near, 5);
  });
});

describe("fitBgNbd(rows) on bad input", () => {
  it("refuses an empty summary, one customer, no repeat purchases and invalid rows with a message", () => {
    const messageOf = (rows: Parameters<typeof fitBgNbd>[0]) => {
      const result = fitBgNbd(rows);
      return result.ok ? "ok" : result.error;
    };
    expect(messageOf([])).toMatch(/no customers/);
    expect(messageOf([{ x: 3, tx: 20, T: 30 }])).toMatch(/only one customer/);
    expect(messageOf(Array.from({ length: 50 }, (_, i) => ({ x: 0, tx: 0, T: 10 + i })))).toMatch(
      /no customer bought again/,
    );
    expect(
      messageOf([
        { x: 1, tx: NaN, T: 3 },
        { x: 0, tx: 0, T: 3 },
      ]),
    ).toMatch(/row 1: t_x .* is NaN/);
    expect(
      messageOf([
        { x: 0, tx: 0, T: 3 },
        { x: 1, tx: 5, T: 3 },
      ]),
    ).toMatch(/row 2: t_x .* later than T/);
    expect(messageOf([{ x: 1.5, tx: 1, T: 3 }])).toMatch(/whole number/);
  });

  it("says so when the data do not identify the model instead of returning runaway parameters", () => {
    // Everyone buys steadily to the end of the period: no sign of dropout, so b runs off to infinity.
    const rows = Array.from({ length: 200 }, (_, i) => ({ x: 5 + (i % 7), tx: 30, T: 30 }));
    const result = fitBgNbd(rows);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/drives|did not converge/);
  });
});
