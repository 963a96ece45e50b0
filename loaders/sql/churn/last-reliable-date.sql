-- The last purchase date whose month is complete enough to observe returns: the analysis date, or the last
-- day of the latest month up to it that is not sparse (sparse = fewer than 5% of the median month's orders,
-- the data-quality page's rule), whichever comes first.
WITH months AS (
  SELECT date_trunc('month', purchase_date) AS month, count(*) AS orders
  FROM order_facts WHERE purchase_date <= CAST($analysis_date AS DATE) GROUP BY ALL
), dense AS (
  SELECT month FROM months WHERE orders >= 0.05 * (SELECT median(orders) FROM months)
)
SELECT
  strftime(least(CAST($analysis_date AS DATE), CAST(max(month) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE)), '%Y-%m-%d') AS last_reliable,
  strftime(CAST(max(month) AS DATE), '%Y-%m') AS last_dense_month,
  strftime((SELECT min(purchase_date) FROM order_facts), '%Y-%m-%d') AS first_purchase
FROM dense;
