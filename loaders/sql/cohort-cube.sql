-- The cohort cube: one row per (cohort month, state, first category, first payment type, month offset) with
-- the people of that cell who bought in that month and their payments. Each person is in exactly one
-- (cohort, state, category, payment type) cell, so summing rows across any filter is exact.
--   person      = customer_unique_id, over valid orders (not canceled/unavailable) of known customers,
--                 purchased on or before the analysis date;
--   cohort      = calendar month of the person's first such order; state, category and payment type are
--                 those of that first order (category of its priciest item, payment type of its largest
--                 payment row);
--   offset k    = calendar months between the cohort month and the purchase month (0 = the cohort month);
--   buyers      = people of the cell with at least one order in month k (at k = 0: every person of the cell);
--   revenue     = payment_value of their orders in month k, the first order included.
WITH o AS (
  SELECT order_id, person_id, customer_state, purchased_at, date_trunc('month', purchase_date) AS month, payment_value
  FROM order_facts
  WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
), first_orders AS (
  SELECT person_id, order_id, month AS cohort, coalesce(customer_state, '(unknown)') AS state
  FROM o
  QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY purchased_at, order_id) = 1
), first_category AS (
  SELECT i.order_id, coalesce(t.product_category_name_english, p.product_category_name, '(no category)') AS category
  FROM order_items i
  JOIN first_orders f USING (order_id)
  LEFT JOIN products p USING (product_id)
  LEFT JOIN category_translation t ON t.product_category_name = p.product_category_name
  QUALIFY row_number() OVER (PARTITION BY i.order_id ORDER BY i.price DESC, i.order_item_id) = 1
), first_payment AS (
  SELECT p.order_id, p.payment_type
  FROM order_payments p
  JOIN first_orders f USING (order_id)
  QUALIFY row_number() OVER (PARTITION BY p.order_id ORDER BY p.payment_value DESC, p.payment_sequential) = 1
), people AS (
  SELECT f.person_id, f.cohort, f.state,
    coalesce(c.category, '(no items)') AS category,
    coalesce(p.payment_type, '(no payment)') AS payment_type
  FROM first_orders f
  LEFT JOIN first_category c USING (order_id)
  LEFT JOIN first_payment p USING (order_id)
), activity AS (
  SELECT o.person_id, date_diff('month', p.cohort, o.month) AS month_offset, sum(o.payment_value) AS revenue
  FROM o JOIN people p USING (person_id)
  GROUP BY ALL
)
SELECT
  strftime(p.cohort, '%Y-%m') AS cohort,
  p.state,
  p.category,
  p.payment_type,
  a.month_offset,
  count(*) AS buyers,
  round(sum(a.revenue), 2) AS revenue
FROM activity a JOIN people p USING (person_id)
GROUP BY ALL
ORDER BY cohort, p.state, p.category, p.payment_type, a.month_offset;
