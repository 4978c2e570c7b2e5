// The two RFM scoring methods as SQL, both reading a `measures` CTE (customer_id, recency_days, frequency,
// monetary) and producing a `scored` CTE with r, f, m in 1-5 where 5 is best (most recent, most, highest).
import type { Cte } from "../sql";

/**
 * Plain quintiles: `ntile(5)` over customers ordered by the measure, ties broken by customer_id so a run
 * gives the same scores every time. Recency is ordered descending so the most recent fifth scores 5.
 * With fewer than five customers the top score is the number of customers (ntile's definition).
 */
export function quintileScores(): Cte[] {
  return [
    {
      name: "scored",
      comment: "quintile scores: ntile(5), ties broken by customer_id; recency reversed so 5 = most recent",
      body: `SELECT *,
  ntile(5) OVER (ORDER BY recency_days DESC, customer_id) AS r,
  ntile(5) OVER (ORDER BY frequency, customer_id) AS f,
  ntile(5) OVER (ORDER BY monetary, customer_id) AS m
FROM measures`,
    },
  ];
}

/** R's `quantile(x, probs = p, type = 7)` on a sorted list `xs`, with `idx = 1 + (n - 1) * p`, as R computes it. */
function rQuantile7(xs: string): string {
  const lo = `${xs}[CAST(floor(idx) AS BIGINT)]`;
  const hi = `${xs}[CAST(ceil(idx) AS BIGINT)]`;
  return `CASE WHEN idx > floor(idx) AND ${hi} <> ${lo}
    THEN (1 - (idx - floor(idx))) * ${lo} + (idx - floor(idx)) * ${hi}
    ELSE ${lo} END`;
}

/**
 * The convention of the R package rfm (`rfm_table_order`, 5 bins): for each measure the cut points are
 * `quantile(x, probs = seq(0, 1, length.out = 6))[2:5] + 1` (R's default type 7) and a customer's bin is
 * the interval `[lower, upper)` it falls in, with `min(x)` as the first lower and `max(x) + 1` as the last
 * upper bound: that is, 1 + the number of cut points <= x. Frequency and monetary take the bin number;
 * recency takes 6 - bin, so 5 is most recent. Equal values always share a score (no tie-breaking), and
 * the "+ 1" shifts every cut point up by one unit of the measure, exactly as the package does.
 */
export function rfmPackageScores(): Cte[] {
  return [
    {
      name: "sorted",
      comment: "each measure's values in order, for R's type-7 quantiles",
      body: `SELECT count(*) AS n,
  list_sort(list(recency_days)) AS recency_days,
  list_sort(list(frequency)) AS frequency,
  list_sort(list(monetary)) AS monetary
FROM measures`,
    },
    {
      name: "probs",
      comment: "R's seq(0, 1, length.out = 6)[2:5] is k * (1 / 5), and quantile() looks at position 1 + (n - 1) * p",
      body: "SELECT k, 1 + (n - 1) * (k * (1 / 5)) AS idx FROM sorted, range(1, 5) AS ks(k)",
    },
    {
      name: "breaks",
      comment: "cut points: quantile + 1, as the package's bins() adds",
      body: `SELECT k,
  ${rQuantile7("s.recency_days")} + 1 AS recency_days,
  ${rQuantile7("s.frequency")} + 1 AS frequency,
  ${rQuantile7("s.monetary")} + 1 AS monetary
FROM probs, sorted AS s`,
    },
    {
      name: "scored",
      comment: "bin = 1 + number of cut points <= value; recency reversed (6 - bin)",
      body: `SELECT c.*,
  6 - (1 + count_if(c.recency_days >= b.recency_days)) AS r,
  1 + count_if(c.frequency >= b.frequency) AS f,
  1 + count_if(c.monetary >= b.monetary) AS m
FROM measures AS c, breaks AS b
GROUP BY ALL`,
    },
  ];
}
