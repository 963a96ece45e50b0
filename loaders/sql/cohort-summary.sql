-- Unfiltered cohorts for the public cohorts.json, straight from the orders (not from the cube, so that the
-- tests can check the cube against it): per cohort month and month offset, the people who bought and their
-- payments. Same definitions as cohort-cube.sql: valid orders of known people up to the analysis date,
-- cohort = calendar month of the first order, offset = calendar months since, first order's revenue included.
WITH o AS (
  SELECT person_id, date_trunc('month', purchase_date) AS month, payment_value
  FROM order_facts
  WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
), people AS (
  SELECT person_id, min(month) AS cohort FROM o GROUP BY person_id
)
SELECT
  strftime(p.cohort, '%Y-%m') AS cohort,
  date_diff('month', p.cohort, o.month) AS month_offset,
  count(DISTINCT o.person_id) AS buyers,
  sum(o.payment_value) AS revenue
FROM o JOIN people p USING (person_id)
GROUP BY ALL
ORDER BY cohort, month_offset;
