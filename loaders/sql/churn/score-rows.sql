-- Every batch score with the seed rule's status and the value at risk, in a total order (sums add up the same way
-- on every build).
SELECT churn_probability, seed_rule_status, value_at_risk
FROM read_parquet($scores)
ORDER BY customer_unique_id
