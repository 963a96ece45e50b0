-- One point per zip prefix: the mean of its geolocation points (the real file repeats points many times).
CREATE TABLE zip_centroids AS
SELECT
  geolocation_zip_code_prefix AS zip_code_prefix,
  avg(geolocation_lat) AS lat,
  avg(geolocation_lng) AS lng,
  mode(geolocation_state) AS state,
  count(*) AS points
FROM geolocation
GROUP BY geolocation_zip_code_prefix;
