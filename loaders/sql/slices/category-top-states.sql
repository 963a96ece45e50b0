-- Per category, the customer states that bought it, by item revenue (price).
WITH ranked AS (
  SELECT
    coalesce(p.product_category_name, '(no category)') AS key,
    coalesce(nullif(o.customer_state, ''), '(unknown)') AS state,
    count(DISTINCT o.person_id) FILTER (WHERE NOT o.customer_unknown) AS customers,
    count(DISTINCT i.order_id) AS orders,
    round(sum(i.price), 2) AS revenue
  FROM order_items i
  JOIN order_facts o USING (order_id)
  LEFT JOIN products p USING (product_id)
  WHERE o.purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY ALL
)
SELECT key, state, customers, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, state) <= $limit
ORDER BY key, revenue DESC, state;
