// Wording of what the statistical models (BG/NBD, Pareto/NBD, Gamma-Gamma, CLV, k-means) tell the
// user: bad input, fits that fail or do not converge, and warnings about results to read with care.
import { localized, type Catalogue } from "./locale";

const n = (count: number) => count.toLocaleString("en-US");
const num = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value));

const en = {
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
  /** The settings `badOption` names. */
  options: {
    horizon: "The horizon",
    periodLength: "The period length",
    discountRate: "The discount rate",
    marginShare: "The margin share",
    marginPerPeriod: "The margin per period",
    retention: "The retention rate",
    acquisitionCost: "The acquisition cost",
  },
  /** The summary fields `badSummaryRow` names. */
  fields: {
    x: "x (repeat purchases)",
    T: "T (time since the first purchase)",
    tx: "t_x (time of the last purchase)",
    count: "count",
  },
  /** The rules `badOption` and `badSummaryRow` state, after "but". */
  rules: {
    wholePeriods: "it must be a whole number of periods, at least 1",
    positiveTime: "it must be a positive number of time units",
    discountExample: "it must be a number above -1 (e.g. 0.01 for 1 % a period)",
    aboveMinusOne: "it must be a number above -1",
    share: "it must be between 0 and 1",
    number: "it must be a number",
    wholeAtLeastZero: "it must be a whole number of at least 0",
    atLeastZero: "it must be a number of at least 0",
    notAfterT: (T: number) => `it cannot be later than T = ${T}`,
    zeroWithoutRepeats: "it must be 0 for a customer without repeat purchases",
    positive: "it must be a positive number",
  },
  /** The reasons `badCustomer` gives. */
  customer: {
    badMeanSpend: (value: number) => `mean spend ${value} is not a positive number`,
    noExpectedPurchases: "expected purchases cannot be computed for this customer",
  },
  /** A feature without a name, by its 1-based position. */
  unnamedFeature: (position: number) => `feature ${position}`,
};

