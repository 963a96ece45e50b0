SELECT order_status AS status, count(*) AS orders
FROM order_facts WHERE purchase_date <= CAST($analysis_date AS DATE)
GROUP BY ALL ORDER BY orders DESC;
