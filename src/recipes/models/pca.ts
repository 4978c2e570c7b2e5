// Principal components of standardised features, for the clusters recipe's scatter: the eigenvectors of
// the correlation matrix (Jacobi rotations; d is small), signs fixed so the same data always gives the same picture.
import { checkMatrix, standardize } from "./kmeans";
import { failure, success, type ModelResult } from "./result";

/** Principal components: per-row scores, loadings per component (one weight per feature) and variance shares. */
export interface PrincipalComponents {
  /** Row i's scores on the components, `scores[i][c]`. */
  readonly scores: number[][];
  /** `loadings[c][j]`: weight of feature j in component c (unit length). */
  readonly loadings: number[][];
  /** Share of the total (standardised) variance each component explains. */
  readonly explained: number[];
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi rotations. */
function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const d = matrix.length;
  const m = matrix.map((row) => row.slice());
  const v: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p][q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const [mkp, mkq] = [m[k][p], m[k][q]];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < d; k++) {
          const [mpk, mqk] = [m[p][k], m[q][k]];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < d; k++) {
          const [vkp, vkq] = [v[k][p], v[k][q]];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]), vectors: v };
}

/**
 * The first `components` principal components of the z-scored features (a constant feature contributes nothing);
 * each component's sign is chosen so that its largest loading is positive.
 */
export function principalComponents(
  data: readonly (readonly number[])[],
  components = 2,
): ModelResult<PrincipalComponents> {
  const invalid = checkMatrix(data);
  if (invalid) return failure(invalid);
  const z = standardize(data);
  const { n, d, values } = z;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < d; p++)
      for (let q = p; q < d; q++) cov[p][q] += (values[i * d + p] * values[i * d + q]) / Math.max(1, n - 1);
  }
  for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) cov[p][q] = cov[q][p];
  const eigen = symmetricEigen(cov);
  const order = eigen.values.map((_, j) => j).sort((p, q) => eigen.values[q] - eigen.values[p] || p - q);
  const total = eigen.values.reduce((s, x) => s + Math.max(0, x), 0);
  const kept = order.slice(0, Math.min(components, d));
  const loadings = kept.map((j) => {
    const vector = eigen.vectors.map((row) => row[j]);
    const largest = vector.reduce((best, x) => (Math.abs(x) > Math.abs(best) + 1e-12 ? x : best), 0);
    return largest < 0 ? vector.map((x) => -x) : vector;
  });
  const scores = Array.from({ length: n }, (_, i) =>
    loadings.map((w) => w.reduce((s, wj, j) => s + wj * values[i * d + j], 0)),
  );
  const explained = kept.map((j) => (total > 0 ? Math.max(0, eigen.values[j]) / total : 0));
  return success({ scores, loadings, explained });
}
