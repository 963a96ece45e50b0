-- Orders holding the category and its item revenue (price), per purchase month and category (all statuses).
SELECT
  coalesce(p.product_category_name, '(no category)') AS key,
  strftime(o.purchase_date, '%Y-%m') AS month,
  count(DISTINCT i.order_id) AS orders,
  round(sum(i.price), 2) AS revenue
FROM order_items i
JOIN order_facts o USING (order_id)
LEFT JOIN products p USING (product_id)
WHERE o.purchase_date <= CAST($analysis_date AS DATE)
GROUP BY ALL
ORDER BY key, month;
