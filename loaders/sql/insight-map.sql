-- Customers and revenue on a 0.25° grid of their zip-prefix centroids (from the geolocation file): fine enough
-- for a national map, and a few thousand cells instead of one point per person.
WITH o AS (
  SELECT f.person_id, f.payment_value, c.lat, c.lng
  FROM order_facts f JOIN zip_centroids c ON c.zip_code_prefix = f.customer_zip_code_prefix
  WHERE f.is_valid AND NOT f.customer_unknown AND f.purchase_date <= CAST($analysis_date AS DATE)
)
SELECT
  round(floor(lat / 0.25) * 0.25 + 0.125, 3) AS lat,
  round(floor(lng / 0.25) * 0.25 + 0.125, 3) AS lng,
  count(DISTINCT person_id) AS customers,
  sum(payment_value::DECIMAL(18, 2))::DOUBLE AS revenue -- exact: see insight-categories.sql
FROM o
GROUP BY ALL
ORDER BY lat, lng;
