-- The overview's KPIs over the orders of each period: a period is a month of the sparklines or a side of the
-- comparison ($period_names[i] covers the month $period_months[i]; a month can be in several periods), over
-- orders purchased on or before the analysis date, summed as loaders/sql/kpis.sql sums them.
WITH periods AS (
  SELECT unnest($period_months) AS month, unnest($period_names) AS period
), o AS (
  SELECT p.period, f.*
  FROM order_facts f
  JOIN periods p ON p.month = strftime(f.purchase_date, '%Y-%m')
  WHERE f.purchase_date <= CAST($analysis_date AS DATE)
)
SELECT
  period,
  count(*) AS orders,
  count(*) FILTER (WHERE n_payments > 0) AS orders_paid,
  coalesce(round(sum(payment_value), 2), 0) AS revenue_payments, -- cents: a parallel sum differs in its last bits
  count(DISTINCT person_id) FILTER (WHERE NOT customer_unknown) AS customers
FROM o
GROUP BY period
ORDER BY period;
