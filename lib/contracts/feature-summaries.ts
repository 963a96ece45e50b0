// feature-summaries.json: each customer feature's distribution at the analysis date, computed over everyone in
// the loader (loaders/features/summaries.ts), shown by the features page in place of the whole table.

export interface HistogramBin {
  /** From (inclusive) … to (exclusive; inclusive for the last bin). */
  from: number;
  to: number;
  people: number;
}

export interface TopValue {
  value: string;
  people: number;
}

export interface FeatureSummary {
  name: string;
  kind: "numeric" | "categorical" | "flag";
  /** People with a value, and without one. */
  count: number;
  missing: number;
  /** Numeric and flag features (null for categorical ones, or when nobody has a value); doubles to 6 significant digits. */
  min: number | null;
  p05: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p95: number | null;
  max: number | null;
  mean: number | null;
  /** About 20 bins with round edges over [min, max] (numeric and flag features; empty otherwise). */
  histogram: HistogramBin[];
  /** Categorical features: how many distinct values, and the most common ones (most people first, then by value). */
  distinct: number | null;
  top_values: TopValue[];
}

export interface FeatureSummaries {
  cutoff: string;
  people: number;
  /** Quantiles are interpolated between the two nearest values (DuckDB quantile_cont), over people with a value. */
  quantile_rule: string;
  features: FeatureSummary[];
}
