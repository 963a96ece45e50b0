-- Per payment method of an order (the type carrying most of its value): orders, average order value, and the
-- repeat rate of people whose first order was paid that way.
WITH main_type AS (
  SELECT order_id, first(payment_type ORDER BY payment_value DESC, payment_type) AS payment_type
  FROM order_payments GROUP BY order_id
), o AS (
  SELECT f.*, m.payment_type,
    row_number() OVER (PARTITION BY f.person_id ORDER BY f.purchased_at, f.order_id) AS order_rank,
    count(*) OVER (PARTITION BY f.person_id) AS person_orders
  FROM order_facts f JOIN main_type m USING (order_id)
  WHERE f.is_valid AND NOT f.customer_unknown AND f.purchase_date <= CAST($analysis_date AS DATE)
)
SELECT
  payment_type,
  count(*) AS orders,
  round(avg(payment_value), 2) AS aov, -- rounded: a parallel sum differs in its last bits
  count(*) FILTER (WHERE order_rank = 1) AS first_orders,
  avg(CASE WHEN person_orders > 1 THEN 1.0 ELSE 0.0 END) FILTER (WHERE order_rank = 1) AS repeat_rate
FROM o
GROUP BY payment_type
ORDER BY orders DESC, payment_type;
