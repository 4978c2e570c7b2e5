// Recipe 6, clusters: per-customer features in SQL (RFM, average order, tenure, margin, growth), k-means
// on standardized features in a ts cell (seeded, stable cluster order), elbow and silhouette, profile, scatter.
import { CellWriter } from "../cells";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { worded } from "../params";
import { withQuery } from "../sql";
import { pcaNeedsTwoFeatures } from "../../messages/recipes";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  checksQuery,
  orderCount,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";
import { assignCode, chooseKCode, pcaCode } from "./clusters-code";
import { CLUSTERS_TEXT } from "../../messages/recipes/clusters";

/** The features a customer can be clustered on, in display order. */
const FEATURES = ["recency", "frequency", "monetary", "avg_order", "tenure", "margin", "growth"] as const;

/** The features with how each is computed, in the current locale (for the options and the SQL comment). */
function clusterFeatures(): { value: string; label: string }[] {
  return FEATURES.map((value) => ({ value, label: CLUSTERS_TEXT.features[value] }));
}

/** Features that are counts or money, skewed, and so clustered on log(1 + x) when `log_scale` is on. */
const SKEWED = new Set(["frequency", "monetary", "avg_order", "margin"]);

/** k-means clusters of customers. */
export const clusters: Recipe = {
  id: "clusters",
  get title() {
    return CLUSTERS_TEXT.title;
  },
  get question() {
    return CLUSTERS_TEXT.question;
  },
  family: "segmentation",
  inputs: [transactionsSlot()],
  params: [
    ANALYSIS_DATE,
    {
      name: "features",
      type: "multichoice",
      get label() {
        return CLUSTERS_TEXT.featuresLabel;
      },
      default: ["recency", "frequency", "monetary"],
      get options() {
        return clusterFeatures();
      },
    },
    worded({ name: "k", type: "number", default: 4, min: 1, max: 20, integer: true }, () => ({
      label: CLUSTERS_TEXT.k,
    })),
    worded({ name: "seed", type: "number", default: 1, min: 0, max: 2147483647, integer: true }, () => ({
      label: CLUSTERS_TEXT.seed,
    })),
    worded({ name: "max_k", type: "number", default: 8, min: 2, max: 20, integer: true }, () => ({
      label: CLUSTERS_TEXT.maxK,
    })),
    worded({ name: "log_scale", type: "boolean", default: true }, () => ({ label: CLUSTERS_TEXT.logScale })),
    worded({ name: "growth_months", type: "number", default: 12, min: 1, max: 60, integer: true }, () => ({
      label: CLUSTERS_TEXT.growthMonths,
    })),
    {
      name: "scatter",
      type: "choice",
      get label() {
        return CLUSTERS_TEXT.scatter.label;
      },
      default: "pca",
      get options() {
        const t = CLUSTERS_TEXT.scatter;
        return [
          { value: "pca", label: t.pca },
          { value: "features", label: t.features },
        ];
      },
    },
    {
      name: "scatter_x",
      type: "choice",
      get label() {
        return CLUSTERS_TEXT.scatterX;
      },
      default: "frequency",
      get options() {
        return clusterFeatures();
      },
    },
    {
      name: "scatter_y",
      type: "choice",
      get label() {
        return CLUSTERS_TEXT.scatterY;
      },
      default: "monetary",
      get options() {
        return clusterFeatures();
      },
    },
  ],
  needs(p): RoleNeed[] {
    const used = [
      ...p.list("features"),
      ...(p.text("scatter") === "features" ? [p.text("scatter_x"), p.text("scatter_y")] : []),
    ];
    return used.includes("margin")
      ? [{ slot: "transactions", anyOf: ["margin", "cost"], because: CLUSTERS_TEXT.marginBecause }]
      : [];
  },
  validate: (p) => (p.text("scatter") === "pca" && p.list("features").length < 2 ? [pcaNeedsTwoFeatures()] : []),
  build(ctx) {
    const w = new CellWriter(clusters, ctx);
    const p = ctx.params;
    const tx = txFeatures(ctx);
    const text = CLUSTERS_TEXT;
    const features = clusterFeatures();
    const chosen = FEATURES.filter((f) => p.list("features").includes(f));
    const params = paramsCte(clusters.params, p, ["analysis_date", "growth_months"]);
    const main = w.sql(
      undefined,
      `-- Customer features for clustering, as of the analysis date (customers with at least one purchase):
${features
  .filter((f) => f.value !== "margin" || tx.margin)
  .map((f) => `--   ${f.label}`)
  .join("\n")}
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    {
      name: "per_customer",
      comment: "one row per customer; spend in the last growth_months and in the growth_months before",
      body: `SELECT customer_id,
  date_diff('day', max(date) FILTER (WHERE amount > 0), any_value(a.day)) AS recency,
  ${orderCount(tx, "tx.")} AS frequency,
  sum(amount) AS monetary,
  date_diff('day', min(date) FILTER (WHERE amount > 0), any_value(a.day)) AS tenure,${tx.margin ? "\n  sum(margin) AS margin," : ""}
  GREATEST(COALESCE(sum(amount) FILTER (WHERE date > a.day - to_months(p.growth_months)), 0), 0) AS spend_recent,
  GREATEST(COALESCE(sum(amount) FILTER (WHERE date <= a.day - to_months(p.growth_months)
    AND date > a.day - to_months(2 * p.growth_months)), 0), 0) AS spend_prior
FROM tx, as_of AS a, params AS p
GROUP BY customer_id, a.day`,
    },
  ],
  `SELECT customer_id, recency, frequency, monetary, monetary / frequency AS avg_order, tenure,${tx.margin ? " margin," : ""}
  CASE WHEN spend_recent + spend_prior > 0 THEN (spend_recent - spend_prior) / (spend_recent + spend_prior) ELSE 0 END AS growth
FROM per_customer
WHERE frequency > 0
ORDER BY customer_id`,
)}`,
    );
    const logScale = p.bool("log_scale");
    const scaledColumns = chosen.map((f) =>
      logScale && SKEWED.has(f) ? `  sign(${f}) * ln(1 + abs(${f})) AS ${f}` : `  CAST(${f} AS DOUBLE) AS ${f}`,
    );
    const scaled = w.sql(
      "scaled",
      `-- What k-means sees: the chosen features${logScale ? ", counts and money as log(1 + x) (they are skewed: a few large\n-- customers would otherwise make clusters of their own)" : " as they are"}; k-means then standardizes each to mean 0, sd 1.
SELECT customer_id,
${scaledColumns.join(",\n")}
FROM "${main}"
ORDER BY customer_id`,
    );
    const assigned = w.ts("assign", assignCode(scaled, p.number("k"), p.number("seed")));
    const chooseK = w.ts("choose_k", chooseKCode(scaled, p.number("max_k"), p.number("seed")));
    w.chart("choose_k_chart", chooseK, {
      title: {
        text: text.chooseK.title,
        subtitle: text.chooseK.subtitle,
      },
      hconcat: [
        {
          mark: { type: "line", point: true },
          encoding: {
            x: { field: "k", type: "ordinal", title: "k" },
            y: { field: "within_ss", type: "quantitative", title: text.chooseK.withinSS },
          },
        },
        {
          transform: [{ filter: "datum.silhouette !== null" }],
          mark: { type: "line", point: true },
          encoding: {
            x: { field: "k", type: "ordinal", title: "k" },
            y: { field: "silhouette", type: "quantitative", title: text.chooseK.silhouette },
          },
        },
      ],
    });
    const profileColumns = FEATURES.filter((f) => f !== "margin" || tx.margin);
    w.sql(
      "profile",
      `-- Cluster profile: size, share of customers and the mean of each feature (own units); features used: ${chosen.join(", ")}
SELECT a.cluster, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share,
${profileColumns.map((f) => `  avg(f.${f}) AS ${f}`).join(",\n")}
FROM "${assigned}" AS a
JOIN "${main}" AS f USING (customer_id)
GROUP BY a.cluster
ORDER BY a.cluster`,
    );
    const pca = p.text("scatter") === "pca";
    const [x, y] = pca ? ["pc1", "pc2"] : [p.text("scatter_x"), p.text("scatter_y")];
    const points = pca
      ? w.ts("points", pcaCode(scaled, assigned))
      : w.sql(
          "points",
          `-- At most 5,000 customers for the scatter, the same ones on every run (ordered by a hash of the id);
-- the tables above count everyone.
SELECT f.*, a.cluster FROM "${main}" AS f JOIN "${assigned}" AS a USING (customer_id)
ORDER BY hash(f.customer_id), f.customer_id LIMIT 5000`,
        );
    const title = (f: string) =>
      pca ? text.chart.component(f.slice(2)) : (features.find((c) => c.value === f)?.label ?? f);
    w.chart("chart", points, {
      title: {
        text: text.chart.title,
        subtitle: pca ? text.chart.pcaSubtitle : text.chart.featuresSubtitle(x, y),
      },
      mark: { type: "point", filled: true, opacity: 0.6 },
      encoding: {
        x: { field: x, type: "quantitative", title: title(x) },
        y: { field: y, type: "quantitative", title: title(y) },
        color: { field: "cluster", type: "nominal", title: text.chart.cluster },
        tooltip: [
          { field: "customer_id", type: "nominal" },
          { field: "cluster", type: "nominal" },
        ],
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
