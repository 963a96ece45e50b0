CREATE TABLE sellers AS
SELECT
  trim(seller_id) AS seller_id,
  lpad(trim(seller_zip_code_prefix), 5, '0') AS seller_zip_code_prefix,
  trim(seller_city) AS seller_city,
  upper(trim(seller_state)) AS seller_state
FROM checked_sellers
WHERE reject_reason IS NULL
ORDER BY source_row;
