-- One row per review (a review_id can cover several orders, and an order can have two reviews) known on the
-- analysis date: the order was purchased and the review written on or before it. With the order's delivery
-- status, its first item's category, the customer's state, and the reviewer's next valid purchase after the
-- review (on or before the analysis date).
WITH params AS (
  SELECT CAST($analysis_date AS DATE) AS day, CAST($analysis_date AS DATE) + INTERVAL 1 DAY AS day_end
), first_item AS (
  SELECT order_id, arg_min(product_id, order_item_id) AS product_id
  FROM order_items GROUP BY order_id
), valid_orders AS (
  SELECT person_id, purchased_at
  FROM order_facts, params
  WHERE is_valid AND purchase_date <= params.day
)
SELECT
  r.review_id,
  r.order_id,
  r.review_score,
  r.review_comment_title AS title,
  r.review_comment_message AS message,
  strftime(r.review_creation_date, '%Y-%m-%d') AS review_date,
  f.person_id,
  coalesce(f.customer_state, '(unknown)') AS state,
  CASE WHEN i.order_id IS NULL THEN '(order without items)'
    ELSE coalesce(t.product_category_name_english, p.product_category_name, '(no category)') END AS category,
  CASE
    WHEN f.delivered_at IS NULL OR f.delivered_at >= r.review_creation_date + INTERVAL 1 DAY THEN 'not delivered'
    WHEN f.estimated_delivery_at IS NULL OR CAST(f.delivered_at AS DATE) <= CAST(f.estimated_delivery_at AS DATE) THEN 'on time'
    WHEN date_diff('day', CAST(f.estimated_delivery_at AS DATE), CAST(f.delivered_at AS DATE)) <= 7 THEN 'late 1-7 days'
    ELSE 'late 8+ days'
  END AS delivery,
  date_diff('day', CAST(r.review_creation_date AS DATE), params.day) AS followup_days,
  (
    SELECT min(date_diff('day', CAST(r.review_creation_date AS DATE), CAST(v.purchased_at AS DATE)))
    FROM valid_orders v
    WHERE v.person_id = f.person_id AND v.purchased_at > r.review_creation_date + INTERVAL 1 DAY
  ) AS days_to_next_purchase
FROM order_reviews r
JOIN order_facts f USING (order_id)
CROSS JOIN params
LEFT JOIN first_item i USING (order_id)
LEFT JOIN products p ON p.product_id = i.product_id
LEFT JOIN category_translation t ON t.product_category_name = p.product_category_name
WHERE f.purchase_date <= params.day
  AND r.review_creation_date < params.day_end
ORDER BY r.review_creation_date, r.review_id, r.order_id;
