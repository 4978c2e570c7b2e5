import { describe, expect, it } from "vitest";
import {
  digamma,
  hyp2f1,
  hyp2f1Minus1,
  logAddExp,
  logBeta,
  logGamma,
  logSubExp,
} from "../../../src/recipes/models/special-functions";

describe("logGamma(x)", () => {
  it("matches exact values to about 15 digits", () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(logGamma(3.5)).toBeCloseTo(Math.log(3.323350970447843), 14);
    // lgamma(100) = log(99!)
    let log99 = 0;
    for (let k = 2; k <= 99; k++) log99 += Math.log(k);
    expect(logGamma(100)).toBeCloseTo(log99, 11);
  });

  it("is accurate near 0 and for negative non-integers (reflection)", () => {
    const eulerGamma = 0.5772156649015329;
    expect(logGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - eulerGamma * 1e-8, 12);
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
    expect(logGamma(-2.5)).toBeCloseTo(Math.log((8 / 15) * Math.sqrt(Math.PI)), 13);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(NaN)).toBeNaN();
  });

  it("agrees with Stirling's series for large x", () => {
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(Math.abs(logGamma(x) - stirling) / stirling).toBeLessThan(1e-14);
  });

  it("satisfies Γ(x+1) = xΓ(x) across the range fits use", () => {
    for (const x of [1e-6, 0.01, 0.243, 0.793, 1.5, 2.426, 7.3, 41.2, 987.6]) {
      // Tolerance relative to the size of the values subtracted.
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(
        2e-15 * Math.max(1, Math.abs(logGamma(x + 1))) + 1e-14,
      );
    }
  });
});

describe("logBeta(a, b) and digamma(x)", () => {
  it("logBeta matches B(2, 3) = 1/12 and B(0.5, 0.5) = π", () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });

  it("digamma matches known values and the derivative of logGamma", () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.log(2), 14);
    expect(digamma(-0.5)).toBeCloseTo(0.03648997397857652, 13);
    for (const x of [0.7, 3.3, 25]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 7);
    }
    for (const x of [0.05, 0.243, 9.5]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 12);
  });
});

describe("hyp2f1(a, b, c, z)", () => {
  it("matches closed forms inside the unit interval", () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
      expect(hyp2f1(0.7, 1.3, 1.3, z)).toBeCloseTo(Math.pow(1 - z, -0.7), 10);
      const w = Math.sqrt(z);
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(Math.asin(w) / w, 12);
    }
  });

  it("handles negative z, directly and through Pfaff's transformation", () => {
    for (const z of [-0.3, -0.9, -3, -50]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(Math.log1p(-z) / -z, 12);
    }
  });

  it("terminates for a non-positive integer a and refuses a pole in c or z >= 1", () => {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 15);
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, NaN)).toBeNaN();
  });

  it("hyp2f1Minus1 keeps full relative accuracy when the result is tiny", () => {
    // 2F1(1, b; 2; z) - 1 ≈ b z / 2 for small b.
    // To first order in b, 2F1(1, b; 2; z) - 1 = b Σ z^n / (n (n + 1)); subtracting 1 from 2F1 would leave no digits.
    const b = 1e-12;
    const z = 0.4;
    let sum = 0;
    for (let n = 1; n < 200; n++) sum += Math.pow(z, n) / (n * (n + 1));
    expect(Math.abs(hyp2f1Minus1(1, b, 2, z) - b * sum) / (b * sum)).toBeLessThan(1e-9);
  });
});

describe("logAddExp(u, v) and logSubExp(u, v)", () => {
  it("add and subtract in log space without overflow", () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 14);
    expect(logSubExp(2, 2)).toBe(-Infinity);
    expect(logSubExp(1, 2)).toBeNaN();
  });
});
