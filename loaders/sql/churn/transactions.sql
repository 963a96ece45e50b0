-- Valid orders (not canceled/unavailable) of known people purchased on or before $cutoff, as days since
-- 1970-01-01: the input of the BG/NBD baseline.
SELECT person_id AS customer_unique_id, date_diff('day', DATE '1970-01-01', purchase_date) AS day, payment_value AS amount
FROM order_facts
WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($cutoff AS DATE)
ORDER BY customer_unique_id, day;
