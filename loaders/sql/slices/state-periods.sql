-- The state pages' KPIs over the orders of each period, per customer state: a period is a month or a side of the
-- comparison ($period_names[i] covers the month $period_months[i]), as loaders/sql/kpi-periods.sql for the
-- overview; on-time delivery and review score as in state-kpis.sql.
WITH periods AS (
  SELECT unnest($period_months) AS month, unnest($period_names) AS period
), o AS (
  SELECT p.period, f.*
  FROM order_facts f
  JOIN periods p ON p.month = strftime(f.purchase_date, '%Y-%m')
  WHERE f.purchase_date <= CAST($analysis_date AS DATE) AND nullif(f.customer_state, '') IS NOT NULL
), reviews AS (
  SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY order_id
)
SELECT
  o.customer_state AS key,
  o.period,
  count(*) AS orders,
  count(*) FILTER (WHERE o.n_payments > 0) AS orders_paid,
  coalesce(round(sum(o.payment_value), 2), 0) AS revenue, -- cents: a parallel sum differs in its last bits
  count(DISTINCT o.person_id) AS customers,
  avg(CASE WHEN o.delivered_at > o.estimated_delivery_at THEN 0.0 ELSE 1.0 END)
    FILTER (WHERE o.is_valid AND o.delivered_at IS NOT NULL) AS on_time_rate,
  avg(r.score) FILTER (WHERE o.is_valid) AS review_score
FROM o
LEFT JOIN reviews r USING (order_id)
GROUP BY ALL
ORDER BY key, period;
