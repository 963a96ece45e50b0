-- People per histogram bin of one feature: the bin is the number of inner thresholds ($thresholds, comma-separated,
-- ascending) at or below the value, so bins are [from, to) as d3's bin() makes them, the last one closed.
SELECT len(list_filter(string_split($thresholds, ',')::DOUBLE[], t -> t <= v))::INTEGER AS bin, count(*)::INTEGER AS people
FROM (SELECT COLUMNS(c -> c = $column)::DOUBLE AS v FROM read_parquet($file))
WHERE v IS NOT NULL
GROUP BY bin
ORDER BY bin
