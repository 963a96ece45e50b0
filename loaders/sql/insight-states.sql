-- Per customer state: people, revenue, delivery time and lateness of delivered orders, review score.
WITH o AS (
  SELECT * FROM order_facts
  WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
), reviews AS (
  SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY order_id
)
SELECT
  o.customer_state AS state,
  count(DISTINCT o.person_id) AS customers,
  count(*) AS orders,
  sum(o.payment_value::DECIMAL(18, 2))::DOUBLE AS revenue, -- exact: see insight-categories.sql
  round(avg(date_diff('second', o.purchased_at, o.delivered_at) / 86400.0), 4) AS avg_delivery_days,
  avg(CASE WHEN o.delivered_at > o.estimated_delivery_at THEN 1.0 WHEN o.delivered_at IS NOT NULL THEN 0.0 END) AS late_share,
  round(avg(r.score), 6) AS avg_review_score
FROM o LEFT JOIN reviews r USING (order_id)
GROUP BY o.customer_state
ORDER BY revenue DESC, state;
