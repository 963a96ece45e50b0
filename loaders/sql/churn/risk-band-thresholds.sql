-- The lowest probability of each risk band (lib/churn/risk-band.ts): the scores at the quantiles 1 − top share,
-- taken among the scores themselves (quantile_disc), so a band's threshold is somebody's probability.
SELECT
  quantile_disc(churn_probability, 1 - $very_high) AS very_high,
  quantile_disc(churn_probability, 1 - $high) AS high,
  quantile_disc(churn_probability, 1 - $medium) AS medium
FROM read_parquet($scores)
