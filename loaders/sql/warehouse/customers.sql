-- Kept customer rows. customer_id is one per order; customer_unique_id is the person.
-- Zip prefixes are text: lpad restores leading zeros lost when a file went through a spreadsheet.
CREATE TABLE customers AS
SELECT
  trim(customer_id) AS customer_id,
  trim(customer_unique_id) AS customer_unique_id,
  lpad(trim(customer_zip_code_prefix), 5, '0') AS customer_zip_code_prefix,
  trim(customer_city) AS customer_city,
  upper(trim(customer_state)) AS customer_state
FROM checked_customers
WHERE reject_reason IS NULL
ORDER BY source_row;
