-- One reject per line DuckDB's CSV reader could not split (it reports one error per problem, often several for
-- one line), with the first error's type and column, numbered like the row rejects: the data record number,
-- header excluded. A marker line stands where a record's quote never closed (see csv-repair.ts).
INSERT INTO rejects
SELECT
  $file,
  $table_name,
  line - 1,
  coalesce(list(column_name ORDER BY byte_position, column_idx)[1], ''),
  CASE
    WHEN list(csv_line ORDER BY byte_position, column_idx)[1] LIKE $marker
      THEN 'unterminated quote (this line is rejected, the lines after it are read again)'
    ELSE 'malformed CSV line (' || lower(list(error_type ORDER BY byte_position, column_idx)[1]) || ')'
  END,
  list(csv_line ORDER BY byte_position, column_idx)[1]
FROM csv_rejects
GROUP BY line
ORDER BY line;
