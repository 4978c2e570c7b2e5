// k-means clustering for the clusters recipe: z-score standardisation, k-means++ starts from a seeded
// generator, Lloyd iterations, and clusters numbered in a stable order (largest first), so that the
// same data and seed give the same clusters everywhere.
import { modelMessages } from "../../messages/models";
import { lloyd, squaredDistance, type Run } from "./lloyd";
import { randomInt, seededRandom, type Random } from "./prng";
import { failure, success, type ModelResult } from "./result";

export { squaredDistance } from "./lloyd";

/** Settings of `kmeans`. */
export interface KmeansOptions {
  /** Number of clusters. */
  readonly k: number;
  /** Seed of the k-means++ starts; 1 when absent. */
  readonly seed?: number;
  /** Independent k-means++ starts; the one with the smallest within-cluster SS wins (default 4). */
  readonly starts?: number;
  /** Cap on Lloyd iterations per start (default 300). */
  readonly maxIterations?: number;
  /** Feature names for messages; "feature 1", ... when absent. */
  readonly featureNames?: readonly string[];
}

/** Means and standard deviations (n - 1 denominator) used to turn features into z-scores. */
export interface Standardization {
  readonly means: number[];
  readonly sds: number[];
}

/** One cluster: its size, its centre in z-scores and in the features' own units, and its within-cluster SS (z-scores). */
export interface KmeansCluster {
  readonly size: number;
  readonly centroid: number[];
  readonly center: number[];
  readonly withinSS: number;
}

/** A k-means result: cluster per row (0 = largest cluster), the clusters in that order, and fit statistics. */
export interface KmeansResult {
  readonly assignments: number[];
  readonly clusters: KmeansCluster[];
  readonly standardization: Standardization;
  /** Total within-cluster sum of squares, in z-score units. */
  readonly withinSS: number;
  /** Total sum of squares about the overall mean, in z-score units (withinSS / totalSS is the unexplained share). */
  readonly totalSS: number;
  readonly iterations: number;
  /** True when the best start stopped because no assignment changed. */
  readonly converged: boolean;
  readonly warnings: string[];
}

/** Standardised data as a flat row-major array (n x d) with the standardisation used. */
export interface ZScores {
  readonly values: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly standardization: Standardization;
}

/** Checks a data matrix (rows of numbers, one per feature, all finite); a message for the first problem, or undefined. */
export function checkMatrix(
  data: readonly (readonly number[])[],
  featureNames?: readonly string[],
): string | undefined {
  if (data.length === 0) return modelMessages.noPoints();
  const d = data[0].length;
  if (d === 0) return modelMessages.noFeatures();
  for (let i = 0; i < data.length; i++) {
    if (data[i].length !== d) return modelMessages.raggedRow(i, data[i].length, d);
    for (let j = 0; j < d; j++) {
      if (!Number.isFinite(data[i][j])) return modelMessages.badValue(i, featureName(featureNames, j), data[i][j]);
    }
  }
  return undefined;
}

function featureName(names: readonly string[] | undefined, j: number): string {
  return names?.[j] ?? modelMessages.unnamedFeature(j + 1);
}

/** Z-scores of each feature (mean 0, sd 1; a constant feature becomes all zeros); assumes `checkMatrix` passed. */
export function standardize(data: readonly (readonly number[])[]): ZScores {
  const n = data.length;
  const d = data[0].length;
  const means = new Array<number>(d).fill(0);
  const sds = new Array<number>(d).fill(0);
  for (const row of data) for (let j = 0; j < d; j++) means[j] += row[j] / n;
  for (const row of data) for (let j = 0; j < d; j++) sds[j] += (row[j] - means[j]) ** 2;
  for (let j = 0; j < d; j++) sds[j] = n > 1 ? Math.sqrt(sds[j] / (n - 1)) : 0;
  const values = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) values[i * d + j] = sds[j] > 0 ? (data[i][j] - means[j]) / sds[j] : 0;
  }
  return { values, n, d, standardization: { means, sds } };
}

