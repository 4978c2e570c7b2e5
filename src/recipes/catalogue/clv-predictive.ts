// The predictive level of lifetime value (recipe 11, `level=predictive`), shared with the value matrix: the
// per-customer (x, t_x, T, mean repeat spend) SQL and the ts cells fitting BG/NBD and Gamma-Gamma and valuing customers.
import { noCustomersToFit } from "../../messages/recipes";
import { CLV_PREDICTIVE_TEXT } from "../../messages/recipes/clv-predictive";
import { worded, type ParamSpec } from "../params";
import type { Cte } from "../sql";
import type { TxFeatures } from "../transactions";

/** The parameters only the predictive level reads (the horizon and discount rate are the formula level's). */
export const PREDICTIVE_PARAMS: readonly ParamSpec[] = [
  {
    name: "time_unit",
    type: "choice",
    get label() {
      return CLV_PREDICTIVE_TEXT.timeUnit.label;
    },
    default: "weeks",
    get options() {
      const t = CLV_PREDICTIVE_TEXT.timeUnit;
      return [
        { value: "weeks", label: t.weeks },
        { value: "days", label: t.days },
      ];
    },
  },
  worded(
    { name: "margin_share", type: "number", default: null, min: 0, max: 1 },
    () => CLV_PREDICTIVE_TEXT.marginShare,
  ),
  worded({ name: "zero_purchases", type: "boolean", default: false }, () => CLV_PREDICTIVE_TEXT.zeroPurchases),
];

/** Days per model time unit. */
export const unitDays = (unit: string) => (unit === "days" ? 1 : 7);

/**
 * `purchase_days` (purchases merged per customer and day) and `summary` (x, t_x, T in the time unit, mean repeat
 * spend, and the margin share), reading `tx`, `as_of` (the calibration end) and `params` (`margin_share`).
 */
export function summaryCtes(features: TxFeatures, measure: string, unit: string, zeroPurchases: boolean): Cte[] {
  const days = unitDays(unit);
  const observed =
    measure === "margin" && features.margin
      ? "(SELECT sum(margin) / NULLIF(sum(amount), 0) FROM tx)"
      : "CAST(1 AS DOUBLE)";
  return [
    {
      name: "purchase_days",
      comment: `purchases (amount ${zeroPurchases ? ">= 0, zero amounts included" : "> 0"}) on the same day merged into one, as the purchase models assume`,
      body: `SELECT customer_id, date AS day, sum(amount) AS spend\nFROM tx\nWHERE amount ${zeroPurchases ? ">=" : ">"} 0\nGROUP BY customer_id, date`,
    },
    {
      name: "numbered",
      body: "SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY day) AS n, min(day) OVER (PARTITION BY customer_id) AS first_day\nFROM purchase_days",
    },
    {
      name: "summary",
      comment: `x = repeat purchases, t_x = last purchase, T = calibration end, both from the first purchase, in ${unit}`,
      body: `SELECT customer_id, first_day AS first_purchase, count(*) - 1 AS x,
  date_diff('day', first_day, max(numbered.day)) / ${days.toFixed(1)} AS t_x,
  date_diff('day', first_day, any_value(a.day)) / ${days.toFixed(1)} AS "T",
  avg(spend) FILTER (WHERE n > 1) AS mean_repeat_spend,
  sum(spend) AS calibration_spend,
  COALESCE(any_value(p.margin_share), ${observed}) AS margin_share
FROM numbered, as_of AS a, params AS p
GROUP BY customer_id, first_day`,
    },
  ];
}

const lit = (value: unknown) => JSON.stringify(value);

/** The ts cell fitting BG/NBD on the summary: one row r, alpha, a, b, loglik, converged (or an error saying why not). */
export function bgNbdCode(summary: string, unit: string): string {
  return `// BG/NBD (Fader, Hardie & Lee 2005) by maximum likelihood on (x, t_x, T) in ${unit}: purchase rates ~ Gamma(r, alpha),
// dropout after each purchase ~ Beta(a, b). A fit that does not converge stops here and says why.
const customers = ${summary} as { x: number; t_x: number; T: number }[];
if (customers.length === 0) throw new Error(${lit(noCustomersToFit())});
const fit = lib.fitBgNbd(customers.map((c) => ({ x: c.x, tx: c.t_x, T: c.T })));
if (!fit.ok) throw new Error(fit.error);
for (const warning of fit.value.warnings) log(warning);
const { r, alpha, a, b } = fit.value.params;
// Standard errors from the curvature of the likelihood at the optimum: a large one means the data barely tell.
const se = fit.value.standardErrors;
return [{ r, alpha, a, b, se_r: se.r, se_alpha: se.alpha, se_a: se.a, se_b: se.b, loglik: fit.value.logLikelihood, converged: fit.value.convergence.converged, customers: fit.value.customers }];`;
}

