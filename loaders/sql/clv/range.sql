-- The first purchase day, people, repeat buyers and the largest x of the CLV purchases.
SELECT
  (SELECT min(day) FROM clv_purchases) AS first_day,
  count(*)::INTEGER AS people,
  count(*) FILTER (WHERE n > 1)::INTEGER AS repeaters,
  coalesce(max(n) - 1, 0)::INTEGER AS max_x
FROM (SELECT count(*) AS n FROM clv_purchases GROUP BY customer_unique_id)
