-- The Gamma-Gamma fit's rows: repeat buyers' (x, m_x), m_x = mean value of the repeat purchases (the first purchase
-- left out), at the analysis date. Above $cap repeat buyers, a deterministic sample stratified by x: the same share
-- of every x, the people with the smallest md5(customer_unique_id) (the model card states the cap and the rule).
WITH repeaters AS (
  SELECT
    customer_unique_id,
    count(*) - 1 AS x,
    (sum(amount) - arg_min(amount, day)) / (count(*) - 1) AS mx
  FROM clv_purchases
  GROUP BY customer_unique_id
  HAVING count(*) > 1
),
ranked AS (
  SELECT
    x,
    mx,
    row_number() OVER (PARTITION BY x ORDER BY md5(customer_unique_id), customer_unique_id) AS k,
    count(*) OVER (PARTITION BY x) AS in_x,
    count(*) OVER () AS total
  FROM repeaters
  WHERE mx > 0
)
SELECT x::INTEGER AS x, mx
FROM ranked
WHERE k <= ceil(in_x * least(1, $cap / total))
ORDER BY x, mx
