// Lloyd's k-means iterations on a flat Float64Array, with Hamerly's bounds (2010): a point whose assigned
// centre is provably the nearest skips the distance work. Assignments, centres and sums are bit for bit
// those of plain Lloyd (the first nearest centre wins a tie; an emptied cluster takes the farthest point).

/** One k-means run: the cluster of each row, the final centres (k x d) and how it ended. */
export interface Run {
  readonly assignments: Int32Array;
  readonly centers: Float64Array;
  readonly withinSS: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Squared Euclidean distance between row i of `a` and row k of `b` (both n x d flat). */
export function squaredDistance(a: Float64Array, i: number, b: Float64Array, k: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[i * d + j] - b[k * d + j];
    s += diff * diff;
  }
  return s;
}

// A skip must hold with room to spare: the bounds gather rounding error (about 1e-13 here) that exact
// Lloyd does not, so only a margin far above it keeps every skipped point where Lloyd would put it.
const slack = (upper: number) => upper * (1 + 1e-9) + 1e-9;

/** Per centre: half the distance to its nearest other centre (a point closer than that cannot change). */
function halfGaps(centers: Float64Array, k: number, d: number, out: Float64Array): void {
  out.fill(Infinity);
  for (let p = 0; p < k; p++) {
    for (let q = p + 1; q < k; q++) {
      const half = Math.sqrt(squaredDistance(centers, p, centers, q, d)) / 2;
      if (half < out[p]) out[p] = half;
      if (half < out[q]) out[q] = half;
    }
  }
}

/** Lloyd's iterations from the given centres (changed in place); an emptied cluster takes the point farthest from its centre. */
export function lloyd(
  values: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  maxIterations: number,
): Run {
  const assignments = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n); // >= distance to the assigned centre
  const lower = new Float64Array(n); // <= distance to every other centre
  const gaps = new Float64Array(k);
  const moved = new Float64Array(k);
  const previous = new Float64Array(k * d);
  const sizes = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let changed = false;
    halfGaps(centers, k, d, gaps);
    for (let i = 0; i < n; i++) {
      const own = assignments[i];
      if (own >= 0) {
        const bound = Math.max(gaps[own], lower[i]);
        if (slack(upper[i]) < bound) continue;
        upper[i] = Math.sqrt(squaredDistance(values, i, centers, own, d));
        if (slack(upper[i]) < bound) continue;
      }
      // The full scan, as plain Lloyd does it: the first centre with the smallest squared distance wins.
      let best = 0;
      let bestDistance = Infinity;
      let second = Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) {
          const diff = values[i * d + j] - centers[c * d + j];
          s += diff * diff;
        }
        if (s < bestDistance) {
          second = bestDistance;
          best = c;
          bestDistance = s;
        } else if (s < second) second = s;
      }
      upper[i] = Math.sqrt(bestDistance);
      lower[i] = Math.sqrt(second);
      if (own !== best) {
        assignments[i] = best;
        changed = true;
      }
    }
    if (!changed) {
      converged = true;
      break;
    }
    previous.set(centers);
    update(values, n, d, assignments, centers, previous, k, sizes);
    moveBounds(centers, previous, k, d, moved, assignments, upper, lower);
  }
  let withinSS = 0;
  for (let i = 0; i < n; i++) withinSS += squaredDistance(values, i, centers, assignments[i], d);
  return { assignments, centers, withinSS, iterations, converged };
}

/** The update step: each centre the mean of its rows, summed in row order; an empty one jumps to the worst-served row. */
function update(
  values: Float64Array,
  n: number,
  d: number,
  assignments: Int32Array,
  centers: Float64Array,
  previous: Float64Array,
  k: number,
  sizes: Float64Array,
): void {
  sizes.fill(0);
  centers.fill(0);
  for (let i = 0, row = 0; i < n; i++, row += d) {
    const at = assignments[i] * d;
    sizes[assignments[i]]++;
    for (let j = 0; j < d; j++) centers[at + j] += values[row + j];
  }
  let distances: Float64Array | undefined;
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) {
      // The distances plain Lloyd kept from its assignment step, recomputed only when a cluster empties.
      distances ??= Float64Array.from({ length: n }, (_, i) => squaredDistance(values, i, previous, assignments[i], d));
      // Move the empty centre onto the worst-served point (and stop that point counting as far again).
      let far = 0;
      for (let i = 1; i < n; i++) if (distances[i] > distances[far]) far = i;
      centers.set(values.subarray(far * d, far * d + d), c * d);
      distances[far] = 0;
    } else {
      for (let j = 0; j < d; j++) centers[c * d + j] /= sizes[c];
    }
  }
}

/** Widens each row's bounds by how far the centres moved (its own centre for the upper, the farthest other for the lower). */
function moveBounds(
  centers: Float64Array,
  previous: Float64Array,
  k: number,
  d: number,
  moved: Float64Array,
  assignments: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  let most = 0;
  let mostAt = -1;
  let next = 0;
  for (let c = 0; c < k; c++) {
    moved[c] = Math.sqrt(squaredDistance(centers, c, previous, c, d));
    if (moved[c] > most) [next, most, mostAt] = [most, moved[c], c];
    else if (moved[c] > next) next = moved[c];
  }
  for (let i = 0; i < upper.length; i++) {
    const own = assignments[i];
    upper[i] += moved[own];
    lower[i] -= own === mostAt ? next : most;
  }
}
