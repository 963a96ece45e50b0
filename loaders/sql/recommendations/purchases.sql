-- The recommenders' input: one row per order and product, for valid orders (not canceled or unavailable) of
-- known people purchased on or before $until, each person's orders together and in purchase order.
-- The category is the English name where the translation has one, else the Portuguese name, NULL without one;
-- price is what the order paid for that product (all its units).
SELECT person_id, order_id, day, state, product_id, category, price
FROM (
  SELECT
    f.person_id,
    f.order_id,
    f.purchased_at,
    date_diff('day', DATE '1970-01-01', f.purchase_date) AS day,
    f.customer_state AS state,
    i.product_id,
    coalesce(t.product_category_name_english, p.product_category_name) AS category,
    sum(i.price) AS price
  FROM order_facts f
  JOIN order_items i USING (order_id)
  LEFT JOIN products p USING (product_id)
  LEFT JOIN category_translation t ON t.product_category_name = p.product_category_name
  WHERE f.is_valid AND NOT f.customer_unknown AND f.purchase_date <= CAST($until AS DATE)
  GROUP BY ALL
)
ORDER BY person_id, purchased_at, order_id, product_id;
