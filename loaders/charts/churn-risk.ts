// The data of the churn-risk chart: today's customers binned by their build-time churn probability (from the
// cached churn run), with the seed rule's status and the value at risk per bin.
import {bin, extent} from "d3-array";
import type {ChurnRiskData, RiskBin} from "../../src/components/churn-risk-distribution.js";
import {churnRun, type BatchScore} from "../churn/run.js";
import type {Warehouse} from "../warehouse/warehouse.js";

type Scored = Pick<BatchScore, "churn_probability" | "seed_rule_status" | "value_at_risk">;

/** About `target` bins with round edges (d3's nice domain and thresholds) over the observed probabilities. */
export function riskBins(scores: readonly Scored[], target = 25): RiskBin[] {
  const binner = bin<Scored, number>()
    .value((s) => s.churn_probability)
    .thresholds(target);
  // A model that gives everyone the same probability (a tiny data set) would make one bin of zero width.
  const [lo, hi] = extent(scores, (s) => s.churn_probability);
  if (lo !== undefined && lo === hi) binner.domain([Math.max(0, lo - 0.005), Math.min(1, hi + 0.005)]);
  const bins = binner(scores);
  return bins.map((b) => {
    const churned = b.filter((s) => s.seed_rule_status === "churned").length;
    return {
      risk_from: b.x0!,
      risk_to: b.x1!,
      people: b.length,
      seed_rule_churned: churned,
      seed_rule_active: b.length - churned,
      value_at_risk: b.reduce((sum, s) => sum + s.value_at_risk, 0)
    };
  });
}

export async function churnRiskData(warehouse: Warehouse): Promise<ChurnRiskData> {
  const run = await churnRun(warehouse);
  return {horizon_days: run.window.horizonDays, people: run.scores.length, bins: riskBins(run.scores)};
}
