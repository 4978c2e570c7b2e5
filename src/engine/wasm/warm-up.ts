// The engine's warm-up: one synthetic query over generated rows that runs the code paths the recipes spend
// their time in (string keys cast and hashed, GROUP BY with FILTER, DECIMAL sums, date arithmetic, ntile and
// running windows, a join, a sort), so V8 compiles those hot wasm functions (tier-up) while the user reads
// rather than during their first recipe. It reads no table and makes none; its one row is thrown away.

/** Rows generated: enough for V8 to find the loops hot, little enough to take a fraction of a second. */
export const WARM_UP_ROWS = 200_000;

/** The warm-up statement (one row out). */
export const WARM_UP_SQL = `WITH raw AS (
  SELECT 'C' || lpad(CAST(i % 20011 AS VARCHAR), 6, '0') AS customer_id,
    DATE '2023-01-02' + CAST(i % 911 AS INTEGER) AS order_date,
    ((i * 7919) % 100003) / 100.0 - 50 AS amount,
    (['Direct', 'Partner', 'Online'])[1 + CAST(i % 3 AS INTEGER)] AS channel
  FROM range(${WARM_UP_ROWS}) AS r(i)
),
-- As a recipe maps its roles: ids as text (decimal ids cut), dates and money cast with TRY_CAST.
tx AS (
  SELECT CASE WHEN contains(CAST(customer_id AS VARCHAR), '.') THEN regexp_replace(CAST(customer_id AS VARCHAR),
      '^(-?[0-9]+)\\.0+$', '\\1') ELSE CAST(customer_id AS VARCHAR) END AS customer_id,
    TRY_CAST(order_date AS DATE) AS date, TRY_CAST(TRY_CAST(amount AS DOUBLE) AS DECIMAL(18, 4)) AS amount, channel
  FROM raw
),
measures AS (
  SELECT customer_id, max(date) FILTER (WHERE amount > 0) AS last_purchase, min(date) AS first_purchase,
    datediff('day', max(date) FILTER (WHERE amount > 0), DATE '2025-06-30') AS recency_days,
    count(*) FILTER (WHERE amount > 0) AS frequency, sum(amount) AS revenue, count(DISTINCT channel) AS channels
  FROM tx GROUP BY customer_id
),
scored AS (
  SELECT *, ntile(5) OVER (ORDER BY recency_days DESC, customer_id) AS r,
    ntile(5) OVER (ORDER BY frequency, customer_id) AS f,
    sum(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS UNBOUNDED PRECEDING) AS running
  FROM measures
),
periods AS (
  SELECT customer_id, date_trunc('month', date) AS period_start, sum(amount) AS revenue
  FROM tx GROUP BY ALL
),
cohorts AS (
  SELECT date_trunc('month', s.first_purchase) AS cohort, p.period_start, count(DISTINCT p.customer_id) AS customers
  FROM periods AS p JOIN scored AS s USING (customer_id)
  GROUP BY ALL
)
SELECT (SELECT list(customer_id ORDER BY r * 10 + f DESC, customer_id)[1] FROM scored) AS first_customer,
  (SELECT max(running) FROM scored) AS revenue, (SELECT sum(customers) FROM cohorts) AS cohort_rows`;
