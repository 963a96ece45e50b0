CREATE TABLE category_translation AS
SELECT
  trim(product_category_name) AS product_category_name,
  nullif(trim(product_category_name_english), '') AS product_category_name_english
FROM checked_category_translation
WHERE reject_reason IS NULL
ORDER BY source_row;
