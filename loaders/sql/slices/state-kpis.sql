-- The overview's KPIs (loaders/sql/kpis.sql) per customer state, over the orders of that state's customers
-- purchased on or before the analysis date; on-time delivery and review score as on the insights page
-- (loaders/sql/insight-states.sql). Orders whose customer is unknown or has no state are in no state.
WITH o AS (
  SELECT * FROM order_facts
  WHERE purchase_date <= CAST($analysis_date AS DATE) AND nullif(customer_state, '') IS NOT NULL
), valid_people AS (
  SELECT customer_state, person_id, count(*) AS orders FROM o WHERE is_valid GROUP BY ALL
), repeaters AS (
  SELECT customer_state, count(*) AS buyers, count(*) FILTER (WHERE orders >= 2) AS repeat_buyers
  FROM valid_people GROUP BY ALL
), reviews AS (
  SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY order_id
)
SELECT
  o.customer_state AS key,
  count(DISTINCT o.person_id) AS customers,
  count(*) AS orders,
  count(*) FILTER (WHERE o.n_payments > 0) AS orders_paid,
  round(sum(o.payment_value), 2) AS revenue,
  any_value(coalesce(rp.buyers, 0)) AS buyers,
  any_value(coalesce(rp.repeat_buyers, 0)) AS repeat_buyers,
  -- late = delivered after the estimate; an order without an estimate counts as on time, as on the insights page
  avg(CASE WHEN o.delivered_at > o.estimated_delivery_at THEN 0.0 ELSE 1.0 END)
    FILTER (WHERE o.is_valid AND o.delivered_at IS NOT NULL) AS on_time_rate,
  avg(r.score) FILTER (WHERE o.is_valid) AS review_score
FROM o
LEFT JOIN repeaters rp USING (customer_state)
LEFT JOIN reviews r USING (order_id)
GROUP BY o.customer_state
ORDER BY revenue DESC, key;
