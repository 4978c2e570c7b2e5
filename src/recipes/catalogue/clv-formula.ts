// The CTEs of formula CLV, shared by the lifetime-value recipe and the value matrix:
// CLV = sum over t = 0..T-1 of m * r^t / (1 + d)^t, minus acquisition cost.
import { retentionShortHistory } from "../../messages/recipes";
import { CLV_FORMULA_TEXT } from "../../messages/recipes/clv-formula";
import { worded, type ParamSpec } from "../params";
import { sqlString, type Cte } from "../sql";

/** The parameters of formula CLV (retention automatic by default: the observed yearly rate). */
export const FORMULA_PARAMS: readonly ParamSpec[] = [
  worded({ name: "retention", type: "number", default: null, min: 0, max: 1 }, () => CLV_FORMULA_TEXT.retention),
  worded({ name: "discount", type: "number", default: 0.1, min: 0, max: 1 }, () => CLV_FORMULA_TEXT.discount),
  worded(
    { name: "horizon", type: "number", default: 5, min: 1, max: 50, integer: true },
    () => CLV_FORMULA_TEXT.horizon,
  ),
  worded({ name: "acquisition_cost", type: "number", default: 0, min: 0 }, () => CLV_FORMULA_TEXT.acquisitionCost),
];

/**
 * `yearly` (margin per customer in the last and the previous 12 months), `rate` (r: the parameter or the
 * observed retention) and `factor` (sum of r^t / (1 + d)^t for t < T), reading `tx`, `as_of`, `params`.
 */
export function formulaCtes(valueColumn: "margin" | "amount"): Cte[] {
  return [
    {
      name: "yearly",
      comment: `${valueColumn} per customer: m = the last 12 months; the 12 months before, for the observed retention`,
      body: `SELECT customer_id,
  COALESCE(sum(${valueColumn}) FILTER (WHERE date > a.day - INTERVAL 12 MONTH), 0) AS m,
  count(*) FILTER (WHERE amount > 0 AND date > a.day - INTERVAL 12 MONTH) > 0 AS bought_last_year,
  count(*) FILTER (WHERE amount > 0 AND date <= a.day - INTERVAL 12 MONTH AND date > a.day - INTERVAL 24 MONTH) > 0 AS bought_year_before
FROM tx, as_of AS a
GROUP BY customer_id`,
    },
    {
      name: "rate",
      comment:
        "r = the parameter, else buyers of the year before who bought again in the last year / buyers of the year before;\nprior_months: whole months of data before the last 12 (an observed r on fewer than 12 rests on a partial year)",
      body: `SELECT COALESCE(p.retention,
  (SELECT count(*) FILTER (WHERE bought_year_before AND bought_last_year) / NULLIF(count(*) FILTER (WHERE bought_year_before), 0) FROM yearly)) AS r,
  p.retention IS NULL AS observed,
  h.prior_months,
  CASE WHEN p.retention IS NULL AND h.prior_months < 12 THEN format(${sqlString(retentionShortHistory())}, h.prior_months) END AS retention_note
FROM params AS p,
  (SELECT greatest(0, date_diff('month', min(t.date), any_value(a.day) - INTERVAL 12 MONTH)) AS prior_months FROM tx AS t, as_of AS a) AS h`,
    },
    {
      name: "factor",
      comment: "sum over t = 0..T-1 of r^t / (1 + d)^t",
      body: "SELECT sum(power(r.r, t.t) / power(1 + p.discount, t.t)) AS f\nFROM rate AS r, params AS p, range(0, 50) AS t(t)\nWHERE t.t < p.horizon",
    },
  ];
}
