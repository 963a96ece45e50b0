-- Rejected rows per file, reason and column, with the first five examples (row number and raw value).
SELECT
  file, table_name, reason, column_name,
  count(*) AS rows,
  list({'row': row_number, 'value': left(value, 200)} ORDER BY row_number NULLS LAST)[1:5] AS examples
FROM rejects
GROUP BY ALL
ORDER BY file, rows DESC, reason, column_name;
