-- Per customer state, its categories by item revenue (price), as the overview's top categories.
WITH ranked AS (
  SELECT
    o.customer_state AS key,
    coalesce(t.product_category_name_english, p.product_category_name, '(no category)') AS category,
    count(DISTINCT i.order_id) AS orders,
    round(sum(i.price), 2) AS revenue
  FROM order_items i
  JOIN order_facts o USING (order_id)
  LEFT JOIN products p USING (product_id)
  LEFT JOIN category_translation t ON t.product_category_name = p.product_category_name
  WHERE o.purchase_date <= CAST($analysis_date AS DATE) AND nullif(o.customer_state, '') IS NOT NULL
  GROUP BY ALL
)
SELECT key, category, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, category) <= $limit
ORDER BY key, revenue DESC, category;
