// charts/churn-risk.json (and the churn-risk chart files): today's customers binned by their build-time churn
// probability, written by loaders/charts/churn-risk.ts, drawn by src/components/churn-risk-distribution.ts.

export interface RiskBin {
  /** Churn probability from (inclusive) … to (exclusive, inclusive for the last bin). */
  risk_from: number;
  risk_to: number;
  people: number;
  seed_rule_churned: number;
  seed_rule_active: number;
  /** Sum of churn probability × spend so far, in BRL (rounded to cents). */
  value_at_risk: number;
}

export interface ChurnRiskData {
  horizon_days: number;
  people: number;
  bins: RiskBin[];
}
