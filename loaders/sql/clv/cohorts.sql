-- People by first purchase day (days since 1970-01-01), for those first seen on or before day $end: the
-- cohorts whose expected repeat purchases the tracking chart adds up.
SELECT first_day, count(*)::INTEGER AS people
FROM (SELECT min(day) AS first_day FROM clv_purchases GROUP BY customer_unique_id)
WHERE first_day <= $end
GROUP BY first_day
ORDER BY first_day
