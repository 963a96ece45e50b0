-- Item revenue (price) and items per product category, English name where the translation has one.
SELECT
  coalesce(p.product_category_name, '(no category)') AS category,
  coalesce(t.product_category_name_english, p.product_category_name, '(no category)') AS category_english,
  count(*) AS items,
  count(DISTINCT i.order_id) AS orders,
  round(sum(i.price), 2) AS revenue
FROM order_items i
JOIN order_facts o USING (order_id)
LEFT JOIN products p USING (product_id)
LEFT JOIN category_translation t ON t.product_category_name = p.product_category_name
WHERE o.purchase_date <= CAST($analysis_date AS DATE)
GROUP BY ALL
ORDER BY revenue DESC
LIMIT $limit;
