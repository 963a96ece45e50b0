-- Payments per person over valid orders up to the analysis date (for Pareto shares and the Lorenz curve).
SELECT sum(payment_value::DECIMAL(18, 2))::DOUBLE AS revenue -- exact: see insight-categories.sql
FROM order_facts
WHERE is_valid AND NOT customer_unknown AND purchase_date <= CAST($analysis_date AS DATE)
GROUP BY person_id;
