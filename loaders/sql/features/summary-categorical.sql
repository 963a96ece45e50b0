-- One categorical feature's ($column) coverage and number of distinct values.
SELECT count(*)::INTEGER AS people, count(v)::INTEGER AS present, count(DISTINCT v)::INTEGER AS distinct_values
FROM (SELECT COLUMNS(c -> c = $column)::VARCHAR AS v FROM read_parquet($file))
