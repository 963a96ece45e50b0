-- One row per person at the analysis date (day $end) for the per-customer forecasts, ordered by (x, T, t_x) so
-- that people who share the model's expensive terms come together (lib/clv/forecast.ts). Days are days since
-- 1970-01-01; recent_days: the latest $keep repeat purchase days, ascending (the P(alive) history's input).
-- R, F, M and the state come from clv_rfm (segment-rfm.sql at the same date), scored as lib/segments/rfm.ts does:
-- R and M rank-based quintiles 1 + floor(5 · (people strictly worse) / n), ties sharing a score (RANK() − 1
-- counts the people strictly before), F fixed bins 1, 2, 3, 4, 5+ orders.
WITH people AS (
  SELECT
    customer_unique_id,
    min(day) AS first_day,
    max(day) AS last_day,
    count(*) - 1 AS x,
    CASE WHEN count(*) > 1 THEN (sum(amount) - arg_min(amount, day)) / (count(*) - 1) ELSE 0 END AS mx,
    sum(amount) AS revenue,
    list_reverse(list(day ORDER BY day DESC)[1:least(count(*) - 1, $keep)]) AS recent_days
  FROM clv_purchases
  GROUP BY customer_unique_id
),
scores AS (
  SELECT
    customer_unique_id,
    state,
    1 + floor(5 * (rank() OVER (ORDER BY recency_days DESC) - 1) / count(*) OVER ())::INTEGER AS R,
    least(5, greatest(1, orders))::INTEGER AS F,
    1 + floor(5 * (rank() OVER (ORDER BY monetary) - 1) / count(*) OVER ())::INTEGER AS M
  FROM clv_rfm
)
SELECT
  p.customer_unique_id,
  p.first_day::INTEGER AS first_day,
  p.last_day::INTEGER AS last_day,
  p.x::INTEGER AS x,
  (p.last_day - p.first_day)::INTEGER AS tx_days,
  ($end - p.first_day)::INTEGER AS T_days,
  p.mx,
  p.revenue,
  p.recent_days,
  s.R,
  s.F,
  s.M,
  s.state
FROM people p
LEFT JOIN scores s USING (customer_unique_id)
ORDER BY x, T_days, tx_days, mx, p.customer_unique_id
