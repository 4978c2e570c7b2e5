import { describe, expect, it } from "vitest";
import { bgNbdExpected, bgNbdPAlive } from "../../../src/recipes/models/bgnbd";
import { customerLifetimeValue, formulaLifetimeValue } from "../../../src/recipes/models/clv";
import { gammaGammaExpectedSpend } from "../../../src/recipes/models/gamma-gamma";
import { setLocale } from "../../../src/messages/locale";
import { loadLocale } from "../../../src/messages/load-locale";

const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
const month = 365.25 / 12 / 7;

describe("customerLifetimeValue(bgNbd, gammaGamma, customers, options)", () => {
  const customers = [
    { x: 2, tx: 30.43, T: 38.86, meanSpend: 40 },
    { x: 0, tx: 0, T: 20, meanSpend: NaN },
    { x: 10, tx: 38, T: 38.5, meanSpend: 15 },
  ];

  it("sums discounted monthly increments of expected purchases times expected spend and margin", () => {
    const result = customerLifetimeValue(bg, gg, customers, {
      horizon: 12,
      periodLength: month,
      discountRate: 0.01,
      margin: 0.3,
    });
    if (!result.ok) throw new Error(result.error);
    customers.forEach((c, i) => {
      let byHand = 0;
      for (let k = 1; k <= 12; k++) {
        const increment =
          bgNbdExpected(bg, k * month, c.x, c.tx, c.T) - bgNbdExpected(bg, (k - 1) * month, c.x, c.tx, c.T);
        byHand += increment / 1.01 ** k;
      }
      const spend = gammaGammaExpectedSpend(gg, c.x, c.meanSpend);
      expect(result.value[i].clv).toBeCloseTo(byHand * spend * 0.3, 10);
      expect(result.value[i].expectedPurchases).toBeCloseTo(bgNbdExpected(bg, 12 * month, c.x, c.tx, c.T), 12);
      expect(result.value[i].pAlive).toBe(bgNbdPAlive(bg, c.x, c.tx, c.T));
      expect(result.value[i].expectedSpend).toBe(spend);
    });
  });

  it("without discounting equals expected purchases x spend x margin, and discounting lowers it", () => {
    const plain = customerLifetimeValue(bg, gg, customers, { horizon: 24, periodLength: month, discountRate: 0 });
    const discounted = customerLifetimeValue(bg, gg, customers, {
      horizon: 24,
      periodLength: month,
      discountRate: 0.02,
    });
    if (!plain.ok || !discounted.ok) throw new Error("CLV failed");
    plain.value.forEach((row, i) => {
      expect(row.clv).toBeCloseTo(row.expectedPurchases * row.expectedSpend, 10);
      expect(discounted.value[i].clv).toBeLessThan(row.clv);
    });
  });

  it("rejects bad options and customers with a message", () => {
    const errorOf = (result: ReturnType<typeof customerLifetimeValue>) => (result.ok ? "ok" : result.error);
    const options = { horizon: 12, periodLength: month, discountRate: 0.01 };
    expect(errorOf(customerLifetimeValue(bg, gg, customers, { ...options, horizon: 0 }))).toMatch(/horizon/);
    expect(errorOf(customerLifetimeValue(bg, gg, customers, { ...options, discountRate: -1 }))).toMatch(
      /discount rate/,
    );
    expect(errorOf(customerLifetimeValue(bg, gg, customers, { ...options, margin: 1.5 }))).toMatch(/margin share/);
    expect(errorOf(customerLifetimeValue(bg, gg, customers, { ...options, periodLength: NaN }))).toMatch(
      /period length/,
    );
    expect(errorOf(customerLifetimeValue(bg, gg, [{ x: 2, tx: 3, T: 5, meanSpend: -1 }], options))).toMatch(
      /Customer 1: mean spend -1/,
    );
    expect(
      errorOf(customerLifetimeValue(bg, { ...gg, q: 0.8 }, [{ x: 0, tx: 0, T: 5, meanSpend: NaN }], options)),
    ).toMatch(/unbounded/);
  });

  it("says what is wrong in Chinese with the UI in zh-CN", async () => {
    const errorOf = (result: ReturnType<typeof customerLifetimeValue>) => (result.ok ? "ok" : result.error);
    const options = { horizon: 12, periodLength: month, discountRate: 0.01 };
    await loadLocale("zh-CN");
    setLocale("zh-CN");
    try {
      expect(errorOf(customerLifetimeValue(bg, gg, customers, { ...options, horizon: 0 }))).toBe(
        "预测期数为 0，但必须是不小于 1 的整数期数。",
      );
      expect(errorOf(customerLifetimeValue(bg, gg, [{ x: 2, tx: 3, T: 5, meanSpend: -1 }], options))).toBe(
        "第 1 个客户：平均消费金额 -1 不是正数。",
      );
      expect(errorOf(customerLifetimeValue(bg, gg, [{ x: 1, tx: 6, T: 5, meanSpend: 3 }], options))).toMatch(
        /^第 1 行客户：t_x（最后一次购买的时间）为 6，但不能晚于 T = 5。/,
      );
    } finally {
      setLocale("en");
    }
    expect(errorOf(customerLifetimeValue(bg, gg, customers, { ...options, horizon: 0 }))).toMatch(/The horizon/);
  });
});

describe("formulaLifetimeValue(options)", () => {
  it("is the sum of m r^t / (1 + d)^t over t = 0..T-1 minus the acquisition cost", () => {
    const result = formulaLifetimeValue({
      margin: 100,
      retention: 0.8,
      discountRate: 0.1,
      horizon: 3,
      acquisitionCost: 50,
    });
    expect(result.ok && result.value).toBeCloseTo(100 + 80 / 1.1 + 64 / 1.21 - 50, 10);
  });

  it("rejects a retention outside [0, 1] and a horizon that is not a whole number", () => {
    expect(formulaLifetimeValue({ margin: 100, retention: 1.2, discountRate: 0.1, horizon: 3 }).ok).toBe(false);
    expect(formulaLifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 2.5 }).ok).toBe(false);
  });
});
