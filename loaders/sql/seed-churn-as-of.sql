-- The inputs of the seed churn rule (lib/seed-churn-rule.ts) as of each date of $as_of, per person over the
-- valid orders purchased on or before that date, counted per distinct input: the rule itself is applied in
-- TypeScript. A person's k-th order (by purchase time) describes them from its day until the day of the next one.
-- The rule only compares whole-day thresholds, so the average gap is floored and clamped at $gap_cap and the days
-- since the last purchase at $days_cap (both set from the rule's thresholds): no decision changes, and the
-- result stays small at any number of people.
WITH valid AS (
  SELECT person_id, order_id, purchased_at, purchase_date FROM order_facts WHERE is_valid
), sequence AS (
  SELECT
    purchase_date,
    row_number() OVER w AS orders,
    date_diff('second', first_value(purchased_at) OVER w, purchased_at) AS span_seconds,
    lead(purchase_date) OVER w AS next_date
  FROM valid
  WINDOW w AS (PARTITION BY person_id ORDER BY purchased_at, order_id)
), dates AS (
  SELECT CAST(unnest($as_of) AS DATE) AS as_of
)
SELECT
  strftime(d.as_of, '%Y-%m-%d') AS as_of,
  least(s.orders, 2) AS orders,
  CASE WHEN s.orders > 1 THEN least(floor(s.span_seconds / 86400.0 / (s.orders - 1)), $gap_cap) END AS avg_gap_days,
  least(date_diff('day', s.purchase_date, d.as_of), $days_cap) AS days_since_last_purchase,
  count(*) AS people
FROM sequence s
JOIN dates d ON s.purchase_date <= d.as_of AND d.as_of < coalesce(s.next_date, DATE '9999-12-31')
GROUP BY ALL
ORDER BY ALL;
