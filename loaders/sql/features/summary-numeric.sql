-- One numeric feature's ($column) coverage and distribution over the feature file ($file).
SELECT
  count(*)::INTEGER AS people,
  count(v)::INTEGER AS present,
  min(v) AS min,
  max(v) AS max,
  avg(v) AS mean,
  quantile_cont(v, [0.05, 0.25, 0.5, 0.75, 0.95]) AS quantiles
FROM (SELECT COLUMNS(c -> c = $column)::DOUBLE AS v FROM read_parquet($file))
