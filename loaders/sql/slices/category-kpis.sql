-- The overview's KPIs per product category, over the orders holding an item of it, purchased on or before the
-- analysis date. Revenue is the category's item revenue (price), as in the overview's top categories
-- (loaders/sql/top-categories.sql), and the average order value is that revenue per order. On-time delivery and
-- review score are per order, as for states.
WITH co AS (
  SELECT * FROM category_orders WHERE purchase_date <= CAST($analysis_date AS DATE)
), valid_people AS (
  SELECT key, person_id, count(*) AS orders FROM co WHERE is_valid AND NOT customer_unknown GROUP BY ALL
), repeaters AS (
  SELECT key, count(*) AS buyers, count(*) FILTER (WHERE orders >= 2) AS repeat_buyers
  FROM valid_people GROUP BY ALL
), reviews AS (
  SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY order_id
)
SELECT
  co.key,
  any_value(co.name) AS name,
  count(DISTINCT co.person_id) FILTER (WHERE NOT co.customer_unknown) AS customers,
  count(*) AS orders,
  round(sum(co.item_revenue), 2) AS revenue,
  any_value(coalesce(rp.buyers, 0)) AS buyers,
  any_value(coalesce(rp.repeat_buyers, 0)) AS repeat_buyers,
  avg(CASE WHEN co.delivered_at > co.estimated_delivery_at THEN 0.0 ELSE 1.0 END)
    FILTER (WHERE co.is_valid AND co.delivered_at IS NOT NULL) AS on_time_rate,
  avg(r.score) FILTER (WHERE co.is_valid) AS review_score
FROM co
LEFT JOIN repeaters rp USING (key)
LEFT JOIN reviews r USING (order_id)
GROUP BY co.key
ORDER BY revenue DESC, key;
