import { describe, expect, it } from "vitest";
import { fitBgNbd } from "../../../src/recipes/models/bgnbd";
import { fitGammaGamma } from "../../../src/recipes/models/gamma-gamma";
import { simulateCustomers } from "./synthetic";

describe("fitBgNbd and fitGammaGamma on simulated customers", () => {
  it("recover the parameters they were simulated with (20,000 customers)", () => {
    const truth = { r: 0.5, alpha: 6, a: 0.6, b: 3 };
    const spend = { p: 5, q: 4, gamma: 20 };
    const customers = simulateCustomers(20_000, truth, spend, { seed: 11 });
    const bg = fitBgNbd(customers);
    if (!bg.ok) throw new Error(bg.error);
    expect(bg.value.params.r / truth.r).toBeGreaterThan(0.9);
    expect(bg.value.params.r / truth.r).toBeLessThan(1.1);
    expect(bg.value.params.alpha / truth.alpha).toBeGreaterThan(0.85);
    expect(bg.value.params.alpha / truth.alpha).toBeLessThan(1.15);
    expect(bg.value.params.a / truth.a).toBeGreaterThan(0.75);
    expect(bg.value.params.a / truth.a).toBeLessThan(1.25);
    expect(bg.value.params.b / truth.b).toBeGreaterThan(0.7);
    expect(bg.value.params.b / truth.b).toBeLessThan(1.3);
    const gg = fitGammaGamma(customers.map((c) => ({ x: c.x, meanSpend: c.meanSpend })));
    if (!gg.ok) throw new Error(gg.error);
    expect(gg.value.params.p / spend.p).toBeGreaterThan(0.9);
    expect(gg.value.params.p / spend.p).toBeLessThan(1.1);
    // p*gamma/(q-1), the population mean spend, is what the data pin down best.
    const mean = (gg.value.params.p * gg.value.params.gamma) / (gg.value.params.q - 1);
    expect(mean / ((spend.p * spend.gamma) / (spend.q - 1))).toBeGreaterThan(0.95);
    expect(mean / ((spend.p * spend.gamma) / (spend.q - 1))).toBeLessThan(1.05);
  });
});
