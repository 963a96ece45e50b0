-- Synthetic data only: each person's planted truth at cutoff $cutoff from truth_orders.csv ($truth_path), for
-- the oracle of loaders/synth/README.md. The cutoff day is included (features see orders up to its end), so
-- time runs from the last order before cutoff + 1 day; every order counts, canceled ones too (they also
-- raise the dropout probability in the generator).
WITH truth AS (
  SELECT customer_unique_id, CAST(purchase_timestamp AS TIMESTAMP) AS purchased_at,
    CAST(lambda_per_day AS DOUBLE) AS lambda_per_day, CAST(dropout_prob_after AS DOUBLE) AS dropout_prob_after
  FROM read_csv($truth_path, header = true, all_varchar = true)
), params AS (
  SELECT CAST(CAST($cutoff AS DATE) + 1 AS TIMESTAMP) AS cutoff_end
)
SELECT customer_unique_id,
  arg_max(lambda_per_day, purchased_at) AS lambda_per_day,
  arg_max(dropout_prob_after, purchased_at) AS last_dropout_prob,
  date_diff('second', max(purchased_at), any_value(p.cutoff_end)) / 86400.0 AS days_since_last
FROM truth, params p
WHERE purchased_at < p.cutoff_end
GROUP BY customer_unique_id
ORDER BY customer_unique_id;
