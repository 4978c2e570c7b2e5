// Wording of what the statistical models (BG/NBD, Pareto/NBD, Gamma-Gamma, CLV, k-means) tell the
// user: bad input, fits that fail or do not converge, and warnings about results to read with care.

const n = (count: number) => count.toLocaleString("en-US");
const num = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value));

/** Messages of src/recipes/models/. */
export const modelMessages = {
  noCustomers: (model: string) =>
    `${model}: there are no customers to fit. Check the filters and the calibration end date: no customer bought before it.`,
  oneCustomer: (model: string) =>
    `${model}: only one customer, and a model of how customers differ cannot be fitted to one customer. Use the whole customer base.`,
  badSummaryRow: (index: number, field: string, value: unknown, rule: string) =>
    `Customer row ${n(index + 1)}: ${field} is ${String(value)}, but ${rule}. Check the mapping of the date and customer columns.`,
  noRepeatPurchases: (model: string) =>
    `${model}: no customer bought again after the first purchase within the calibration period, so there is nothing to learn the purchase rate from. Move the calibration end date later or check the dates.`,
  notConverged: (model: string, iterations: number, gradient: number) =>
    `${model}: the maximum-likelihood fit did not converge (${n(iterations)} iterations, gradient ${num(gradient)}). The parameters would be unreliable, so none are shown. Check the data for outliers or try a longer calibration period.`,
  diverged: (model: string, name: string, value: number, towardsInfinity: boolean) =>
    `${model}: the fit drives ${name} to ${towardsInfinity ? "infinity" : "zero"} (${num(value)}), so the data do not identify the model (too few customers, no sign of customers dropping out, or all customers alike). The parameters are not shown.`,
  badLikelihood: (model: string) =>
    `${model}: the likelihood cannot be computed at the start of the fit (the data are outside the model's range).`,
  fewCustomers: (model: string, count: number) =>
    `${model}: fitted on only ${n(count)} customers; the parameters are rough and may change a lot with more data.`,
  extremeParameter: (model: string, name: string, value: number) =>
    `${model}: ${name} = ${num(value)} is extreme; the data barely pin it down, so read predictions with care.`,
  poorlyDetermined: (model: string, name: string, value: number, se: number) =>
    Number.isFinite(se)
      ? `${model}: ${name} = ${num(value)} with a standard error of ${num(se)}, larger than the estimate: the data barely determine it, so read what depends on it with care.`
      : `${model}: the data do not determine ${name} = ${num(value)} (the likelihood is flat there, no standard error), so read what depends on it with care.`,
  littleChurn: (a: number, se: number) =>
    `BG/NBD: almost no customer is predicted to leave: the data shows too little churn to tell (dropout a = ${num(a)}, standard error ${num(se)}). P(alive) and long-horizon predictions are optimistic.`,
  noRepeatBuyers: () =>
    "Gamma-Gamma: no customer has a repeat purchase with a spend, so spend per purchase cannot be modelled. Customers with x = 0 are left out of this fit.",
  badSpend: (index: number, value: number) =>
    `Gamma-Gamma: customer row ${n(index + 1)} has an average spend of ${String(value)}; spends must be positive numbers. Exclude returns and zero-value orders first.`,
  badFrequency: (index: number, value: unknown) =>
    `Gamma-Gamma: customer row ${n(index + 1)} has ${String(value)} repeat purchases; it must be a whole number of at least 0.`,
  spendFrequencyCorrelated: (rho: number) =>
    `Gamma-Gamma assumes spend per purchase does not depend on how often a customer buys, but here they correlate (${num(rho)}); CLV estimates may be biased.`,
  infiniteMeanSpend: (q: number) =>
    `Gamma-Gamma: q = ${num(q)} is at most 1, so the average spend of the population is unbounded; spend for customers without repeat purchases is not defined.`,
  badOption: (name: string, value: unknown, rule: string) => `${name} is ${String(value)}, but ${rule}.`,
  badCustomer: (index: number, reason: string) => `Customer ${n(index + 1)}: ${reason}.`,
  noPoints: () => "k-means: there are no rows to cluster. Check the filters.",
  noFeatures: () => "k-means: choose at least one numeric feature to cluster on.",
  raggedRow: (index: number, length: number, expected: number) =>
    `k-means: row ${n(index + 1)} has ${length} values but the first row has ${expected}; every row needs one value per feature.`,
  badValue: (index: number, feature: string, value: unknown) =>
    `k-means: row ${n(index + 1)} has ${String(value)} for ${feature}; remove or fill missing values first.`,
  badK: (k: unknown) => `k-means: k is ${String(k)}, but it must be a whole number of at least 1.`,
  tooFewPoints: (k: number, distinct: number) =>
    `k-means: ${n(k)} clusters asked for, but the data have only ${n(distinct)} distinct point${distinct === 1 ? "" : "s"}. Choose a smaller k.`,
  constantFeature: (feature: string) =>
    `k-means: ${feature} has the same value in every row, so it cannot separate clusters; it is kept but has no effect.`,
  silhouetteSampled: (used: number, total: number) =>
    `The silhouette is computed on a random sample of ${n(used)} of ${n(total)} rows (fixed by the seed).`,
} as const;
