-- The category pages' KPIs over the orders of each period, per category: a period is a month or a side of the
-- comparison ($period_names[i] covers the month $period_months[i]), counted as in category-kpis.sql.
WITH periods AS (
  SELECT unnest($period_months) AS month, unnest($period_names) AS period
), co AS (
  SELECT p.period, c.*
  FROM category_orders c
  JOIN periods p ON p.month = strftime(c.purchase_date, '%Y-%m')
  WHERE c.purchase_date <= CAST($analysis_date AS DATE)
), reviews AS (
  SELECT order_id, avg(review_score) AS score FROM order_reviews GROUP BY order_id
)
SELECT
  co.key,
  co.period,
  count(*) AS orders,
  count(*) AS orders_paid,
  round(sum(co.item_revenue), 2) AS revenue,
  count(DISTINCT co.person_id) FILTER (WHERE NOT co.customer_unknown) AS customers,
  avg(CASE WHEN co.delivered_at > co.estimated_delivery_at THEN 0.0 ELSE 1.0 END)
    FILTER (WHERE co.is_valid AND co.delivered_at IS NOT NULL) AS on_time_rate,
  avg(r.score) FILTER (WHERE co.is_valid) AS review_score
FROM co
LEFT JOIN reviews r USING (order_id)
GROUP BY ALL
ORDER BY key, period;