const zh: Catalogue<typeof en> = {
  noCustomers: (model: string) =>
    `${model}：没有可拟合的客户。请检查筛选条件和校准期截止日期：没有客户在该日期之前购买。`,
  oneCustomer: (model: string) => `${model}：只有一个客户，而描述客户差异的模型无法只用一个客户拟合。请使用全部客户。`,
  badSummaryRow: (index: number, field: string, value: unknown, rule: string) =>
    `第 ${n(index + 1)} 行客户：${field}为 ${String(value)}，但${rule}。请检查日期列和客户列的映射。`,
  noRepeatPurchases: (model: string) =>
    `${model}：校准期内没有客户在首次购买后复购，无法估计购买率。请把校准期截止日期往后移，或检查日期。`,
  notConverged: (model: string, iterations: number, gradient: number) =>
    `${model}：最大似然估计未收敛（${n(iterations)} 次迭代，梯度 ${num(gradient)}）。参数不可靠，因此不予显示。` +
    `请检查数据中的异常值，或延长校准期。`,
  diverged: (model: string, name: string, value: number, towardsInfinity: boolean) =>
    `${model}：拟合使 ${name} 趋于${towardsInfinity ? "无穷大" : "零"}（${num(value)}），说明数据无法识别该模型` +
    `（客户太少、看不出客户流失，或所有客户都很相似）。参数不予显示。`,
  badLikelihood: (model: string) => `${model}：拟合起点处无法计算似然值（数据超出了模型的适用范围）。`,
  fewCustomers: (model: string, count: number) =>
    `${model}：只用 ${n(count)} 个客户拟合；参数较粗略，数据增多后可能变化很大。`,
  extremeParameter: (model: string, name: string, value: number) =>
    `${model}：${name} = ${num(value)} 是极端值；数据几乎无法确定它，解读预测时请谨慎。`,
  poorlyDetermined: (model: string, name: string, value: number, se: number) =>
    Number.isFinite(se)
      ? `${model}：${name} = ${num(value)}，标准误 ${num(se)} 大于估计值本身：数据几乎无法确定它，解读依赖它的结果时请谨慎。`
      : `${model}：数据无法确定 ${name} = ${num(value)}（此处似然函数平坦，没有标准误），解读依赖它的结果时请谨慎。`,
  littleChurn: (a: number, se: number) =>
    `BG/NBD：几乎没有客户被预测为流失：数据中的流失太少，无法判断（流失参数 a = ${num(a)}，标准误 ${num(se)}）。` +
    `存活概率 P(alive) 和长期预测偏乐观。`,
  noRepeatBuyers: () =>
    "Gamma-Gamma：没有客户有带消费金额的复购，无法对每次消费金额建模。复购次数 x = 0 的客户不参与此拟合。",
  badSpend: (index: number, value: number) =>
    `Gamma-Gamma：第 ${n(index + 1)} 行客户的平均消费金额为 ${String(value)}；消费金额必须是正数。请先排除退货和零金额订单。`,
  badFrequency: (index: number, value: unknown) =>
    `Gamma-Gamma：第 ${n(index + 1)} 行客户的复购次数为 ${String(value)}；它必须是不小于 0 的整数。`,
  spendFrequencyCorrelated: (rho: number) =>
    `Gamma-Gamma 模型假设每次消费金额与购买频率无关，但此处两者相关（${num(rho)}）；CLV 估计可能有偏差。`,
  infiniteMeanSpend: (q: number) =>
    `Gamma-Gamma：q = ${num(q)} 不大于 1，总体平均消费金额无上界；没有复购的客户的消费金额无法定义。`,
  badOption: (name: string, value: unknown, rule: string) => `${name}为 ${String(value)}，但${rule}。`,
  badCustomer: (index: number, reason: string) => `第 ${n(index + 1)} 个客户：${reason}。`,
  noPoints: () => "K-means：没有可聚类的行。请检查筛选条件。",
  noFeatures: () => "K-means：请至少选择一个数值特征用于聚类。",
  raggedRow: (index: number, length: number, expected: number) =>
    `K-means：第 ${n(index + 1)} 行有 ${length} 个值，而第一行有 ${expected} 个；每行的每个特征都需要一个值。`,
  badValue: (index: number, feature: string, value: unknown) =>
    `K-means：第 ${n(index + 1)} 行的 ${feature} 为 ${String(value)}；请先删除或填补缺失值。`,
  badK: (k: unknown) => `K-means：k 为 ${String(k)}，但它必须是不小于 1 的整数。`,
  tooFewPoints: (k: number, distinct: number) =>
    `K-means：要求 ${n(k)} 个簇，但数据只有 ${n(distinct)} 个不同的点。请选择更小的 k。`,
  constantFeature: (feature: string) =>
    `K-means：${feature} 在每一行的值都相同，无法区分客户群；保留该特征，但它不起作用。`,
  silhouetteSampled: (used: number, total: number) =>
    `轮廓系数基于 ${n(total)} 行中随机抽取的 ${n(used)} 行计算（样本由随机种子固定）。`,
  options: {
    horizon: "预测期数",
    periodLength: "每期长度",
    discountRate: "折现率",
    marginShare: "毛利率",
    marginPerPeriod: "每期毛利",
    retention: "客户保留率",
    acquisitionCost: "获客成本",
  },
  fields: {
    x: "x（复购次数）",
    T: "T（距首次购买的时间）",
    tx: "t_x（最后一次购买的时间）",
    count: "count（客户数）",
  },
  rules: {
    wholePeriods: "必须是不小于 1 的整数期数",
    positiveTime: "必须是正的时间单位数",
    discountExample: "必须是大于 -1 的数（例如每期 1 % 写作 0.01）",
    aboveMinusOne: "必须是大于 -1 的数",
    share: "必须在 0 到 1 之间",
    number: "必须是数字",
    wholeAtLeastZero: "必须是不小于 0 的整数",
    atLeastZero: "必须是不小于 0 的数",
    notAfterT: (T: number) => `不能晚于 T = ${T}`,
    zeroWithoutRepeats: "没有复购的客户必须为 0",
    positive: "必须是正数",
  },
  customer: {
    badMeanSpend: (value: number) => `平均消费金额 ${value} 不是正数`,
    noExpectedPurchases: "无法计算该客户的预期购买次数",
  },
  unnamedFeature: (position: number) => `特征 ${position}`,
};

/** Messages of src/recipes/models/, in the current locale. */
export const modelMessages = localized(en, { "zh-CN": zh });
