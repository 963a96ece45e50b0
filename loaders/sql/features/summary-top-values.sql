-- The $top most common values of one categorical feature, most people first, ties by value.
SELECT v AS value, count(*)::INTEGER AS people
FROM (SELECT COLUMNS(c -> c = $column)::VARCHAR AS v FROM read_parquet($file))
WHERE v IS NOT NULL
GROUP BY v
ORDER BY people DESC, value
LIMIT $top
