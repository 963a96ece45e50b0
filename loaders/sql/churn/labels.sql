-- The churn label of every person at cutoff $cutoff for a horizon of $horizon_days days: 1 (churned) when the
-- person has a valid order (not canceled/unavailable) on or before the cutoff and none purchased in the next
-- $horizon_days days, (cutoff, cutoff + horizon]; 0 when they came back. Same people as the feature table.
WITH params AS (
  SELECT CAST($cutoff AS DATE) AS cutoff, CAST($cutoff AS DATE) + CAST($horizon_days AS INTEGER) AS label_end
)
SELECT
  f.person_id AS customer_unique_id,
  CAST(count(*) FILTER (WHERE f.purchase_date > p.cutoff) = 0 AS INTEGER) AS churned,
  strftime(min(f.purchase_date) FILTER (WHERE f.purchase_date > p.cutoff), '%Y-%m-%d') AS next_purchase
FROM order_facts f, params p
WHERE f.is_valid AND NOT f.customer_unknown AND f.purchase_date <= p.label_end
GROUP BY f.person_id
HAVING count(*) FILTER (WHERE f.purchase_date <= p.cutoff) > 0
ORDER BY customer_unique_id;
