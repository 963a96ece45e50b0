-- Orders and payments per purchase month and customer state (all statuses, as the overview's monthly trend).
SELECT
  customer_state AS key,
  strftime(purchase_date, '%Y-%m') AS month,
  count(*) AS orders,
  round(sum(payment_value), 2) AS revenue
FROM order_facts
WHERE purchase_date <= CAST($analysis_date AS DATE) AND nullif(customer_state, '') IS NOT NULL
GROUP BY ALL
ORDER BY key, month;
