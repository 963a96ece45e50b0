CREATE TABLE order_items AS
SELECT
  trim(order_id) AS order_id,
  CAST(trim(order_item_id) AS INTEGER) AS order_item_id,
  trim(product_id) AS product_id,
  trim(seller_id) AS seller_id,
  try_cast(trim(shipping_limit_date) AS TIMESTAMP) AS shipping_limit_date,
  CAST(trim(price) AS DOUBLE) AS price,
  CAST(trim(freight_value) AS DOUBLE) AS freight_value
FROM checked_order_items
WHERE reject_reason IS NULL
ORDER BY source_row;
