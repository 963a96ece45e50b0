-- Everyone's feature row at the analysis date with their batch score, for the churn lookup pack.
SELECT f.*, s.churn_probability, s.rfm_segment, s.seed_rule_status, s.value_at_risk
FROM read_parquet($scores) AS s
JOIN read_parquet($features) AS f USING (customer_unique_id)
ORDER BY s.customer_unique_id
