-- A fixed sample of the feature table: the $n people whose id has the smallest MD5 (a hash, so the sample is spread
-- over the table, and the same on every build of the same data).
SELECT *
FROM read_parquet($file)
ORDER BY md5(customer_unique_id), customer_unique_id
LIMIT $n
