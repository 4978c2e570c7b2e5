// The TypeScript cells of the clusters recipe (k-means, the elbow and silhouette helper, principal
// components): their source text, with the parameters as constants at the top of each cell.
import { noCustomersToCluster } from "../../messages/recipes";
import { CLUSTERS_TEXT } from "../../messages/recipes/clusters";

/** The JavaScript literal of a value (parameters are validated numbers and known names, so JSON is exact). */
const lit = (value: unknown) => JSON.stringify(value);

/** A component's loadings as the PCA cell's log line writes them (a template expression of the cell, `w` the loadings). */
const LOADINGS = '${features.map((f, j) => `${f} ${fmt(w[j], 2)}`).join(", ")}';

/** Reading the clustering matrix out of the scaled cell: every column but customer_id is a feature. */
function matrix(scaled: string): string {
  return `const rows = ${scaled} as Record<string, number | string>[];
if (rows.length === 0) throw new Error(${lit(noCustomersToCluster())});
const features = Object.keys(rows[0]).filter((c) => c !== "customer_id");
const data = rows.map((r) => features.map((f) => r[f] as number));`;
}

/** k-means on the scaled features: one row per customer with its cluster (1 = the largest). */
export function assignCode(scaled: string, k: number, seed: number): string {
  return `// k-means on the standardized features (z-scores), k-means++ starts from the seed: the same data and
// seed give the same clusters. Cluster 1 is the largest; ties in size are ordered by their centres.
// Parameters: edit here, or re-insert the recipe from the gallery.
const k = ${lit(k)};
const seed = ${lit(seed)};
${matrix(scaled)}
const result = lib.kmeans(data, { k, seed, featureNames: features });
if (!result.ok) throw new Error(result.error);
for (const warning of result.value.warnings) log(warning);
if (!result.value.converged) log(\`${CLUSTERS_TEXT.log.notSettled("${result.value.iterations}")}\`);
log(\`${CLUSTERS_TEXT.log.withinSS("${fmt(result.value.withinSS)}", "${fmt(result.value.totalSS)}", "${fmt(100 * result.value.withinSS / Math.max(result.value.totalSS, 1e-300), 1)}")}\`);
return rows.map((r, i) => ({ customer_id: r.customer_id, cluster: result.value.assignments[i] + 1 }));`;
}

/** The elbow (within-cluster SS for k = 1..max_k) and the mean silhouette (k = 2..max_k) in one table, one k-means per k. */
export function chooseKCode(scaled: string, maxK: number, seed: number): string {
  return `// Helps choose k: the within-cluster sum of squares for k = 1..max_k (look for the elbow, where adding a
// cluster stops paying) and the mean silhouette for k = 2..max_k (higher is better). Both run on a fixed
// sample of customers (the same ones every run: ordered by a hash of the id), so they stay quick on large
// data; the silhouette on at most 2,000 of them. Same seed as the clusters.
// Parameters: edit here, or re-insert the recipe from the gallery.
const maxK = ${lit(maxK)};
const seed = ${lit(seed)};
const sampleSize = 20000;
const rows = await sql\`SELECT * FROM ${scaled} ORDER BY hash(customer_id), customer_id LIMIT 20000\`;
if (rows.length === 0) throw new Error(${lit(noCustomersToCluster())});
if (rows.length === sampleSize) log(\`${CLUSTERS_TEXT.log.sample("${fmt(sampleSize)}")}\`);
const features = rows.columns.map((c) => c.name).filter((c) => c !== "customer_id");
const data = rows.map((r) => features.map((f) => r[f] as number));
const chosen = lib.chooseK(data, { maxK, seed, sampleSize: 2000 });
if (!chosen.ok) throw new Error(chosen.error);
if (chosen.value.sampled) log(chosen.value.sampled);
const score = new Map(chosen.value.silhouette.map((s) => [s.k, s.value]));
return chosen.value.elbow.map((e) => ({ k: e.k, within_ss: e.value, silhouette: score.get(e.k) ?? null }));`;
}

/** Two principal components of the scaled features for the customers the scatter shows, with their cluster. */
export function pcaCode(scaled: string, assigned: string): string {
  return `// The first two principal components of the standardized features: the flat picture that keeps the most
// of the spread, for the customers the scatter shows (at most 5,000, the same ones every run: ordered by a
// hash of the id). The log gives each component's share of the variance and its loadings.
const rows = await sql\`SELECT s.*, a.cluster FROM ${scaled} AS s JOIN ${assigned} AS a USING (customer_id)
  ORDER BY hash(s.customer_id), s.customer_id LIMIT 5000\`;
if (rows.length === 0) throw new Error(${lit(noCustomersToCluster())});
const features = rows.columns.map((c) => c.name).filter((c) => c !== "customer_id" && c !== "cluster");
const pca = lib.principalComponents(rows.map((r) => features.map((f) => r[f] as number)), 2);
if (!pca.ok) throw new Error(pca.error);
pca.value.loadings.forEach((w, c) => log(\`${CLUSTERS_TEXT.log.component("${c + 1}", "${fmt(100 * pca.value.explained[c], 1)}", LOADINGS)}\`));
return rows.map((r, i) => ({ customer_id: r.customer_id, cluster: r.cluster, pc1: pca.value.scores[i][0], pc2: pca.value.scores[i][1] ?? 0 }));`;
}
