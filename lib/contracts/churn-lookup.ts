// churn-lookup.pack: a lookup pack (lib/lookup/pack.ts) keyed by customer_unique_id holding everyone's feature row
// (the columns of customer-features.parquet, named as in feature-dictionary.json) and their build-time batch score,
// so that the churn-scoring page scores and explains one customer in the browser after fetching one shard.
// Written by loaders/churn/lookup-pack.ts.

/** The batch-score columns after the feature columns. */
export const CHURN_LOOKUP_SCORE_COLUMNS = [
  "churn_probability",
  "rfm_segment",
  "seed_rule_status",
  "value_at_risk"
] as const;

export interface ChurnLookupScore {
  /** Build-time P(no order in the horizon), unrounded (the page's own score must equal it). */
  churn_probability: number;
  rfm_segment: string;
  seed_rule_status: "churned" | "active";
  value_at_risk: number;
}

/** A row: customer_unique_id, every feature (null when missing), then the batch score. */
export type ChurnLookupRow = {customer_unique_id: string} & ChurnLookupScore & Record<string, unknown>;
