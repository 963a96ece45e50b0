-- One row per order with its person, place, totals and dates: the table most loaders start from.
-- An order whose customer_id is unknown is kept (and counted as an orphan) with a person id of its own.
-- is_valid excludes canceled and unavailable orders, which the churn rule and repeat rates ignore.
CREATE TABLE order_facts AS
WITH items AS (
  SELECT order_id, count(*) AS n_items, sum(price) AS items_price, sum(freight_value) AS items_freight
  FROM order_items GROUP BY order_id
), payments AS (
  SELECT order_id, count(*) AS n_payments, sum(payment_value) AS payment_value
  FROM order_payments GROUP BY order_id
)
SELECT
  o.order_id,
  o.customer_id,
  coalesce(c.customer_unique_id, 'unknown-customer:' || o.customer_id) AS person_id,
  c.customer_unique_id IS NULL AS customer_unknown,
  c.customer_state,
  c.customer_zip_code_prefix,
  o.order_status,
  o.order_status NOT IN ('canceled', 'unavailable') AS is_valid,
  o.order_purchase_timestamp AS purchased_at,
  CAST(o.order_purchase_timestamp AS DATE) AS purchase_date,
  o.order_delivered_customer_date AS delivered_at,
  o.order_estimated_delivery_date AS estimated_delivery_at,
  coalesce(i.n_items, 0) AS n_items,
  coalesce(i.items_price, 0) AS items_price,
  coalesce(i.items_freight, 0) AS items_freight,
  coalesce(p.n_payments, 0) AS n_payments,
  coalesce(p.payment_value, 0) AS payment_value
FROM orders o
LEFT JOIN customers c USING (customer_id)
LEFT JOIN items i USING (order_id)
LEFT JOIN payments p USING (order_id)
ORDER BY o.order_purchase_timestamp, o.order_id;
