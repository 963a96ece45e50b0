-- RFM inputs per person (customer_unique_id) as of $cutoff (YYYY-MM-DD), over orders that are not canceled or
-- unavailable and were purchased on or before the cutoff — the same definitions as recency_days, frequency and
-- monetary_total in the customer feature table. state: the address of the latest such order.
SELECT
  person_id AS customer_unique_id,
  date_diff('day', max(purchase_date), CAST($cutoff AS DATE)) AS recency_days,
  count(*) AS orders,
  round(sum(payment_value), 2) AS monetary,
  arg_max(customer_state, purchased_at) AS state
FROM order_facts
WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($cutoff AS DATE)
GROUP BY person_id
ORDER BY person_id
