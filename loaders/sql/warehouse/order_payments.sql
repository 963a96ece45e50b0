CREATE TABLE order_payments AS
SELECT
  trim(order_id) AS order_id,
  CAST(trim(payment_sequential) AS INTEGER) AS payment_sequential,
  lower(trim(payment_type)) AS payment_type,
  CAST(trim(payment_installments) AS INTEGER) AS payment_installments,
  CAST(trim(payment_value) AS DOUBLE) AS payment_value
FROM checked_order_payments
WHERE reject_reason IS NULL
ORDER BY source_row;
