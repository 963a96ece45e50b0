-- Per category, the customer states that bought it, by item revenue (price).
WITH ranked AS (
  SELECT
    category AS key,
    coalesce(nullif(customer_state, ''), '(unknown)') AS state,
    count(DISTINCT person_id) FILTER (WHERE NOT customer_unknown) AS customers,
    count(DISTINCT order_id) AS orders,
    round(sum(price), 2) AS revenue
  FROM item_facts
  WHERE purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY ALL
)
SELECT key, state, customers, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, state) <= $limit
ORDER BY key, revenue DESC, state;
