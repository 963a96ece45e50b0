-- The purchases the default analysis date ignores (see analysis-date.sql), the latest first, for the examples.
SELECT
  order_id,
  strftime(purchased_at, '%Y-%m-%d %H:%M:%S') AS purchased_at,
  CASE WHEN purchase_date > CAST($today AS DATE) THEN 'after today''s date' ELSE 'after the last dense month' END AS reason
FROM order_facts
WHERE purchase_date > CAST($today AS DATE) OR purchase_date >= CAST($dense_end AS DATE)
ORDER BY purchased_at DESC, order_id
LIMIT 10;
