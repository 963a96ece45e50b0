-- Column names keep the real file's spelling (product_name_lenght), as the Kaggle documentation does.
CREATE TABLE products AS
SELECT
  trim(product_id) AS product_id,
  nullif(trim(product_category_name), '') AS product_category_name,
  try_cast(trim(product_name_lenght) AS DOUBLE) AS product_name_lenght,
  try_cast(trim(product_description_lenght) AS DOUBLE) AS product_description_lenght,
  try_cast(trim(product_photos_qty) AS DOUBLE) AS product_photos_qty,
  try_cast(trim(product_weight_g) AS DOUBLE) AS product_weight_g,
  try_cast(trim(product_length_cm) AS DOUBLE) AS product_length_cm,
  try_cast(trim(product_height_cm) AS DOUBLE) AS product_height_cm,
  try_cast(trim(product_width_cm) AS DOUBLE) AS product_width_cm
FROM checked_products
WHERE reject_reason IS NULL
ORDER BY source_row;
