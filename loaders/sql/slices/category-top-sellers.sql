-- Per category, its sellers by item revenue (price), with their city and state where the sellers file has them.
WITH ranked AS (
  SELECT
    i.category AS key,
    i.seller_id,
    any_value(s.seller_city) AS seller_city,
    any_value(s.seller_state) AS seller_state,
    count(*) AS items,
    count(DISTINCT i.order_id) AS orders,
    round(sum(i.price), 2) AS revenue
  FROM item_facts i
  LEFT JOIN sellers s USING (seller_id)
  WHERE i.purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY i.category, i.seller_id
)
SELECT key, seller_id, seller_city, seller_state, items, orders, revenue
FROM ranked
QUALIFY row_number() OVER (PARTITION BY key ORDER BY revenue DESC, seller_id) <= $limit
ORDER BY key, revenue DESC, seller_id;
