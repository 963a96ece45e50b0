-- People by P(alive) (tenths) and by expected purchases over 12 months (bins on a rough log scale), over the
-- per-customer file. measure: 'p_alive' or 'purchases'; lo/hi: the bin (hi null for the open last bin).
WITH bins AS (
  SELECT 'p_alive' AS measure, least(floor(p_alive * 10), 9)::INTEGER AS bin FROM read_parquet($file)
  UNION ALL
  SELECT
    'purchases',
    CASE
      WHEN purchases_12m < 0.01 THEN 0
      WHEN purchases_12m < 0.02 THEN 1
      WHEN purchases_12m < 0.05 THEN 2
      WHEN purchases_12m < 0.1 THEN 3
      WHEN purchases_12m < 0.2 THEN 4
      WHEN purchases_12m < 0.5 THEN 5
      WHEN purchases_12m < 1 THEN 6
      ELSE 7
    END
  FROM read_parquet($file)
)
SELECT measure, bin, count(*)::INTEGER AS people FROM bins GROUP BY ALL ORDER BY measure, bin
