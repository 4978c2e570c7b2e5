import { describe, expect, it } from "vitest";
import { clusterProfile, elbow, silhouette } from "../../../src/recipes/models/cluster-diagnostics";
import { kmeans, standardize } from "../../../src/recipes/models/kmeans";
import { seededRandom } from "../../../src/recipes/models/prng";

// Three obvious groups in (recency days, orders, spend): 40 loyal, 25 lapsed, 15 big spenders.
function groups(seed = 3): number[][] {
  const random = seededRandom(seed);
  const jitter = (scale: number) => (random() - 0.5) * scale;
  const rows: number[][] = [];
  for (let i = 0; i < 40; i++) rows.push([10 + jitter(6), 12 + jitter(4), 300 + jitter(60)]);
  for (let i = 0; i < 25; i++) rows.push([200 + jitter(40), 2 + jitter(2), 80 + jitter(30)]);
  for (let i = 0; i < 15; i++) rows.push([40 + jitter(10), 5 + jitter(2), 2000 + jitter(200)]);
  return rows;
}

describe("kmeans(data, { k, seed })", () => {
  const data = groups();

  it("finds the three groups and numbers clusters by size, largest first", () => {
    const result = kmeans(data, { k: 3, seed: 42 });
    if (!result.ok) throw new Error(result.error);
    const { assignments, clusters } = result.value;
    expect(clusters.map((c) => c.size)).toEqual([40, 25, 15]);
    expect(assignments.slice(0, 40).every((c) => c === 0)).toBe(true);
    expect(assignments.slice(40, 65).every((c) => c === 1)).toBe(true);
    expect(assignments.slice(65).every((c) => c === 2)).toBe(true);
    // Centres in original units sit on the group means.
    expect(clusters[2].center[2]).toBeGreaterThan(1800);
    expect(clusters[1].center[0]).toBeGreaterThan(180);
    expect(result.value.converged).toBe(true);
  });

  it("is deterministic for a seed and gives the same clusters for other seeds on clear data", () => {
    const once = kmeans(data, { k: 3, seed: 7 });
    const twice = kmeans(data, { k: 3, seed: 7 });
    expect(once).toEqual(twice);
    const other = kmeans(data, { k: 3, seed: 12345 });
    expect(other.ok && other.value.assignments).toEqual(once.ok && once.value.assignments);
  });

  it("is deterministic on overlapping data too (same seed, same answer; the order rule holds)", () => {
    const random = seededRandom(99);
    const blob = Array.from({ length: 300 }, () => [random(), random(), random()]);
    const a = kmeans(blob, { k: 4, seed: 5 });
    const b = kmeans(blob, { k: 4, seed: 5 });
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.error);
    const sizes = a.value.clusters.map((c) => c.size);
    expect([...sizes].sort((p, q) => q - p)).toEqual(sizes);
  });

  it("reports the standardisation, z-score centroids consistent with original-unit centres, and the SS", () => {
    const result = kmeans(data, { k: 3, seed: 1 });
    if (!result.ok) throw new Error(result.error);
    const { means, sds } = result.value.standardization;
    const z = standardize(data);
    expect(means).toEqual(z.standardization.means);
    const n = data.length;
    const mean0 = data.reduce((s, r) => s + r[0], 0) / n;
    expect(means[0]).toBeCloseTo(mean0, 10);
    expect(sds[0]).toBeCloseTo(Math.sqrt(data.reduce((s, r) => s + (r[0] - mean0) ** 2, 0) / (n - 1)), 10);
    for (const c of result.value.clusters)
      c.center.forEach((v, j) => expect(v).toBeCloseTo(means[j] + c.centroid[j] * sds[j], 10));
    expect(result.value.totalSS).toBeCloseTo(3 * (n - 1), 8);
    expect(result.value.withinSS).toBeCloseTo(
      result.value.clusters.reduce((s, c) => s + c.withinSS, 0),
      10,
    );
    expect(result.value.withinSS / result.value.totalSS).toBeLessThan(0.1);
  });

  it("says what is wrong with bad input", () => {
    const errorOf = (result: ReturnType<typeof kmeans>) => (result.ok ? "ok" : result.error);
    expect(errorOf(kmeans([], { k: 2 }))).toMatch(/no rows/);
    expect(errorOf(kmeans([[]], { k: 1 }))).toMatch(/at least one numeric feature/);
    expect(errorOf(kmeans([[1, 2], [3]], { k: 1 }))).toMatch(/row 2 has 1 values/);
    expect(errorOf(kmeans([[1, NaN]], { k: 1, featureNames: ["orders", "spend"] }))).toMatch(/row 1 has NaN for spend/);
    expect(errorOf(kmeans(data, { k: 0 }))).toMatch(/k is 0/);
    expect(
      errorOf(
        kmeans(
          [
            [1, 1],
            [1, 1],
            [2, 2],
          ],
          { k: 3 },
        ),
      ),
    ).toMatch(/only 2 distinct points/);
  });

  it("warns about a constant feature and still clusters on the others", () => {
    const rows = data.map((r) => [r[0], 5]);
    const result = kmeans(rows, { k: 2, seed: 1, featureNames: ["recency", "flag"] });
    expect(result.ok && result.value.warnings[0]).toMatch(/flag has the same value/);
  });
});

describe("elbow(data, { maxK }) and silhouette(data, { maxK })", () => {
  const data = groups();

  it("the within-cluster SS falls with k and bends at k = 3", () => {
    const result = elbow(data, { maxK: 6, seed: 1 });
    if (!result.ok) throw new Error(result.error);
    const wss = result.value.map((s) => s.value);
    expect(result.value.map((s) => s.k)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < wss.length; i++) expect(wss[i]).toBeLessThanOrEqual(wss[i - 1] + 1e-9);
    expect(wss[0]).toBeCloseTo(3 * (data.length - 1), 8);
    // The drop from 2 to 3 is far larger than from 3 to 4.
    expect(wss[1] - wss[2]).toBeGreaterThan(5 * (wss[2] - wss[3]));
  });

  it("the mean silhouette is highest at k = 3, and sampling is reported for large data", () => {
    const result = silhouette(data, { maxK: 5, seed: 1 });
    if (!result.ok) throw new Error(result.error);
    const best = result.value.scores.reduce((p, q) => (q.value > p.value ? q : p));
    expect(best.k).toBe(3);
    expect(best.value).toBeGreaterThan(0.7);
    expect(result.value.sampled).toBeUndefined();
    const sampled = silhouette(data, { maxK: 3, seed: 1, sampleSize: 30 });
    expect(sampled.ok && sampled.value.sampled).toMatch(/30 of 80 rows/);
  });
});

describe("clusterProfile(data, assignments)", () => {
  it("gives size, share and the mean of each feature per cluster", () => {
    const profile = clusterProfile(
      [
        [1, 10],
        [3, 30],
        [10, 100],
      ],
      [0, 0, 1],
    );
    expect(profile).toEqual([
      { cluster: 0, size: 2, share: 2 / 3, means: [2, 20] },
      { cluster: 1, size: 1, share: 1 / 3, means: [10, 100] },
    ]);
  });
});

describe("seededRandom(seed)", () => {
  it("repeats its stream for a seed, differs between seeds, and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    const many = Array.from({ length: 10000 }, () => a());
    expect(Math.min(...many)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...many)).toBeLessThan(1);
    expect(many.reduce((s, v) => s + v, 0) / many.length).toBeCloseTo(0.5, 1);
  });
});
