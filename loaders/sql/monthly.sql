-- Orders, payments and new customers per purchase month, up to the analysis date.
WITH o AS (
  SELECT * FROM order_facts WHERE purchase_date <= CAST($analysis_date AS DATE)
), firsts AS (
  SELECT person_id, min(purchase_date) AS first_date FROM o WHERE NOT customer_unknown GROUP BY person_id
), months AS (
  SELECT strftime(purchase_date, '%Y-%m') AS month,
    count(*) AS orders,
    count(*) FILTER (WHERE is_valid) AS orders_valid,
    round(sum(payment_value), 2) AS revenue,
    round(sum(payment_value) FILTER (WHERE is_valid), 2) AS revenue_valid
  FROM o GROUP BY month
), newcomers AS (
  SELECT strftime(first_date, '%Y-%m') AS month, count(*) AS new_customers FROM firsts GROUP BY month
)
SELECT month, orders, orders_valid, round(revenue, 2) AS revenue, round(coalesce(revenue_valid, 0), 2) AS revenue_valid,
  coalesce(new_customers, 0) AS new_customers
FROM months LEFT JOIN newcomers USING (month)
ORDER BY month;
