-- The clustering features of at most $n people of the feature table: those whose id has the smallest MD5 (a fixed
-- sample spread over the table, the same on every build), or everyone when there are fewer. $columns is the list
-- of feature columns, so the rest of the table's ~80 columns never reach JavaScript.
SELECT COLUMNS(c -> list_contains($columns, c))
FROM read_parquet($file)
ORDER BY md5(customer_unique_id), customer_unique_id
LIMIT $n
