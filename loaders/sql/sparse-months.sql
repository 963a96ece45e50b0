-- Purchase months with fewer than 5% of the median month's orders: the sparse edges of the data, which
-- make edge cohorts and the default analysis date misleading.
WITH months AS (
  SELECT strftime(purchase_date, '%Y-%m') AS month, count(*) AS orders FROM order_facts GROUP BY ALL
)
SELECT month, orders FROM months
WHERE orders < 0.05 * (SELECT median(orders) FROM months)
ORDER BY month;
