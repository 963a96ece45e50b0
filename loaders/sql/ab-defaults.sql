-- Defaults for the A/B testing page, as of the analysis date, over valid orders (not canceled/unavailable) of
-- known customers (an order whose customer is unknown cannot be followed to a second purchase).
--   repeat: first-time buyers whose first order is at least $window_days days before the analysis date (so their
--           whole window is observed), and how many placed another order at a later time within $window_days
--           days of the first (orders placed in the same second count as one purchase).
--   order value: mean and sample standard deviation of the payments per valid paid order.
--   traffic: new customers (first valid order) and valid orders per day over the $traffic_days full days
--           before the analysis date (the analysis date itself may be a partial day).
WITH valid AS (
  SELECT person_id, purchased_at, purchase_date, payment_value, n_payments
  FROM order_facts
  WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
), firsts AS (
  SELECT person_id, min(purchased_at) AS first_at, min(purchase_date) AS first_date FROM valid GROUP BY person_id
), cohort AS (
  SELECT * FROM firsts
  WHERE first_date <= CAST($analysis_date AS DATE) - CAST($window_days AS INTEGER)
), repeaters AS (
  SELECT DISTINCT c.person_id
  FROM cohort c JOIN valid v ON v.person_id = c.person_id
  WHERE v.purchased_at > c.first_at AND v.purchase_date <= c.first_date + CAST($window_days AS INTEGER)
), traffic_window AS (
  SELECT CAST($analysis_date AS DATE) - CAST($traffic_days AS INTEGER) AS from_date,
         CAST($analysis_date AS DATE) - 1 AS to_date
)
SELECT
  strftime(CAST($analysis_date AS DATE) - CAST($window_days AS INTEGER), '%Y-%m-%d') AS cohort_until,
  (SELECT count(*) FROM cohort) AS first_time_buyers,
  (SELECT count(*) FROM repeaters) AS repeat_buyers,
  (SELECT count(*) FROM valid WHERE n_payments > 0) AS paid_orders,
  (SELECT avg(payment_value) FROM valid WHERE n_payments > 0) AS order_value_mean,
  (SELECT stddev_samp(payment_value) FROM valid WHERE n_payments > 0) AS order_value_sd,
  (SELECT strftime(from_date, '%Y-%m-%d') FROM traffic_window) AS traffic_from,
  (SELECT strftime(to_date, '%Y-%m-%d') FROM traffic_window) AS traffic_to,
  (SELECT count(*) FROM firsts, traffic_window WHERE first_date BETWEEN from_date AND to_date) AS new_customers,
  (SELECT count(*) FROM valid, traffic_window WHERE purchase_date BETWEEN from_date AND to_date) AS orders;
