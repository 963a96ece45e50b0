-- Rows kept although a reference does not resolve. `needs` names the optional table a check depends on;
-- checks whose table is absent are dropped by the ingest (an absent file is reported once, not as orphans).
CREATE TABLE orphans AS
SELECT * FROM (VALUES
  ('order_items', 'items whose order is unknown', (SELECT count(*) FROM order_items WHERE order_id NOT IN (SELECT order_id FROM orders)), NULL),
  ('order_payments', 'payments whose order is unknown', (SELECT count(*) FROM order_payments WHERE order_id NOT IN (SELECT order_id FROM orders)), NULL),
  ('orders', 'orders whose customer is unknown', (SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT customer_id FROM customers)), NULL),
  ('orders', 'orders without items', (SELECT count(*) FROM orders WHERE order_id NOT IN (SELECT order_id FROM order_items)), NULL),
  ('orders', 'orders without payments', (SELECT count(*) FROM orders WHERE order_id NOT IN (SELECT order_id FROM order_payments)), NULL),
  ('order_reviews', 'reviews whose order is unknown', (SELECT count(*) FROM order_reviews WHERE order_id NOT IN (SELECT order_id FROM orders)), 'order_reviews'),
  ('order_items', 'items whose product is unknown', (SELECT count(*) FROM order_items WHERE product_id NOT IN (SELECT product_id FROM products)), 'products'),
  ('order_items', 'items whose seller is unknown', (SELECT count(*) FROM order_items WHERE seller_id NOT IN (SELECT seller_id FROM sellers)), 'sellers'),
  ('products', 'products without a category', (SELECT count(*) FROM products WHERE product_category_name IS NULL), 'products'),
  ('products', 'categories without an English name', (SELECT count(DISTINCT product_category_name) FROM products WHERE product_category_name IS NOT NULL AND product_category_name NOT IN (SELECT product_category_name FROM category_translation WHERE product_category_name_english IS NOT NULL)), 'category_translation'),
  ('customers', 'customer zip prefixes without coordinates', (SELECT count(DISTINCT customer_zip_code_prefix) FROM customers WHERE customer_zip_code_prefix NOT IN (SELECT zip_code_prefix FROM zip_centroids)), 'geolocation')
) AS t(table_name, description, n, needs);
