-- Per category, the people with a valid order holding it and those with two or more such orders, as of the last
-- day of each month of $months (YYYY-MM), as state-repeat-as-of.sql counts them for states.
WITH ranked AS (
  SELECT key, purchase_date, row_number() OVER (PARTITION BY key, person_id ORDER BY purchased_at, order_id) AS k
  FROM category_orders
  WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
), arrivals AS (
  SELECT key, strftime(purchase_date, '%Y-%m') AS month,
    count(*) FILTER (WHERE k = 1) AS buyers, count(*) FILTER (WHERE k = 2) AS repeat_buyers
  FROM ranked WHERE k <= 2 GROUP BY ALL
), months AS (
  SELECT unnest($months) AS month
)
SELECT a.key, m.month, sum(a.buyers) AS buyers, sum(a.repeat_buyers) AS repeat_buyers
FROM arrivals a JOIN months m ON a.month <= m.month
GROUP BY ALL
ORDER BY ALL;
