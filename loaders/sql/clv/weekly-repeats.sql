-- Repeat purchases per week (week 0 starts on day $start) made by the people first seen on or before day $end,
-- through day $holdout_end: the actual line of the tracking chart.
WITH cohort AS (
  SELECT customer_unique_id, min(day) AS first_day
  FROM clv_purchases
  GROUP BY customer_unique_id
  HAVING min(day) <= $end
)
SELECT floor((p.day - $start) / 7)::INTEGER AS week, count(*)::INTEGER AS purchases
FROM clv_purchases p
JOIN cohort c USING (customer_unique_id)
WHERE p.day > c.first_day AND p.day <= $holdout_end
GROUP BY week
ORDER BY week
