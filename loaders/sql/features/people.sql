-- How many people the feature file holds.
SELECT count(*)::INTEGER AS people FROM read_parquet($file)
