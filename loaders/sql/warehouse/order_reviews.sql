-- review_id is not unique in the real data (one review can cover several orders), so it is not a key here.
CREATE TABLE order_reviews AS
SELECT
  trim(review_id) AS review_id,
  trim(order_id) AS order_id,
  CAST(trim(review_score) AS INTEGER) AS review_score,
  nullif(trim(review_comment_title), '') AS review_comment_title,
  nullif(trim(review_comment_message), '') AS review_comment_message,
  try_cast(trim(review_creation_date) AS TIMESTAMP) AS review_creation_date,
  try_cast(trim(review_answer_timestamp) AS TIMESTAMP) AS review_answer_timestamp
FROM checked_order_reviews
WHERE reject_reason IS NULL
ORDER BY source_row;
