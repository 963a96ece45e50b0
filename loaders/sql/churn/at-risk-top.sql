-- The $n people most likely to churn: their batch score joined to their feature row at the analysis date. Ties in
-- probability go to more value at risk, then to the id, so the list is the same on every build.
SELECT f.*, s.churn_probability, s.rfm_segment, s.seed_rule_status, s.value_at_risk
FROM read_parquet($scores) AS s
JOIN read_parquet($features) AS f USING (customer_unique_id)
ORDER BY s.churn_probability DESC, s.value_at_risk DESC, s.customer_unique_id
LIMIT $n
