// Timings of the model fits (a benchmark, not a timed test): run with BENCH=1 npx vitest run test/recipes/models/bench.test.ts
import { describe, expect, it } from "vitest";
import { fitBgNbd } from "../../../src/recipes/models/bgnbd";
import { customerLifetimeValue } from "../../../src/recipes/models/clv";
import { elbow, silhouette } from "../../../src/recipes/models/cluster-diagnostics";
import { fitGammaGamma } from "../../../src/recipes/models/gamma-gamma";
import { kmeans } from "../../../src/recipes/models/kmeans";
import { fitParetoNbd } from "../../../src/recipes/models/pareto-nbd";
import { seededRandom } from "../../../src/recipes/models/prng";
import { compressSummaries } from "../../../src/recipes/models/summary";
import { prepareCdnow } from "./cdnow";
import { simulateCustomers } from "./synthetic";

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
}

describe.skipIf(!process.env.BENCH)("model timings", () => {
  it("CDNOW and 100,000 simulated customers", () => {
    const cdnow = time("prepare CDNOW (read + summarise)", () => prepareCdnow());
    for (const [name, customers] of [
      ["CDNOW (2,357)", cdnow.map((c) => ({ ...c, meanSpend: c.meanRepeatSpend }))],
      [
        "simulated (100,000)",
        simulateCustomers(100_000, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 6.25, q: 3.74, gamma: 15.44 }),
      ],
    ] as const) {
      console.log(`${name}: ${compressSummaries(customers).x.length} distinct (x, t_x, T) rows`);
      const bg = time(`${name} fitBgNbd`, () => fitBgNbd(customers));
      const gg = time(`${name} fitGammaGamma`, () =>
        fitGammaGamma(customers.map((c) => ({ x: c.x, meanSpend: c.meanSpend }))),
      );
      const pn = time(`${name} fitParetoNbd`, () => fitParetoNbd(customers));
      for (const fit of [bg, gg, pn]) {
        expect(fit.ok).toBe(true);
        if (fit.ok) console.log(`  ${JSON.stringify(fit.value.params)} ${JSON.stringify(fit.value.convergence)}`);
      }
      if (bg.ok && gg.ok) {
        const clv = time(`${name} CLV 12 months`, () =>
          customerLifetimeValue(bg.value.params, gg.value.params, customers, {
            horizon: 12,
            periodLength: 365.25 / 12 / 7,
            discountRate: 0.01,
          }),
        );
        expect(clv.ok).toBe(true);
      }
    }
    const random = seededRandom(1);
    const points = Array.from({ length: 100_000 }, (_, i) => {
      const g = i % 4;
      return [g * 3 + random(), g * 2 + random() * 2, random() * 5 - g];
    });
    time("kmeans 100,000 x 3, k = 4", () => kmeans(points, { k: 4, seed: 1 }));
    time("elbow 100,000 x 3, k = 1..8", () => elbow(points, { maxK: 8, seed: 1 }));
    time("silhouette 100,000 x 3, k = 2..8 (2,000 sample)", () => silhouette(points, { maxK: 8, seed: 1 }));
  });
});
