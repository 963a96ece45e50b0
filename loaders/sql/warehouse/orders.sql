CREATE TABLE orders AS
SELECT
  trim(order_id) AS order_id,
  trim(customer_id) AS customer_id,
  lower(trim(order_status)) AS order_status,
  CAST(trim(order_purchase_timestamp) AS TIMESTAMP) AS order_purchase_timestamp,
  try_cast(trim(order_approved_at) AS TIMESTAMP) AS order_approved_at,
  try_cast(trim(order_delivered_carrier_date) AS TIMESTAMP) AS order_delivered_carrier_date,
  try_cast(trim(order_delivered_customer_date) AS TIMESTAMP) AS order_delivered_customer_date,
  try_cast(trim(order_estimated_delivery_date) AS TIMESTAMP) AS order_estimated_delivery_date
FROM checked_orders
WHERE reject_reason IS NULL
ORDER BY source_row;
