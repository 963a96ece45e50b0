-- Every calendar month from the first purchase to the analysis date, with its orders (all statuses) and
-- whether it can be measured: complete (it ended on or before the analysis date) and not sparse (at least
-- 5% of the median month's orders, the rule of the data-quality page; a month with no order is sparse).
-- A cohort's month k is observable only when its calendar month is both.
WITH orders_by_month AS (
  SELECT date_trunc('month', purchase_date) AS month, count(*) AS orders
  FROM order_facts
  WHERE purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY ALL
), calendar AS (
  SELECT unnest(generate_series(
    (SELECT min(month) FROM orders_by_month),
    date_trunc('month', CAST($analysis_date AS DATE)),
    INTERVAL 1 MONTH
  )) AS month
)
SELECT
  strftime(c.month, '%Y-%m') AS month,
  coalesce(o.orders, 0) AS orders,
  c.month + INTERVAL 1 MONTH <= CAST($analysis_date AS DATE) + INTERVAL 1 DAY AS complete,
  coalesce(o.orders, 0) < 0.05 * (SELECT median(orders) FROM orders_by_month) AS sparse
FROM calendar c
LEFT JOIN orders_by_month o USING (month)
ORDER BY c.month;
