-- One row per product category and order holding one of its items, with the category's item revenue (price) in
-- that order and the order's facts: what every category figure counts. Payments cannot be split between the
-- categories of one order, so a category's revenue is its item revenue. A temporary view over item_facts
-- (loaders/sql/item-facts.sql), created by loaders/slices/categories.ts.
CREATE OR REPLACE TEMP VIEW category_orders AS
WITH c AS (
  SELECT category AS key, any_value(category_english) AS name, order_id, round(sum(price), 2) AS item_revenue
  FROM item_facts
  GROUP BY category, order_id
)
SELECT c.*, o.* EXCLUDE (order_id)
FROM c
JOIN order_facts o USING (order_id);
