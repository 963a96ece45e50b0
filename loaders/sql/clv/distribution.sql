-- Distribution of one per-customer measure of the per-customer file: revenue to date (historical CLV) or CLV over
-- the horizon. top_decile_share: the share of the total held by the top 10% of people (the last n − floor(0.9 n)).
WITH v AS (
  SELECT
    CASE WHEN $measure = 'historical' THEN revenue ELSE clv END AS v
  FROM read_parquet($file)
),
ranked AS (SELECT v, row_number() OVER (ORDER BY v) AS k, count(*) OVER () AS n FROM v)
SELECT
  avg(v) AS mean,
  quantile_cont(v, 0.1) AS p10,
  quantile_cont(v, 0.25) AS p25,
  quantile_cont(v, 0.5) AS median,
  quantile_cont(v, 0.75) AS p75,
  quantile_cont(v, 0.9) AS p90,
  quantile_cont(v, 0.99) AS p99,
  max(v) AS max,
  sum(v) FILTER (WHERE k > floor(0.9 * n)) / nullif(sum(v), 0) AS top_decile_share
FROM ranked
