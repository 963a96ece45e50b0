// data-quality.json: what the ingest read, kept, rejected, re-decoded and could not link, and how the analysis date
// was chosen. Written by loaders/data-quality.ts (src/data/data-quality.json.ts), shown by src/data-quality.md.

export interface InputFile {
  table_name: string;
  file: string;
  required: boolean;
  present: boolean;
  disables: string;
  bytes: number | null;
  sha256: string | null;
  /** Records as RFC 4180 counts them (blank lines are not records); always kept + rejected. */
  records: number;
  kept: number;
  rejected: number;
  /** Records whose quote never closed: their first line is rejected, the lines after it are read again. */
  unterminated_quotes: number;
}

/** Rejected rows of one file, reason and column, with the first five examples (data row number, raw value). */
export interface RejectGroup {
  file: string;
  table_name: string;
  reason: string;
  column_name: string;
  rows: number;
  examples: {row: number | null; value: string | null}[];
}

/** Values of one column that were not UTF-8 and were read as Windows-1252, with the first five examples. */
export interface RedecodedColumn {
  file: string;
  table_name: string;
  column_name: string;
  values: number;
  examples: {row: number; value: string}[];
}

/** The purchases the default analysis date ignores (counted whether or not ANALYSIS_DATE is set). */
export interface LatePurchases {
  /** The last month with at least 5% of the median month's orders (purchases after the build's date aside). */
  last_dense_month: string | null;
  after_today: number;
  after_last_dense_month: number;
  /** The latest ten, with "after today's date" or "after the last dense month". */
  examples: {order_id: string; purchased_at: string; reason: string}[];
}

export interface DataQuality {
  data_source: string;
  data_dir: string;
  fingerprint: string;
  ingested_at: string;
  analysis_date: string;
  /** Why that date, in words: "set by ANALYSIS_DATE", "the last purchase date in the data", or which purchases it ignores. */
  analysis_date_rule: string;
  late_purchases: LatePurchases;
  purchase_range: {first: string; last: string};
  sparse_months: {month: string; orders: number}[];
  files: InputFile[];
  rejects: RejectGroup[];
  redecoded: RedecodedColumn[];
  orphans: {table_name: string; description: string; n: number}[];
  nulls: {table_name: string; column_name: string; nulls: number; rows: number}[];
}