/** k-means++ seeding: the first centre uniformly at random, each next one with probability proportional to D². */
function seedCenters(z: ZScores, k: number, random: Random): Float64Array {
  const { values, n, d } = z;
  const centers = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = randomInt(random, n);
  for (let c = 0; c < k; c++) {
    centers.set(values.subarray(chosen * d, chosen * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistance(values, i, centers, c, d));
      total += nearest[i];
    }
    if (c === k - 1) break;
    let target = random() * total;
    chosen = -1;
    for (let i = 0; i < n; i++) {
      if (nearest[i] === 0) continue;
      chosen = i; // rounding can leave target >= 0 at the end: the last eligible point then wins
      target -= nearest[i];
      if (target < 0) break;
    }
  }
  return centers;
}

/** Number of distinct rows, counted up to `limit` (enough to know whether k clusters are possible). */
function distinctRows(z: ZScores, limit: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < z.n && seen.size < limit; i++) seen.add(z.values.subarray(i * z.d, i * z.d + z.d).join(","));
  return seen.size;
}

/** k-means on z-scored features, deterministic for a seed; clusters ordered by size (desc) then by centre. */
export function kmeans(data: readonly (readonly number[])[], options: KmeansOptions): ModelResult<KmeansResult> {
  const invalid = checkMatrix(data, options.featureNames);
  if (invalid) return failure(invalid);
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) return failure(modelMessages.badK(k));
  const z = standardize(data);
  const distinct = distinctRows(z, k);
  if (distinct < k) return failure(modelMessages.tooFewPoints(k, distinct));
  return success(kmeansOnZScores(z, options));
}

/** k-means on already standardised data (used by `kmeans`, the elbow and the silhouette helpers); assumes valid k. */
export function kmeansOnZScores(z: ZScores, options: KmeansOptions): KmeansResult {
  const { k, seed = 1, starts = 4, maxIterations = 300 } = options;
  const random = seededRandom(seed);
  let best: Run | undefined;
  for (let s = 0; s < starts; s++) {
    const run = lloyd(z.values, z.n, z.d, seedCenters(z, k, random), k, maxIterations);
    if (!best || run.withinSS < best.withinSS - 1e-12 * Math.max(1, best.withinSS)) best = run;
  }
  return describe(z, best!, k, options.featureNames);
}

/** Orders the clusters stably, renumbers the rows and adds sizes, centres in original units and SS. */
function describe(z: ZScores, run: Run, k: number, featureNames?: readonly string[]): KmeansResult {
  const { n, d, values, standardization } = z;
  const { means, sds } = standardization;
  const sizes = new Array<number>(k).fill(0);
  const clusterSS = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    sizes[run.assignments[i]]++;
    clusterSS[run.assignments[i]] += squaredDistance(values, i, run.centers, run.assignments[i], d);
  }
  const centroid = (c: number) => Array.from(run.centers.subarray(c * d, c * d + d));
  const order = Array.from({ length: k }, (_, c) => c).sort((p, q) => {
    if (sizes[q] !== sizes[p]) return sizes[q] - sizes[p];
    for (let j = 0; j < d; j++) {
      const diff = run.centers[p * d + j] - run.centers[q * d + j];
      if (diff !== 0) return diff;
    }
    return p - q;
  });
  const rank = new Array<number>(k);
  order.forEach((c, position) => (rank[c] = position));
  const clusters = order.map((c) => {
    const zc = centroid(c);
    return {
      size: sizes[c],
      centroid: zc,
      center: zc.map((v, j) => means[j] + v * (sds[j] > 0 ? sds[j] : 0)),
      withinSS: clusterSS[c],
    };
  });
  let totalSS = 0;
  for (let i = 0; i < n * d; i++) totalSS += values[i] * values[i];
  const warnings = sds.flatMap((sd, j) =>
    sd > 0 ? [] : [modelMessages.constantFeature(featureName(featureNames, j))],
  );
  return {
    assignments: Array.from(run.assignments, (c) => rank[c]),
    clusters,
    standardization,
    withinSS: run.withinSS,
    totalSS,
    iterations: run.iterations,
    converged: run.converged,
    warnings,
  };
}
