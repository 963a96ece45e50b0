-- One row per person (customer_unique_id) as of the cutoff date $cutoff (YYYY-MM-DD), using only what was
-- known on that day: orders purchased on or before it; deliveries and reviews only if they happened on or
-- before it (an order bought before the cutoff but delivered after it counts as not yet delivered; a review
-- counts once answered).
-- Canceled/unavailable orders count in orders_all and canceled_orders only (the data has no cancellation
-- date, so a later cancellation is a known limit). Column meanings: loaders/features/dictionary.ts.
WITH params AS (
  SELECT CAST($cutoff AS DATE) AS cutoff, CAST($cutoff AS DATE) + INTERVAL 1 DAY AS cutoff_end
), known AS (
  SELECT f.*
  FROM order_facts f, params
  WHERE f.purchase_date <= params.cutoff AND NOT f.customer_unknown
), orders AS (
  SELECT
    k.*,
    CASE WHEN k.delivered_at < p.cutoff_end THEN k.delivered_at END AS delivered_known,
    date_diff('second', k.purchased_at, CASE WHEN k.delivered_at < p.cutoff_end THEN k.delivered_at END) / 86400.0 AS delivery_days,
    date_diff('second', k.estimated_delivery_at, CASE WHEN k.delivered_at < p.cutoff_end THEN k.delivered_at END) / 86400.0 AS lateness_days,
    date_diff('second', k.purchased_at, k.estimated_delivery_at) / 86400.0 AS estimated_days,
    row_number() OVER (PARTITION BY k.person_id ORDER BY k.purchased_at DESC, k.order_id DESC) AS recency_rank,
    row_number() OVER (PARTITION BY k.person_id ORDER BY k.purchased_at, k.order_id) AS order_rank,
    date_diff('second', lag(k.purchased_at) OVER (PARTITION BY k.person_id ORDER BY k.purchased_at, k.order_id), k.purchased_at) / 86400.0 AS gap_days,
    lead(k.purchase_date) OVER (PARTITION BY k.person_id ORDER BY k.purchased_at, k.order_id) AS next_purchase_date
  FROM known k, params p
  WHERE k.is_valid
), people AS (
  SELECT person_id, count(*) AS orders_all, count(*) FILTER (WHERE NOT is_valid) AS canceled_orders,
    first(CASE WHEN is_valid THEN 0 ELSE 1 END ORDER BY purchased_at DESC, order_id DESC) AS last_order_canceled
  FROM known GROUP BY person_id
), items AS (
  SELECT o.person_id, o.order_id, o.order_rank, o.recency_rank, i.order_item_id, i.price, i.freight_value, i.seller_id, i.product_id,
    p.product_category_name AS category, p.product_weight_g, p.product_photos_qty
  FROM orders o
  JOIN order_items i USING (order_id)
  LEFT JOIN products p USING (product_id)
), repeat_history AS (
  -- Valid orders bought at least 60 days before the cutoff and whether their buyer ordered again within 60 days
  -- (the cutoff has seen the whole follow-up): the history behind each category's repeat rate.
  SELECT o.order_id, CASE WHEN o.next_purchase_date <= o.purchase_date + INTERVAL 60 DAY THEN 1 ELSE 0 END AS returned
  FROM orders o, params p
  WHERE o.purchase_date <= p.cutoff - INTERVAL 60 DAY
), overall_repeat AS (
  SELECT coalesce(avg(returned), 0) AS overall FROM repeat_history
), category_repeat AS (
  -- A category's repeat rate: the share of those orders holding an item of it that were followed by another
  -- order, smoothed toward the share over all orders with 50 pseudo-orders (a rare category says little).
  SELECT category, (sum(returned) + 50 * any_value(overall)) / (count(*) + 50) AS repeat_rate
  FROM (SELECT DISTINCT i.order_id, i.category, h.returned FROM items i JOIN repeat_history h USING (order_id)), overall_repeat
  GROUP BY category
), last_order_repeat AS (
  SELECT i.person_id, max(coalesce(r.repeat_rate, o.overall)) AS last_category_repeat_rate
  FROM items i LEFT JOIN category_repeat r ON r.category IS NOT DISTINCT FROM i.category, overall_repeat o
  WHERE i.recency_rank = 1
  GROUP BY i.person_id
), category_median AS (
  -- Median item price per category over items bought on or before the cutoff (no future prices).
  SELECT category, median(price) AS median_price FROM items GROUP BY category
), item_stats AS (
  SELECT i.person_id,
    count(*) AS items_total,
    count(DISTINCT i.product_id) AS distinct_products,
    count(DISTINCT i.category) AS distinct_categories,
    avg(i.price) AS avg_item_price,
    max(i.price) AS max_item_price,
    avg(i.price / nullif(m.median_price, 0)) AS price_vs_category_median,
    avg(i.freight_value) AS avg_freight,
    sum(i.freight_value) / nullif(sum(i.price), 0) AS freight_share,
    avg(i.product_weight_g) AS avg_product_weight_g,
    avg(i.product_photos_qty) AS avg_product_photos,
    count(DISTINCT i.seller_id) AS distinct_sellers
  FROM items i LEFT JOIN category_median m USING (category)
  GROUP BY i.person_id
), top_category AS (
  -- The category with most items; ties go to the first name alphabetically, so the result is stable.
  SELECT person_id, first(category ORDER BY items DESC, category) AS top_category
  FROM (SELECT person_id, category, count(*) AS items FROM items GROUP BY ALL)
  GROUP BY person_id
), category_entropy AS (
  -- Shannon entropy (bits) of the person's items over categories: 0 when all items share one category.
  SELECT person_id, -sum(share * log2(share)) AS category_entropy
  FROM (
    SELECT person_id, count(*) / sum(count(*)) OVER (PARTITION BY person_id) AS share
    FROM items GROUP BY person_id, category
  ) GROUP BY person_id
), first_last_category AS (
  SELECT person_id,
    arg_min_null(category, order_rank * 1000 + order_item_id) AS first_category,
    arg_min_null(category, recency_rank * 1000 + order_item_id) AS last_category
  FROM items GROUP BY person_id
), payments AS (
  SELECT o.person_id, o.recency_rank, pay.*
  FROM orders o JOIN order_payments pay USING (order_id)
), payment_stats AS (
  SELECT person_id,
    avg(CASE WHEN payment_type = 'credit_card' THEN 1 ELSE 0 END) AS share_credit_card,
    avg(CASE WHEN payment_type = 'boleto' THEN 1 ELSE 0 END) AS share_boleto,
    avg(CASE WHEN payment_type = 'voucher' THEN 1 ELSE 0 END) AS share_voucher,
    avg(CASE WHEN payment_type = 'debit_card' THEN 1 ELSE 0 END) AS share_debit_card,
    avg(payment_installments) FILTER (WHERE payment_type = 'credit_card') AS avg_installments,
    max(payment_installments) AS max_installments,
    avg(CASE WHEN payment_installments > 1 THEN 1 ELSE 0 END) AS installment_share,
    max(CASE WHEN payment_type = 'voucher' THEN 1 ELSE 0 END) AS used_voucher,
    count(DISTINCT payment_type) AS distinct_payment_types,
    count(*) / count(DISTINCT order_id) AS payment_rows_per_order,
    coalesce(max(payment_installments) FILTER (WHERE payment_type = 'credit_card' AND recency_rank = 1), 0) AS last_order_installments,
    coalesce(max(CASE WHEN payment_type = 'voucher' THEN 1 ELSE 0 END) FILTER (WHERE recency_rank = 1), 0) AS last_order_voucher
  FROM payments GROUP BY person_id
), main_payment AS (
  -- The payment type of most payment rows; ties go to the first name alphabetically.
  SELECT person_id, first(payment_type ORDER BY payment_rows DESC, payment_type) AS main_payment_type
  FROM (SELECT person_id, payment_type, count(*) AS payment_rows FROM payments GROUP BY ALL)
  GROUP BY person_id
), reviews AS (
  -- A review counts once it was answered (its score known) on or before the cutoff.
  SELECT o.person_id, o.recency_rank, r.*
  FROM orders o JOIN order_reviews r USING (order_id), params p
  WHERE coalesce(r.review_answer_timestamp, r.review_creation_date) < p.cutoff_end
), review_stats AS (
  SELECT person_id,
    count(*) AS review_count,
    avg(review_score) AS avg_review_score,
    min(review_score) AS min_review_score,
    arg_min(review_score, recency_rank) AS last_review_score,
    avg(CASE WHEN review_score <= 2 THEN 1 ELSE 0 END) AS low_score_share,
    avg(CASE WHEN review_comment_message IS NOT NULL THEN 1 ELSE 0 END) AS comment_rate,
    avg(CASE WHEN review_comment_title IS NOT NULL THEN 1 ELSE 0 END) AS title_rate,
    avg(date_diff('second', review_creation_date, review_answer_timestamp) / 86400.0) AS avg_review_answer_days
  FROM reviews GROUP BY person_id
), customer_place AS (
  -- The address of the person's latest order on or before the cutoff.
  SELECT o.person_id, o.customer_state AS state, o.customer_zip_code_prefix AS zip_prefix
  FROM orders o WHERE o.recency_rank = 1
), distances AS (
  -- Great-circle distance (km) between the customer's and the seller's zip-prefix centroids, per item.
  SELECT i.person_id,
    avg(2 * 6371 * asin(sqrt(
      pow(sin(radians(s.lat - c.lat) / 2), 2) +
      cos(radians(c.lat)) * cos(radians(s.lat)) * pow(sin(radians(s.lng - c.lng) / 2), 2)
    ))) AS avg_seller_distance_km,
    avg(CASE WHEN sel.seller_state = cp.state THEN 1 ELSE 0 END) AS same_state_seller_share
  FROM items i
  JOIN customer_place cp USING (person_id)
  LEFT JOIN sellers sel USING (seller_id)
  LEFT JOIN zip_centroids c ON c.zip_code_prefix = cp.zip_prefix
  LEFT JOIN zip_centroids s ON s.zip_code_prefix = sel.seller_zip_code_prefix
  GROUP BY i.person_id
), order_stats AS (
  SELECT o.person_id,
    count(*) AS frequency,
    date_diff('day', max(o.purchase_date), p.cutoff) AS recency_days,
    date_diff('day', min(o.purchase_date), p.cutoff) AS tenure_days,
    date_diff('second', min(o.purchased_at), max(o.purchased_at)) / 86400.0 AS active_span_days,
    sum(o.payment_value) AS monetary_total,
    avg(o.payment_value) AS monetary_avg_order,
    max(o.payment_value) AS monetary_max_order,
    arg_min(o.payment_value, o.order_rank) AS first_order_value,
    arg_min(o.payment_value, o.recency_rank) AS last_order_value,
    avg(o.n_items) AS items_per_order,
    avg(o.gap_days) AS avg_gap_days,
    min(o.gap_days) AS min_gap_days,
    max(o.gap_days) AS max_gap_days,
    stddev_samp(o.gap_days) AS std_gap_days,
    count(*) FILTER (WHERE o.purchase_date > p.cutoff - INTERVAL 90 DAY) AS orders_last_90d,
    count(*) FILTER (WHERE o.purchase_date > p.cutoff - INTERVAL 180 DAY) AS orders_last_180d,
    count(*) FILTER (WHERE o.purchase_date > p.cutoff - INTERVAL 365 DAY) AS orders_last_365d,
    coalesce(sum(o.payment_value) FILTER (WHERE o.purchase_date > p.cutoff - INTERVAL 180 DAY), 0) AS spend_last_180d,
    coalesce(sum(o.payment_value) FILTER (WHERE o.purchase_date <= p.cutoff - INTERVAL 180 DAY), 0) AS spend_before_180d,
    avg(CASE WHEN dayofweek(o.purchased_at) IN (0, 6) THEN 1 ELSE 0 END) AS weekend_share,
    avg(CASE WHEN hour(o.purchased_at) >= 18 THEN 1 ELSE 0 END) AS evening_share,
    avg(CASE WHEN hour(o.purchased_at) < 6 THEN 1 ELSE 0 END) AS night_share,
    avg(hour(o.purchased_at) + minute(o.purchased_at) / 60.0) AS avg_purchase_hour,
    arg_min(isodow(o.purchased_at), o.order_rank) AS first_purchase_weekday,
    arg_min(month(o.purchased_at), o.order_rank) AS first_purchase_month,
    max(CASE WHEN month(o.purchased_at) = 11 AND day(o.purchased_at) BETWEEN 20 AND 30 THEN 1 ELSE 0 END) AS black_friday_buyer,
    avg(o.delivery_days) AS avg_delivery_days,
    max(o.delivery_days) AS max_delivery_days,
    arg_min_null(o.delivery_days, o.recency_rank) AS last_delivery_days,
    avg(o.lateness_days) AS avg_lateness_days,
    avg(CASE WHEN o.lateness_days > 0 THEN 1.0 WHEN o.lateness_days IS NOT NULL THEN 0.0 END) AS late_share,
    arg_min_null(CASE WHEN o.lateness_days > 0 THEN 1 WHEN o.lateness_days IS NOT NULL THEN 0 END, o.recency_rank) AS last_order_late,
    arg_min_null(CASE WHEN o.delivered_known IS NOT NULL THEN CASE WHEN o.delivered_known > o.estimated_delivery_at THEN 1 ELSE 0 END
      WHEN o.estimated_delivery_at < p.cutoff_end THEN 1 END, o.recency_rank) AS last_order_overdue,
    count(*) FILTER (WHERE o.delivered_known IS NULL) AS undelivered_orders,
    avg(o.estimated_days) AS avg_estimated_days
  FROM orders o, params p
  GROUP BY o.person_id, p.cutoff, p.cutoff_end
)
SELECT
  s.person_id AS customer_unique_id,
  -- RFM
  s.recency_days, s.frequency, round(s.monetary_total, 2) AS monetary_total, round(s.monetary_avg_order, 2) AS monetary_avg_order,
  round(s.monetary_max_order, 2) AS monetary_max_order, round(s.first_order_value, 2) AS first_order_value,
  round(s.last_order_value, 2) AS last_order_value, pe.orders_all, pe.canceled_orders, pe.last_order_canceled,
  -- temporal
  s.tenure_days, s.active_span_days, s.avg_gap_days, s.min_gap_days, s.max_gap_days, s.std_gap_days,
  s.frequency / greatest(s.tenure_days, 1) * 30 AS orders_per_30_days,
  s.orders_last_90d, s.orders_last_180d, s.orders_last_365d, round(s.spend_last_180d, 2) AS spend_last_180d,
  (s.spend_last_180d + 1) / (s.spend_before_180d + 1) AS spend_trend,
  s.weekend_share, s.evening_share, s.night_share, s.avg_purchase_hour, s.first_purchase_weekday,
  s.first_purchase_month, s.black_friday_buyer,
  -- payment
  ps.share_credit_card, ps.share_boleto, ps.share_voucher, ps.share_debit_card, ps.avg_installments,
  ps.max_installments, ps.installment_share, ps.used_voucher, ps.distinct_payment_types,
  ps.payment_rows_per_order, mp.main_payment_type, coalesce(ps.last_order_installments, 0) AS last_order_installments,
  coalesce(ps.last_order_voucher, 0) AS last_order_voucher,
  -- delivery
  s.avg_delivery_days, s.max_delivery_days, s.last_delivery_days, s.avg_lateness_days, s.late_share,
  s.last_order_late, s.last_order_overdue, s.undelivered_orders, s.avg_estimated_days, it.avg_freight, it.freight_share,
  -- reviews
  coalesce(rs.review_count, 0) AS review_count, rs.avg_review_score, rs.min_review_score, rs.last_review_score,
  rs.low_score_share, rs.comment_rate, rs.title_rate, rs.avg_review_answer_days,
  -- product
  coalesce(it.items_total, 0) AS items_total, s.items_per_order, coalesce(it.distinct_products, 0) AS distinct_products,
  coalesce(it.distinct_categories, 0) AS distinct_categories, ce.category_entropy, tc.top_category,
  flc.first_category, flc.last_category, lr.last_category_repeat_rate, it.avg_item_price, it.max_item_price, it.price_vs_category_median,
  it.avg_product_weight_g, it.avg_product_photos,
  -- geography
  cp.state, CASE
    WHEN cp.state IN ('AC', 'AM', 'AP', 'PA', 'RO', 'RR', 'TO') THEN 'North'
    WHEN cp.state IN ('AL', 'BA', 'CE', 'MA', 'PB', 'PE', 'PI', 'RN', 'SE') THEN 'Northeast'
    WHEN cp.state IN ('DF', 'GO', 'MS', 'MT') THEN 'Center-West'
    WHEN cp.state IN ('ES', 'MG', 'RJ', 'SP') THEN 'Southeast'
    WHEN cp.state IN ('PR', 'RS', 'SC') THEN 'South'
  END AS region,
  cc.lat AS customer_lat, cc.lng AS customer_lng, d.avg_seller_distance_km,
  -- seller
  coalesce(it.distinct_sellers, 0) AS distinct_sellers, d.same_state_seller_share
FROM order_stats s
JOIN people pe USING (person_id)
LEFT JOIN payment_stats ps USING (person_id)
LEFT JOIN main_payment mp USING (person_id)
LEFT JOIN item_stats it USING (person_id)
LEFT JOIN top_category tc USING (person_id)
LEFT JOIN category_entropy ce USING (person_id)
LEFT JOIN first_last_category flc USING (person_id)
LEFT JOIN last_order_repeat lr USING (person_id)
LEFT JOIN review_stats rs USING (person_id)
LEFT JOIN customer_place cp USING (person_id)
LEFT JOIN zip_centroids cc ON cc.zip_code_prefix = cp.zip_prefix
LEFT JOIN distances d USING (person_id)
ORDER BY customer_unique_id
