-- CLV by RFM segment and by state over the per-customer file ($file, written by loaders/clv/people.ts): people,
-- repeat buyers, revenue to date, expected purchases and CLV over the default horizon, mean P(alive).
SELECT
  CASE WHEN GROUPING(segment) = 0 THEN 'segment' ELSE 'state' END AS dimension,
  coalesce(CASE WHEN GROUPING(segment) = 0 THEN segment ELSE state END, 'unknown') AS "group",
  count(*)::INTEGER AS people,
  count(*) FILTER (WHERE x > 0)::INTEGER AS repeaters,
  sum(revenue) AS historical_total,
  avg(revenue) AS historical_mean,
  sum(clv) AS predictive_total,
  avg(clv) AS predictive_mean,
  avg(purchases_12m) AS expected_purchases_mean,
  avg(p_alive) AS p_alive_mean
FROM read_parquet($file)
GROUP BY GROUPING SETS ((segment), (state))
ORDER BY dimension, predictive_total DESC, "group"
