-- Item revenue (price) and items per product category, English name where the translation has one.
SELECT
  category,
  any_value(category_english) AS category_english,
  count(*) AS items,
  count(DISTINCT order_id) AS orders,
  sum(price::DECIMAL(18, 2))::DOUBLE AS revenue -- exact in any order: see insight-categories.sql
FROM item_facts
WHERE purchase_date <= CAST($analysis_date AS DATE)
GROUP BY category
ORDER BY revenue DESC, category
LIMIT $limit;
