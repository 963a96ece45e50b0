-- One row per person over orders that are not canceled/unavailable, purchased on or before the analysis
-- date: the inputs of the seed churn rule (days are whole calendar days).
SELECT
  count(*) AS orders,
  CASE WHEN count(*) > 1
    THEN date_diff('second', min(purchased_at), max(purchased_at)) / 86400.0 / (count(*) - 1)
  END AS avg_gap_days,
  date_diff('day', max(purchase_date), CAST($analysis_date AS DATE)) AS days_since_last_purchase
FROM order_facts
WHERE is_valid AND purchase_date <= CAST($analysis_date AS DATE)
GROUP BY person_id;
