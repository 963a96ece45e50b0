-- Per category, its sellers by item revenue (price), with their city and state where the sellers file has them.
WITH ranked AS (
  SELECT
    coalesce(p.product_category_name, '(no category)') AS key,
    i.seller_id,
    any_value(s.seller_city) AS seller_city,
    any_value(s.seller_state) AS seller_state,
    count(*) AS items,
    count(DISTINCT i.order_id) AS orders,
    round(sum(i.price), 2) AS revenue
  FROM order_items i
  JOIN order_facts o USING (order_id)
  LEFT JOIN products p USING (product_id)
  LEFT JOIN sellers s USING (seller_id)
  WHERE o.purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY key, i.seller_id
)
SELECT key, seller_id, seller_city, seller_state, items, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, seller_id) <= $limit
ORDER BY key, revenue DESC, seller_id;
