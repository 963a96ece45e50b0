-- The default analysis date and the purchases it ignores. Purchases after $today cannot be real yet; of the rest,
-- the months with at least 5% of the median month's orders are dense (the sparse-months rule), and purchases after
-- the last dense month are a stray tail (a typo'd year, a few test orders) that must not move "today". The date is
-- the last purchase date that is neither.
WITH dated AS (
  SELECT purchase_date FROM order_facts WHERE purchase_date <= CAST($today AS DATE)
), months AS (
  SELECT date_trunc('month', purchase_date) AS month, count(*) AS orders FROM dated GROUP BY ALL
), bounds AS (
  SELECT CAST(max(month) + INTERVAL 1 MONTH AS DATE) AS dense_end, strftime(max(month), '%Y-%m') AS last_dense_month
  FROM months WHERE orders >= 0.05 * (SELECT median(orders) FROM months)
)
SELECT
  strftime(min(purchase_date), '%Y-%m-%d') AS first_purchase,
  strftime(max(purchase_date), '%Y-%m-%d') AS last_purchase,
  strftime(max(purchase_date) FILTER (WHERE purchase_date <= CAST($today AS DATE) AND purchase_date < dense_end), '%Y-%m-%d') AS chosen,
  any_value(last_dense_month) AS last_dense_month,
  strftime(any_value(dense_end), '%Y-%m-%d') AS dense_end,
  count(*) FILTER (WHERE purchase_date > CAST($today AS DATE)) AS after_today,
  count(*) FILTER (WHERE purchase_date <= CAST($today AS DATE) AND purchase_date >= dense_end) AS after_last_dense_month
FROM order_facts, bounds;
