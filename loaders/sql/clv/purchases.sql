-- Purchases for the CLV models, as a temporary table every other clv/ query reads: one row per person and purchase
-- day, over orders that are not canceled or unavailable, purchased on or before $analysis_date. Orders of one
-- person on one day are one purchase (their payments add up). day: days since 1970-01-01.
CREATE OR REPLACE TEMP TABLE clv_purchases AS
SELECT
  person_id AS customer_unique_id,
  date_diff('day', DATE '1970-01-01', purchase_date)::INTEGER AS day,
  sum(payment_value) AS amount
FROM order_facts
WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
GROUP BY person_id, purchase_date
