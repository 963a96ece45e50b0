-- One row per order item with its order's facts (order_facts) and its product's category: the item-level join
-- every category figure starts from. An item whose product is unknown or has no category is in '(no category)';
-- category_english is the translation where there is one, else the Portuguese name. Created per connection by
-- useItemFacts() (loaders/item-facts.ts): a temporary view, so the read-only warehouse is not changed.
CREATE OR REPLACE TEMP VIEW item_facts AS
SELECT
  i.order_id,
  i.order_item_id,
  i.product_id,
  i.seller_id,
  i.price,
  i.freight_value,
  coalesce(p.product_category_name, '(no category)') AS category,
  coalesce(t.product_category_name_english, p.product_category_name, '(no category)') AS category_english,
  o.* EXCLUDE (order_id)
FROM order_items i
JOIN order_facts o USING (order_id)
LEFT JOIN products p USING (product_id)
LEFT JOIN category_translation t ON t.product_category_name = p.product_category_name;
