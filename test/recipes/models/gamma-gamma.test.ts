import { beforeAll, describe, expect, it } from "vitest";
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
  type GammaGammaFit,
} from "../../../src/recipes/models/gamma-gamma";
import { prepareCdnow, type CdnowCustomer } from "./cdnow";

let customers: CdnowCustomer[];
let fit: GammaGammaFit;

beforeAll(() => {
  customers = prepareCdnow();
  // The published fit: customers with repeat purchases in calibration, x = repeat purchases,
  // mean spend of those repeat purchases (same-day purchases merged, the first purchase left out).
  const result = fitGammaGamma(customers.map((c) => ({ x: c.x, meanSpend: c.meanRepeatSpend })));
  if (!result.ok) throw new Error(result.error);
  fit = result.value;
});

describe("fitGammaGamma(rows) on CDNOW", () => {
  it("reproduces the published p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat buyers' mean repeat spend", () => {
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
    expect(fit.customers).toBe(946);
    expect(fit.excluded).toBe(1411);
    expect(fit.convergence.converged).toBe(true);
    expect(fit.frequencySpendCorrelation).toBeCloseTo(0.11, 2);
    expect(fit.warnings).toEqual([]);
  });

  it("does not reproduce them with the mean of all calibration purchases (first purchase included)", () => {
    const all = fitGammaGamma(customers.map((c) => ({ x: c.x, meanSpend: c.meanSpendAll })));
    expect(all.ok).toBe(true);
    if (all.ok) expect(Math.abs(all.value.params.p - 6.25)).toBeGreaterThan(1);
  });

  it("gives the same shape parameters when spend is in cents (gamma scales by 100)", () => {
    const cents = fitGammaGamma(customers.map((c) => ({ x: c.x, meanSpend: c.meanRepeatSpend * 100 })));
    if (!cents.ok) throw new Error(cents.error);
    expect(cents.value.params.p).toBeCloseTo(fit.params.p, 5);
    expect(cents.value.params.gamma / 100).toBeCloseTo(fit.params.gamma, 4);
  });

  it("has an analytic gradient that matches central differences", () => {
    const rows = customers.map((c) => ({ x: c.x, meanSpend: c.meanRepeatSpend }));
    const p = { p: 5, q: 3, gamma: 20 };
    const g = gammaGammaLogLikelihoodGradient(p, rows);
    (["p", "q", "gamma"] as const).forEach((key, i) => {
      const h = 1e-6 * p[key];
      const up = gammaGammaLogLikelihood({ ...p, [key]: p[key] + h }, rows);
      const down = gammaGammaLogLikelihood({ ...p, [key]: p[key] - h }, rows);
      expect(g[i]).toBeCloseTo((up - down) / (2 * h), 3);
    });
  });
});

describe("gammaGammaExpectedSpend(params, x, meanSpend)", () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  it("is the population mean p*gamma/(q-1) without purchases and shrinks a customer's mean towards it", () => {
    const population = (6.25 * 15.44) / 2.74;
    expect(gammaGammaExpectedSpend(params, 0, NaN)).toBeCloseTo(population, 10);
    const one = gammaGammaExpectedSpend(params, 1, 100);
    const many = gammaGammaExpectedSpend(params, 20, 100);
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    // The weighted-mean form: (q-1)/(px+q-1) * population + px/(px+q-1) * mean
    const w = 6.25 / (6.25 + 2.74);
    expect(one).toBeCloseTo((1 - w) * population + w * 100, 10);
  });

  it("is NaN when the population mean is unbounded (q <= 1) and there is no purchase", () => {
    expect(gammaGammaExpectedSpend({ p: 2, q: 0.9, gamma: 10 }, 0, NaN)).toBeNaN();
  });
});

describe("fitGammaGamma(rows) on bad input", () => {
  it("says what is wrong: no repeat buyers, one buyer, non-positive or missing spend, fractional x", () => {
    const messageOf = (rows: Parameters<typeof fitGammaGamma>[0]) => {
      const result = fitGammaGamma(rows);
      return result.ok ? "ok" : result.error;
    };
    expect(messageOf([{ x: 0, meanSpend: NaN }])).toMatch(/no customer has a repeat purchase/);
    expect(messageOf([{ x: 2, meanSpend: 10 }])).toMatch(/only one customer/);
    expect(
      messageOf([
        { x: 2, meanSpend: 10 },
        { x: 1, meanSpend: -5 },
      ]),
    ).toMatch(/row 2 has an average spend of -5/);
    expect(
      messageOf([
        { x: 2, meanSpend: NaN },
        { x: 1, meanSpend: 5 },
      ]),
    ).toMatch(/row 1 .* NaN/);
    expect(messageOf([{ x: 1.5, meanSpend: 10 }])).toMatch(/whole number/);
  });

  it("refuses identical spends, where the model is not identified", () => {
    const result = fitGammaGamma(Array.from({ length: 100 }, (_, i) => ({ x: 1 + (i % 4), meanSpend: 20 })));
    expect(result.ok).toBe(false);
  });
});
