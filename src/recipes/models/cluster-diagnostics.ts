// Helpers for choosing k and reading clusters: the elbow (within-cluster SS for k = 1..K), the mean
// silhouette per k (on a seeded sample for large data), and the cluster profile table.
import { modelMessages } from "../../messages/models";
import { checkMatrix, kmeansOnZScores, squaredDistance, standardize, type KmeansResult, type ZScores } from "./kmeans";
import { seededRandom } from "./prng";
import { failure, success, type ModelResult } from "./result";

/** Settings of the elbow and silhouette helpers. */
export interface ChooseKOptions {
  /** Largest k to try. */
  readonly maxK: number;
  /** Seed of the k-means starts and of the silhouette sample; 1 when absent. */
  readonly seed?: number;
  /** Rows the silhouette is computed on at most (a seeded random sample beyond that; default 2,000). */
  readonly sampleSize?: number;
}

/** One point of the elbow or silhouette curve. */
export interface KScore {
  readonly k: number;
  readonly value: number;
}

/** Distance between the p-th and q-th listed rows: `(p, q) => number`. */
type PairDistance = (p: number, q: number) => number;

/** Euclidean distances between listed rows, computed on demand. */
function distanceOf(z: ZScores, ids: readonly number[]): PairDistance {
  return (p, q) => Math.sqrt(squaredDistance(z.values, ids[p], z.values, ids[q], z.d));
}

// Up to this many rows (32 MB at 2,000) every k reads one table of distances instead of computing them again.
const CACHED_ROWS = 2000;

/** The distances of `distanceOf`, computed once into an m x m table (the same numbers: the distance is symmetric bit for bit). */
function distanceTable(z: ZScores, ids: readonly number[]): PairDistance {
  const m = ids.length;
  const table = new Float64Array(m * m);
  const distance = distanceOf(z, ids);
  for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) table[p * m + q] = table[q * m + p] = distance(p, q);
  return (p, q) => table[p * m + q];
}

/** The mean silhouette of a clustering of standardised rows (only the listed rows, when given); 0 for one cluster. */
export function meanSilhouette(
  z: ZScores,
  assignments: ArrayLike<number>,
  rows?: readonly number[],
  distance?: PairDistance,
): number {
  const ids = rows ?? Array.from({ length: z.n }, (_, i) => i);
  const between = distance ?? distanceOf(z, ids);
  const k = ids.reduce((m, i) => Math.max(m, assignments[i]), -1) + 1;
  if (k < 2) return 0;
  let total = 0;
  for (let p = 0; p < ids.length; p++) {
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let q = 0; q < ids.length; q++) {
      if (q === p) continue;
      sums[assignments[ids[q]]] += between(p, q);
      counts[assignments[ids[q]]]++;
    }
    const own = assignments[ids[p]];
    // A point alone in its cluster has silhouette 0 by convention (Rousseeuw 1987).
    if (counts[own] === 0) continue;
    const a = sums[own] / counts[own];
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  }
  return total / ids.length;
}

/** Validates the data and maxK and standardises once for the k loop. */
function prepare(data: readonly (readonly number[])[], maxK: number): ModelResult<ZScores> {
  const invalid = checkMatrix(data);
  if (invalid) return failure(invalid);
  if (!Number.isInteger(maxK) || maxK < 1) return failure(modelMessages.badK(maxK));
  return success(standardize(data));
}

/** The k-means solution for k on z, computed once per k (the elbow and the silhouette share them). */
function solutions(z: ZScores, seed: number | undefined): (k: number) => KmeansResult {
  const done = new Map<number, KmeansResult>();
  return (k) => {
    if (!done.has(k)) done.set(k, kmeansOnZScores(z, { k, seed }));
    return done.get(k)!;
  };
}

function elbowOf(z: ZScores, maxK: number, solve: (k: number) => KmeansResult): KScore[] {
  const distinct = new Set(Array.from({ length: z.n }, (_, i) => z.values.subarray(i * z.d, (i + 1) * z.d).join(",")))
    .size;
  const scores: KScore[] = [];
  for (let k = 1; k <= Math.min(maxK, distinct); k++) scores.push({ k, value: solve(k).withinSS });
  return scores;
}

