-- Per customer state, its categories by item revenue (price), as the overview's top categories.
WITH ranked AS (
  SELECT
    customer_state AS key,
    category_english AS category,
    count(DISTINCT order_id) AS orders,
    round(sum(price), 2) AS revenue
  FROM item_facts
  WHERE purchase_date <= CAST($analysis_date AS DATE) AND nullif(customer_state, '') IS NOT NULL
  GROUP BY ALL
)
SELECT key, category, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, category) <= $limit
ORDER BY key, revenue DESC, category;
