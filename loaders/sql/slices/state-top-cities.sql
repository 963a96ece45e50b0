-- Per customer state, its customers' cities by payments (city names as written in the customers file).
WITH ranked AS (
  SELECT
    o.customer_state AS key,
    coalesce(nullif(c.customer_city, ''), '(no city)') AS city,
    count(DISTINCT o.person_id) AS customers,
    count(*) AS orders,
    round(sum(o.payment_value), 2) AS revenue
  FROM order_facts o
  JOIN customers c USING (customer_id)
  WHERE o.purchase_date <= CAST($analysis_date AS DATE) AND nullif(o.customer_state, '') IS NOT NULL
  GROUP BY ALL
)
SELECT key, city, customers, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, city) <= $limit
ORDER BY key, revenue DESC, city;
