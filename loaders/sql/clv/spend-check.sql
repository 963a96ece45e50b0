-- Gamma-Gamma's assumptions, over every repeat buyer: the correlation of x (repeat purchases) and m_x (mean repeat
-- spend), which the model assumes independent, and mean m_x by x (x ≥ $max_bucket pooled); repeat buyers whose
-- repeat purchases have no value (m_x = 0) cannot be fitted and are counted.
WITH repeaters AS (
  SELECT count(*) - 1 AS x, (sum(amount) - arg_min(amount, day)) / (count(*) - 1) AS mx
  FROM clv_purchases
  GROUP BY customer_unique_id
  HAVING count(*) > 1
)
SELECT
  least(x, $max_bucket)::INTEGER AS bucket,
  count(*) FILTER (WHERE mx > 0)::INTEGER AS people,
  avg(mx) FILTER (WHERE mx > 0) AS mean_mx,
  count(*) FILTER (WHERE NOT mx > 0)::INTEGER AS zero_spend,
  (SELECT corr(x, mx) FROM repeaters WHERE mx > 0) AS correlation,
  (SELECT count(*) FROM repeaters WHERE mx > 0)::INTEGER AS fitted
FROM repeaters
GROUP BY bucket
ORDER BY bucket
