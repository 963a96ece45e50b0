-- What the purchase models are fitted on: people grouped by (x, t_x, T) at day $end, with their repeat purchases
-- in the holdout (day $end, day $holdout_end]. x = purchase days after the first, up to $end; t_x = last − first
-- and T = $end − first, in days. Only people whose first purchase is before $end (T > 0: a person first seen on
-- $end has likelihood 1 whatever the parameters). The result has one row per distinct triple, not per person.
WITH people AS (
  SELECT
    customer_unique_id,
    min(day) AS first_day,
    count(*) FILTER (WHERE day <= $end) - 1 AS x,
    max(day) FILTER (WHERE day <= $end) AS last_day,
    count(*) FILTER (WHERE day > $end AND day <= $holdout_end) AS holdout
  FROM clv_purchases
  GROUP BY customer_unique_id
  HAVING min(day) < $end
)
SELECT
  x::INTEGER AS x,
  (last_day - first_day)::INTEGER AS tx_days,
  ($end - first_day)::INTEGER AS T_days,
  count(*)::INTEGER AS people,
  sum(holdout)::INTEGER AS holdout
FROM people
GROUP BY ALL
ORDER BY x, T_days, tx_days
