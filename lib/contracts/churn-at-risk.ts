// churn-at-risk.json: the customers most likely to churn (the top N of the batch scores), each with the fields
// the churn-scoring page lists and the largest TreeSHAP contributions of their build-time score. Written by
// loaders/churn/at-risk.ts, read by src/churn-scoring.md.

export type RiskBandName = "very high" | "high" | "medium" | "low";

export interface Contribution {
  feature: string;
  /** The customer's value of the feature as shown ("missing" when absent). */
  value: string;
  /** TreeSHAP value in log-odds of churn (rounded to 4 decimals): positive pushes toward churn. */
  shap: number;
}

export interface AtRiskCustomer {
  customer_unique_id: string;
  /** Build-time P(no order in the horizon), rounded to 6 decimals. */
  churn_probability: number;
  risk_band: RiskBandName;
  rfm_segment: string;
  seed_rule_status: "churned" | "active";
  state: string | null;
  monetary_total: number;
  orders: number;
  recency_days: number;
  /** churn_probability × monetary_total, BRL. */
  value_at_risk: number;
  /** The largest |SHAP| contributions, largest first. */
  top_contributions: Contribution[];
}

export interface BandCount {
  band: RiskBandName;
  /** The band holds the scores from the top (100 × top_share)% of people down to the band above. */
  top_share: number;
  /** Lowest probability of the band (inclusive); 0 for the last band. */
  from: number;
  /** Everyone scored in this band (not only the listed top N). */
  people: number;
  value_at_risk: number;
}

export interface ChurnAtRisk {
  analysis_date: string;
  horizon_days: number;
  /** Everyone scored at build time. */
  people: number;
  /** How many the list holds at most, and the rule that picks them. */
  top_n: number;
  rule: string;
  /** The model's expected log-odds (TreeSHAP base value): a customer's contributions add to it. */
  base_value: number;
  bands: BandCount[];
  /** One sentence about the list, computed at build time. */
  summary: string;
  customers: AtRiskCustomer[];
}