/** The ts cell fitting Gamma-Gamma on the repeat buyers' mean repeat spend: one row p, q, gamma. */
export function gammaGammaCode(summary: string): string {
  return `// Gamma-Gamma (Fader, Hardie & Lee 2005) on the mean spend of repeat purchases, repeat buyers only: spend per
// purchase ~ Gamma(p, nu), nu ~ Gamma(q, gamma). Expected spend needs q > 1; a fit that does not converge says why.
const repeat = (${summary} as { x: number; mean_repeat_spend: number }[]).filter((c) => c.x > 0);
// A repeat buyer whose repeat purchases were all free has no spend to model: left out, and counted.
const buyers = repeat.filter((c) => c.mean_repeat_spend > 0);
if (buyers.length < repeat.length) log(\`\${repeat.length - buyers.length} repeat buyers with a mean repeat spend of 0 left out of the spend model\`);
const fit = lib.fitGammaGamma(buyers.map((c) => ({ x: c.x, meanSpend: c.mean_repeat_spend })));
if (!fit.ok) throw new Error(fit.error);
for (const warning of fit.value.warnings) log(warning);
if (fit.value.params.q <= 1) throw new Error(fit.value.warnings.join(" ")); // q <= 1: no finite mean spend
const { p, q, gamma } = fit.value.params;
const se = fit.value.standardErrors;
return [{ p, q, gamma, se_p: se.p, se_q: se.q, se_gamma: se.gamma, loglik: fit.value.logLikelihood, converged: fit.value.convergence.converged, customers: fit.value.customers }];`;
}

/** Settings of the per-customer valuation cell. */
export interface ValuesOptions {
  readonly summary: string;
  readonly bgnbd: string;
  readonly gammaGamma: string;
  readonly unit: string;
  readonly horizonYears: number;
  readonly yearlyDiscount: number;
}

/** The ts cell valuing each customer: P(alive), expected purchases and spend over the horizon, discounted CLV. */
export function valuesCode(o: ValuesOptions): string {
  return `// Per customer: P(alive), expected purchases over the horizon, expected spend per purchase (Gamma-Gamma) and
// CLV = sum over the months of the horizon of expected purchases x expected spend x margin share / (1 + monthly rate)^month.
// Parameters: edit here, or re-insert the recipe from the gallery.
const horizonYears = ${lit(o.horizonYears)};
const yearlyDiscount = ${lit(o.yearlyDiscount)};
const monthLength = 365.25 / 12 / ${lit(unitDays(o.unit))}; // one month in ${o.unit}
const monthlyRate = (1 + yearlyDiscount) ** (1 / 12) - 1;
const customers = ${o.summary} as Record<string, any>[];
if (customers.length === 0) throw new Error(${lit(noCustomersToFit())});
const out = lib.customerLifetimeValue(${o.bgnbd}[0], ${o.gammaGamma}[0],
  // Repeat purchases that were all free: an observed mean of 0 (a tiny positive number, which the model accepts).
  customers.map((c) => ({ x: c.x, tx: c.t_x, T: c.T, meanSpend: c.x > 0 ? Math.max(c.mean_repeat_spend ?? 0, 1e-9) : 0 })),
  { horizon: 12 * horizonYears, periodLength: monthLength, discountRate: monthlyRate, margin: customers[0].margin_share });
if (!out.ok) throw new Error(out.error);
// (x, t_x, T and the margin share are in the summary cell: join on customer_id.)
return customers.map((c, i) => ({
  customer_id: c.customer_id,
  p_alive: out.value[i].pAlive,
  expected_purchases: out.value[i].expectedPurchases,
  expected_spend: out.value[i].expectedSpend,
  lifetime_value: out.value[i].clv,
}));`;
}
