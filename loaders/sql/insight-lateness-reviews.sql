-- Review score by delivery lateness (delivered date minus estimated date, in whole days; negative = early).
WITH delivered AS (
  SELECT order_id, date_diff('day', CAST(estimated_delivery_at AS DATE), CAST(delivered_at AS DATE)) AS days_late
  FROM order_facts
  WHERE is_valid AND delivered_at IS NOT NULL AND estimated_delivery_at IS NOT NULL
    AND purchase_date <= CAST($analysis_date AS DATE)
)
SELECT
  CASE
    WHEN days_late <= -10 THEN '10+ days early'
    WHEN days_late <= -1 THEN '1–9 days early'
    WHEN days_late = 0 THEN 'on the day'
    WHEN days_late <= 5 THEN '1–5 days late'
    WHEN days_late <= 15 THEN '6–15 days late'
    ELSE '16+ days late'
  END AS lateness,
  min(days_late) AS sort_key,
  count(*) AS orders,
  avg(r.review_score) AS avg_review_score,
  avg(CASE WHEN r.review_score <= 2 THEN 1.0 ELSE 0.0 END) AS low_score_share
FROM delivered d JOIN order_reviews r USING (order_id)
GROUP BY ALL
ORDER BY sort_key;