function silhouetteOf(z: ZScores, options: ChooseKOptions, solve: (k: number) => KmeansResult) {
  const sampleSize = options.sampleSize ?? 2000;
  const rows = z.n > sampleSize ? sampleRows(z.n, sampleSize, options.seed ?? 1) : undefined;
  const ids = rows ?? Array.from({ length: z.n }, (_, i) => i);
  let distance: PairDistance | undefined;
  const scores: KScore[] = [];
  for (let k = 2; k <= Math.min(options.maxK, z.n - 1); k++) {
    const result = solve(k);
    if (new Set(result.assignments).size < k) break; // fewer distinct rows than k
    distance ??= ids.length <= CACHED_ROWS ? distanceTable(z, ids) : distanceOf(z, ids);
    scores.push({ k, value: meanSilhouette(z, result.assignments, ids, distance) });
  }
  return { scores, sampled: rows ? modelMessages.silhouetteSampled(rows.length, z.n) : undefined };
}

/** Within-cluster SS (z-scores) of the k-means solution for each k = 1..maxK, for the elbow plot; stops at the number of distinct rows. */
export function elbow(data: readonly (readonly number[])[], options: ChooseKOptions): ModelResult<KScore[]> {
  const prepared = prepare(data, options.maxK);
  if (!prepared.ok) return prepared;
  return success(elbowOf(prepared.value, options.maxK, solutions(prepared.value, options.seed)));
}

/** Mean silhouette of the k-means solution for each k = 2..maxK (higher is better), on at most `sampleSize` rows. */
export function silhouette(
  data: readonly (readonly number[])[],
  options: ChooseKOptions,
): ModelResult<{ scores: KScore[]; sampled: string | undefined }> {
  const prepared = prepare(data, options.maxK);
  if (!prepared.ok) return prepared;
  return success(silhouetteOf(prepared.value, options, solutions(prepared.value, options.seed)));
}

/** What `elbow` and `silhouette` give, from one k-means run per k instead of two (the same numbers, in half the time). */
export function chooseK(
  data: readonly (readonly number[])[],
  options: ChooseKOptions,
): ModelResult<{ elbow: KScore[]; silhouette: KScore[]; sampled: string | undefined }> {
  const prepared = prepare(data, options.maxK);
  if (!prepared.ok) return prepared;
  const solve = solutions(prepared.value, options.seed);
  const { scores, sampled } = silhouetteOf(prepared.value, options, solve);
  return success({ elbow: elbowOf(prepared.value, options.maxK, solve), silhouette: scores, sampled });
}

/** `size` distinct row indices out of n, chosen by a seeded partial Fisher-Yates shuffle, in ascending order. */
function sampleRows(n: number, size: number, seed: number): number[] {
  const random = seededRandom(seed);
  const ids = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids.slice(0, size).sort((p, q) => p - q);
}

/** One row of the cluster profile: the cluster's number, size, share of rows and mean of each feature (original units). */
export interface ClusterProfileRow {
  readonly cluster: number;
  readonly size: number;
  readonly share: number;
  readonly means: number[];
}

/** The profile table of a clustering: size, share and per-feature means of each cluster, in cluster order. */
export function clusterProfile(
  data: readonly (readonly number[])[],
  assignments: readonly number[],
): ClusterProfileRow[] {
  const k = assignments.reduce((m, c) => Math.max(m, c), -1) + 1;
  const d = data[0]?.length ?? 0;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const sizes = new Array<number>(k).fill(0);
  assignments.forEach((c, i) => {
    sizes[c]++;
    for (let j = 0; j < d; j++) sums[c][j] += data[i][j];
  });
  return sums.map((sum, c) => ({
    cluster: c,
    size: sizes[c],
    share: sizes[c] / assignments.length,
    means: sum.map((s) => s / sizes[c]),
  }));
}
