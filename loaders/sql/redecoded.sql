-- Values that were not valid UTF-8 and were read as Windows-1252 instead, per file and column, with the first
-- examples (data row number and the value as re-decoded).
SELECT
  r.file, r.table_name, r.column_name, r."values",
  coalesce(
    (SELECT list({'row': e.row_number, 'value': e.value} ORDER BY e.row_number, e.value)
     FROM redecoded_examples e WHERE e.file = r.file AND e.column_name = r.column_name),
    []
  ) AS examples
FROM redecoded r
ORDER BY r.file, r.column_name;
