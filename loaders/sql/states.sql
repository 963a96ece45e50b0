-- Customers, orders and payments per customer state (orders whose customer is unknown have no state).
SELECT
  coalesce(customer_state, '(unknown)') AS state,
  count(DISTINCT person_id) AS customers,
  count(*) AS orders,
  round(sum(payment_value), 2) AS revenue
FROM order_facts
WHERE purchase_date <= CAST($analysis_date AS DATE)
GROUP BY ALL
ORDER BY revenue DESC;
