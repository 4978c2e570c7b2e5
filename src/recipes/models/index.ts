// The statistical models of the recipe catalogue, pure TypeScript for the browser, a Worker or Node:
// purchase models (BG/NBD, Pareto/NBD), spend (Gamma-Gamma), lifetime value and k-means clusters.
export type { ModelResult } from "./result";
export type { RfmSummary } from "./summary";
export { compressSummaries } from "./summary";
export type { Convergence } from "./optimize";
export { minimize } from "./optimize";
export { logGamma, logBeta, digamma, hyp2f1, hyp2f1Minus1 } from "./special-functions";
export type { BgNbdParams, BgNbdFit } from "./bgnbd";
export {
  fitBgNbd,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodGradient,
  bgNbdPAlive,
  bgNbdExpected,
  bgNbdUnconditional,
  bgNbdCohortCumulative,
} from "./bgnbd";
export type { ParetoNbdParams, ParetoNbdFit } from "./pareto-nbd";
export {
  fitParetoNbd,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  paretoNbdExpected,
  paretoNbdUnconditional,
} from "./pareto-nbd";
export type { SpendSummary, GammaGammaParams, GammaGammaFit } from "./gamma-gamma";
export {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
  gammaGammaExpectedSpend,
} from "./gamma-gamma";
export type { ClvCustomer, ClvOptions, ClvRow, FormulaClvOptions } from "./clv";
export { customerLifetimeValue, formulaLifetimeValue } from "./clv";
export type { KmeansOptions, KmeansResult, KmeansCluster, Standardization } from "./kmeans";
export { kmeans, standardize } from "./kmeans";
export type { ChooseKOptions, KScore, ClusterProfileRow } from "./cluster-diagnostics";
export { elbow, silhouette, chooseK, clusterProfile } from "./cluster-diagnostics";
export { seededRandom } from "./prng";
export type { PrincipalComponents } from "./pca";
export { principalComponents } from "./pca";
