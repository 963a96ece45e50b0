-- Per category, its products by item revenue (price). Products have no names in Olist, only ids.
WITH ranked AS (
  SELECT
    category AS key,
    product_id,
    count(*) AS items,
    count(DISTINCT order_id) AS orders,
    round(sum(price), 2) AS revenue
  FROM item_facts
  WHERE purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY ALL
)
SELECT key, product_id, items, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, product_id) <= $limit
ORDER BY key, revenue DESC, product_id;
