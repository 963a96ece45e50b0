-- Per category, its products by item revenue (price). Products have no names in Olist, only ids.
WITH ranked AS (
  SELECT
    coalesce(p.product_category_name, '(no category)') AS key,
    i.product_id,
    count(*) AS items,
    count(DISTINCT i.order_id) AS orders,
    round(sum(i.price), 2) AS revenue
  FROM order_items i
  JOIN order_facts o USING (order_id)
  LEFT JOIN products p USING (product_id)
  WHERE o.purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY ALL
)
SELECT key, product_id, items, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, product_id) <= $limit
ORDER BY key, revenue DESC, product_id;
