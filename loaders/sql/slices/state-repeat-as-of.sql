-- Per customer state, the people with a valid order and those with two or more, as of the last day of each
-- month of $months (YYYY-MM): the repeat rate the state cards compare. A person counts from the month of their
-- first valid order, and as a repeat buyer from the month of their second.
WITH ranked AS (
  SELECT customer_state AS key, purchase_date,
    row_number() OVER (PARTITION BY customer_state, person_id ORDER BY purchased_at, order_id) AS k
  FROM order_facts
  WHERE is_valid AND nullif(customer_state, '') IS NOT NULL AND purchase_date <= CAST($analysis_date AS DATE)
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
