// Pins k-means, the elbow and the silhouette to the numbers of the plain Lloyd implementation they replaced
// (captured from it before the bounded kernel and the shared k loop landed): a hand-checkable case and a
// seeded synthetic one, bit for bit.
import { describe, expect, it } from "vitest";
import { chooseK, elbow, silhouette } from "../../../src/recipes/models/cluster-diagnostics";
import { kmeans } from "../../../src/recipes/models/kmeans";
import { seededRandom } from "../../../src/recipes/models/prng";

/** 3,000 rows around five overlapping centres in three features (normal noise, widening per feature). */
function synthetic(): number[][] {
  const random = seededRandom(2024);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = [
    [0, 0, 0],
    [2, 1, 0],
    [0, 3, 1],
    [4, 4, 4],
    [1, 0, 5],
  ];
  return Array.from({ length: 3000 }, (_, i) => centres[i % 5].map((c, j) => c + normal() * (1 + j / 2)));
}

/** An order-sensitive checksum of the assignments. */
const digest = (a: readonly number[]) => a.reduce((s, c, i) => (s * 31 + c + i) % 1000000007, 0);

describe("kmeans(data, options) against the plain Lloyd implementation it replaced", () => {
  it("a hand-checkable case: two corners and a middle point that joins the nearer, larger side", () => {
    const result = kmeans(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [10, 10],
        [10, 11],
        [11, 10],
        [5, 5],
      ],
      { k: 2, seed: 1 },
    );
    if (!result.ok) throw new Error(result.error);
    const { assignments, clusters, withinSS, totalSS, iterations, converged } = result.value;
    expect(assignments).toEqual([0, 0, 0, 1, 1, 1, 0]);
    // By hand: the centres are the group means, (0 + 0 + 1 + 5) / 4 = 1.5 and 31 / 3.
    expect(clusters.map((c) => c.size)).toEqual([4, 3]);
    expect(clusters[0].center[0]).toBeCloseTo(1.5, 12);
    expect(clusters[1].center[1]).toBeCloseTo(31 / 3, 12);
    // By hand: within SS = (17 + 17 + 2/3 + 2/3) / sd^2 with sd^2 = 35.333... / 1.4 (both features alike), and the
    // total SS of z-scores is d (n - 1) = 12; the last bits are the old implementation's.
    expect(withinSS).toBeCloseTo(1.4, 12);
    expect([withinSS, totalSS, iterations, converged]).toEqual([1.3999999999999997, 11.999999999999998, 2, true]);
    expect(clusters.map((c) => c.withinSS)).toEqual([1.3471698113207546, 0.05283018867924527]);
    expect(clusters[0].centroid).toEqual([-0.7535629654230248, -0.7535629654230248]);
  });

  it.each([
    [5, 11, 300, [631, 618, 606, 593, 552], 219591332, 2992.8855995811386, 24, true],
    [8, 3, 300, [589, 481, 404, 355, 343, 301, 281, 246], 734390008, 2407.2137453881846, 25, true],
    [6, 5, 4, [559, 558, 545, 535, 466, 337], 935517248, 2790.354381586577, 4, false],
  ])(
    "a seeded synthetic case: k = %i, seed %i, at most %i iterations",
    (k, seed, maxIterations, sizes, sum, withinSS, iterations, converged) => {
      const result = kmeans(synthetic(), { k, seed, maxIterations });
      if (!result.ok) throw new Error(result.error);
      expect(result.value.clusters.map((c) => c.size)).toEqual(sizes);
      expect(digest(result.value.assignments)).toBe(sum);
      expect(result.value.withinSS).toBe(withinSS);
      expect(result.value.iterations).toBe(iterations);
      expect(result.value.converged).toBe(converged);
    },
  );

  it("a seeded synthetic case: the largest cluster's centroid to the last bit", () => {
    const result = kmeans(synthetic(), { k: 8, seed: 3 });
    expect(result.ok && result.value.clusters[0].centroid).toEqual([
      1.4629609709748415, 1.0938448376229601, 0.7368945694895099,
    ]);
  });
});

describe("elbow, silhouette and chooseK against the implementation they replaced", () => {
  const data = synthetic().slice(0, 600);
  const within = [
    1797.0000000000023, 1196.790365330305, 872.532924010499, 715.9604219322249, 614.4215448580767, 544.0306656071429,
  ];
  const silhouettes = [
    0.30301630197704105, 0.2966204947975928, 0.3028066728606935, 0.29168807202944985, 0.2718708792603061,
  ];

  it("elbow and silhouette give the pinned numbers", () => {
    const e = elbow(data, { maxK: 6, seed: 2 });
    const s = silhouette(data, { maxK: 6, seed: 2, sampleSize: 250 });
    expect(e.ok && e.value.map((x) => x.value)).toEqual(within);
    expect(s.ok && s.value.scores.map((x) => [x.k, x.value])).toEqual(silhouettes.map((v, i) => [i + 2, v]));
    expect(s.ok && s.value.sampled).toMatch(/250 of 600 rows/);
  });

  it("chooseK gives both in one pass, the same numbers", () => {
    const both = chooseK(data, { maxK: 6, seed: 2, sampleSize: 250 });
    if (!both.ok) throw new Error(both.error);
    expect(both.value.elbow.map((x) => x.value)).toEqual(within);
    expect(both.value.silhouette.map((x) => x.value)).toEqual(silhouettes);
    expect(both.value.sampled).toMatch(/250 of 600 rows/);
    expect(chooseK([[1, Number.NaN]], { maxK: 2 })).toMatchObject({ ok: false });
  });
});
