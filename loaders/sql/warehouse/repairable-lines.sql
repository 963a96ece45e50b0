-- The lines of the last CSV read that a repaired copy fixes, in file order: a quote that never closes properly
-- (DuckDB then swallows the following lines into one bad record) and bytes that are not UTF-8.
SELECT
  line,
  min(line_byte_position) AS position,
  bool_or(error_type = 'UNQUOTED VALUE') AS unterminated
FROM csv_rejects
WHERE error_type IN ('UNQUOTED VALUE', 'INVALID ENCODING')
GROUP BY line
ORDER BY position;
