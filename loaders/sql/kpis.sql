-- Headline figures as of the analysis date: orders purchased after it are not counted. Revenue sums cover
-- the payment rows and items of those orders (rows whose order is unknown appear on the data-quality page).
WITH o AS (
  SELECT * FROM order_facts WHERE purchase_date <= CAST($analysis_date AS DATE)
), valid_people AS (
  SELECT person_id, count(*) AS orders FROM o WHERE is_valid GROUP BY person_id
)
SELECT
  strftime(min(purchased_at), '%Y-%m-%d %H:%M:%S') AS first_purchase,
  strftime(max(purchased_at), '%Y-%m-%d %H:%M:%S') AS last_purchase,
  count(DISTINCT person_id) FILTER (WHERE NOT customer_unknown) AS customers,
  count(*) AS orders,
  count(*) FILTER (WHERE order_status = 'delivered') AS orders_delivered,
  count(*) FILTER (WHERE n_payments > 0) AS orders_paid,
  round(sum(payment_value), 2) AS revenue_payments, -- cents: a parallel sum differs in its last bits
  round(sum(items_price + items_freight), 2) AS revenue_items,
  (SELECT count(*) FROM valid_people) AS buyers,
  (SELECT count(*) FROM valid_people WHERE orders >= 2) AS repeat_buyers
FROM o;
