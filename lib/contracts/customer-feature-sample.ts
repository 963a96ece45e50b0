// customer-feature-sample.json: a fixed sample of the customer feature table (whole rows) for the features page's
// table view; the whole table is customer-features.parquet, which the page links but does not load. Written by
// loaders/features/sample.ts.

export interface CustomerFeatureSample {
  cutoff: string;
  /** Everyone in the table, and how many rows the sample holds. */
  people: number;
  sample_size: number;
  /** How the rows are chosen, in words (the same rows on every build of the same data). */
  rule: string;
  /** customer_unique_id, then the features in dictionary order. */
  columns: string[];
  /** One array of values per person, in `columns` order; null where a feature has no value. */
  rows: (string | number | null)[][];
}
