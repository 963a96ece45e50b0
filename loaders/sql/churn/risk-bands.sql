-- Everyone scored, counted per risk band (thresholds from risk-band-thresholds.sql as parameters).
SELECT
  CASE
    WHEN churn_probability >= $very_high THEN 'very high'
    WHEN churn_probability >= $high THEN 'high'
    WHEN churn_probability >= $medium THEN 'medium'
    ELSE 'low'
  END AS band,
  count(*)::INTEGER AS people,
  round(sum(value_at_risk), 2) AS value_at_risk
FROM read_parquet($scores)
GROUP BY band
ORDER BY band
