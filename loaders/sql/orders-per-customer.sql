-- How many people placed 1, 2, 3, 4 and 5+ valid orders.
WITH people AS (
  SELECT person_id, count(*) AS orders FROM order_facts
  WHERE is_valid AND purchase_date <= CAST($analysis_date AS DATE)
  GROUP BY person_id
)
SELECT least(orders, 5) AS orders, count(*) AS customers FROM people GROUP BY ALL ORDER BY 1;
