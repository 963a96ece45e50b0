-- Many zip prefixes have several points and exact duplicate rows; both are kept (zip_centroids averages them).
CREATE TABLE geolocation AS
SELECT
  lpad(trim(geolocation_zip_code_prefix), 5, '0') AS geolocation_zip_code_prefix,
  CAST(trim(geolocation_lat) AS DOUBLE) AS geolocation_lat,
  CAST(trim(geolocation_lng) AS DOUBLE) AS geolocation_lng,
  trim(geolocation_city) AS geolocation_city,
  upper(trim(geolocation_state)) AS geolocation_state
FROM checked_geolocation
WHERE reject_reason IS NULL
ORDER BY source_row;
