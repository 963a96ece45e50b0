-- Category performance: item revenue, growth (last 6 months vs the 6 before, by purchase date), review score,
-- and the repeat rate of people whose first order held the category.
WITH o AS (
  SELECT f.order_id, row_number() OVER (PARTITION BY f.person_id ORDER BY f.purchased_at, f.order_id) AS order_rank,
    count(*) OVER (PARTITION BY f.person_id) AS person_orders
  FROM order_facts f
  WHERE f.is_valid AND NOT f.customer_unknown AND f.purchase_date <= CAST($analysis_date AS DATE)
), items AS (
  SELECT i.*, o.order_rank, o.person_orders, i.category_english AS category_name
  FROM item_facts i JOIN o USING (order_id)
), reviews AS (
  SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY order_id
)
SELECT
  category_name AS category,
  -- Money is summed as exact decimals: DuckDB adds doubles in the order its threads finish, which changes the last
  -- bits between two builds of the same data (and a growth ratio with them).
  sum(price::DECIMAL(18, 2))::DOUBLE AS revenue,
  count(DISTINCT order_id) AS orders,
  sum(price::DECIMAL(18, 2)) FILTER (WHERE purchase_date > CAST($analysis_date AS DATE) - INTERVAL 6 MONTH)::DOUBLE AS revenue_last_6m,
  sum(price::DECIMAL(18, 2)) FILTER (WHERE purchase_date <= CAST($analysis_date AS DATE) - INTERVAL 6 MONTH
                       AND purchase_date > CAST($analysis_date AS DATE) - INTERVAL 12 MONTH)::DOUBLE AS revenue_prior_6m,
  round(avg(r.score), 6) AS avg_review_score,
  count(DISTINCT person_id) FILTER (WHERE order_rank = 1) AS first_buyers,
  count(DISTINCT person_id) FILTER (WHERE order_rank = 1 AND person_orders > 1) AS first_buyers_repeating
FROM items LEFT JOIN reviews r USING (order_id)
GROUP BY category_name
ORDER BY revenue DESC, category;
