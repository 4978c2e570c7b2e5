// Wording of the k-means clusters recipe (src/recipes/catalogue/clusters.ts): gallery texts, the features and
// parameters, and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Customer clusters (k-means)",
  question: "Which groups of similar customers are there, and what sets each group apart?",
  /** The features by value, with how each is computed (options, axis titles and the SQL comment). */
  features: {
    recency: "Recency: days since the last purchase",
    frequency: "Frequency: purchases",
    monetary: "Monetary: net revenue",
    avg_order: "Average order: net revenue / purchases",
    tenure: "Tenure: days since the first purchase",
    margin: "Margin: net margin (needs margin or cost)",
    growth: "Growth: (last period - the one before) / (both), from -1 to 1",
  },
  featuresLabel: "Features",
  k: "Number of clusters k",
  seed: "Seed (same seed, same clusters)",
  maxK: "Elbow and silhouette: try k up to",
  logScale: "Cluster counts and money on log(1 + x)",
  growthMonths: "Growth: period length (months)",
  scatter: {
    label: "Scatter on",
    pca: "The first two principal components of the features",
    features: "Two features (below)",
  },
  scatterX: "Scatter: x feature",
  scatterY: "Scatter: y feature",
  marginBecause: "feature = margin",
  chooseK: {
    title: "Choosing k: elbow and silhouette",
    subtitle: "Pick k where the within-cluster SS stops falling fast and the silhouette is high",
    withinSS: "Within-cluster SS (z-scores)",
    silhouette: "Mean silhouette",
  },
  chart: {
    title: "Customer clusters",
    pcaSubtitle: "First two principal components of the standardized features",
    featuresSubtitle: (x: string, y: string) => `${x} against ${y}`,
    /** `n` is 1 or 2. */
    component: (n: string) => `Principal component ${n}`,
    cluster: "Cluster",
  },
  /** Lines the TypeScript cells log; the arguments are JavaScript expressions the cell's template fills in. */
  log: {
    notSettled: (iterations: string) =>
      `k-means stopped after ${iterations} iterations without settling; the clusters are the best found.`,
    withinSS: (within: string, total: string, unexplained: string) =>
      `within-cluster SS ${within} of ${total} (${unexplained} % unexplained)`,
    sample: (size: string) => `elbow and silhouette on a sample of ${size} customers`,
    component: (n: string, share: string, loadings: string) => `PC${n}: ${share} % of the variance; ${loadings}`,
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户聚类分群（K-means）",
  question: "客户可以分成哪些相似的群体，各群体的特征有何不同？",
  features: {
    recency: "最近一次消费（R）：距最后一次购买的天数",
    frequency: "消费频率（F）：购买次数",
    monetary: "消费金额（M）：净收入",
    avg_order: "客单价：净收入 / 购买次数",
    tenure: "客户年龄：距首次购买的天数",
    margin: "毛利：净毛利（需要毛利或成本）",
    growth: "增长率：（最近一期 - 上一期）/（两期之和），取值 -1 到 1",
  },
  featuresLabel: "聚类特征",
  k: "聚类数 k",
  seed: "随机种子（种子相同，聚类结果相同）",
  maxK: "肘部法则和轮廓系数：k 最多尝试到",
  logScale: "次数和金额取 log(1 + x) 后再聚类",
  growthMonths: "增长率：每期长度（月）",
  scatter: { label: "散点图坐标", pca: "特征的前两个主成分", features: "两个特征（见下）" },
  scatterX: "散点图：x 轴特征",
  scatterY: "散点图：y 轴特征",
  marginBecause: "聚类特征 = 毛利",
  chooseK: {
    title: "选择 k：肘部法则与轮廓系数",
    subtitle: "选择簇内平方和不再快速下降、且轮廓系数较高的 k",
    withinSS: "簇内平方和（标准化后）",
    silhouette: "平均轮廓系数",
  },
  chart: {
    title: "客户聚类分群",
    pcaSubtitle: "标准化特征的前两个主成分",
    featuresSubtitle: (x: string, y: string) => `${x} 对 ${y}`,
    component: (n: string) => `第 ${n} 主成分`,
    cluster: "客户群",
  },
  log: {
    notSettled: (iterations: string) => `K-means 迭代 ${iterations} 次后仍未收敛；当前聚类是找到的最优结果。`,
    withinSS: (within: string, total: string, unexplained: string) =>
      `簇内平方和 ${within}，总平方和 ${total}（${unexplained} % 未被解释）`,
    sample: (size: string) => `肘部法则和轮廓系数基于 ${size} 个客户的样本`,
    component: (n: string, share: string, loadings: string) => `第 ${n} 主成分：解释 ${share} % 的方差；${loadings}`,
  },
};

/** The clusters recipe's wording in the current locale. */
export const CLUSTERS_TEXT = localized(en, { "zh-CN": zh });
