-- The busiest purchase days, with the average day of their month for comparison.
WITH days AS (
  SELECT purchase_date, count(*) AS orders FROM order_facts
  WHERE purchase_date <= CAST($analysis_date AS DATE) GROUP BY ALL
), months AS (
  SELECT date_trunc('month', purchase_date) AS month, avg(orders) AS avg_day FROM days GROUP BY ALL
)
SELECT strftime(d.purchase_date, '%Y-%m-%d') AS date, d.orders, m.avg_day AS month_avg_day
FROM days d JOIN months m ON m.month = date_trunc('month', d.purchase_date)
ORDER BY d.orders DESC, d.purchase_date -- ties (common in small data) by date: two builds pick the same days
LIMIT 5;
