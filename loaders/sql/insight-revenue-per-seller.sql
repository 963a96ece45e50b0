-- Item revenue (price) per seller over valid orders up to the analysis date.
SELECT sum(i.price::DECIMAL(18, 2))::DOUBLE AS revenue -- exact: see insight-categories.sql
FROM order_items i JOIN order_facts o USING (order_id)
WHERE o.is_valid AND o.purchase_date <= CAST($analysis_date AS DATE)
GROUP BY i.seller_id;
