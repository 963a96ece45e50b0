-- The range of the batch scores and how many people they cover.
SELECT min(churn_probability) AS lo, max(churn_probability) AS hi, count(*)::INTEGER AS people
FROM read_parquet($scores)
