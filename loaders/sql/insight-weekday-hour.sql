-- Orders by ISO weekday (1 = Monday) and hour of purchase.
SELECT isodow(purchased_at) AS weekday, hour(purchased_at) AS hour, count(*) AS orders
FROM order_facts
WHERE purchase_date <= CAST($analysis_date AS DATE)
GROUP BY ALL ORDER BY ALL;
