-- The $n people with the highest CLV over the horizon (ties by id), for the page's top list.
SELECT * EXCLUDE (first_purchase, last_purchase), strftime(first_purchase, '%Y-%m-%d') AS first_purchase,
  strftime(last_purchase, '%Y-%m-%d') AS last_purchase
FROM read_parquet($file)
ORDER BY clv DESC, customer_unique_id
LIMIT $n
