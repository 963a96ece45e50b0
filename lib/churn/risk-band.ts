// Risk bands of a churn probability, by rank among everyone scored: "very high" is the highest 5% of scores,
// "high" the next 15%, "medium" the next 30%, "low" the lower half. Ranks, not fixed probabilities: on data where
// few people come back every probability is near 1, and a fixed "above 90%" band would hold everyone.
import type {RiskBandName} from "../contracts/churn-at-risk.js";

export interface RiskBandRule {
  band: RiskBandName;
  /** The band starts at the score that this share of people reaches or exceeds (a quantile from the top). */
  top_share: number;
}

/** From the highest band down; the last band takes everyone else. */
export const RISK_BANDS: readonly RiskBandRule[] = [
  {band: "very high", top_share: 0.05},
  {band: "high", top_share: 0.2},
  {band: "medium", top_share: 0.5},
  {band: "low", top_share: 1}
];

/** A band with its lowest probability (inclusive), as published. */
export interface BandThreshold {
  band: RiskBandName;
  from: number;
}

/** The band of `probability` given the published thresholds (highest band first). */
export function riskBand(probability: number, thresholds: readonly BandThreshold[]): RiskBandName {
  for (const t of thresholds) if (probability >= t.from) return t.band;
  return thresholds.at(-1)?.band ?? "low";
}
