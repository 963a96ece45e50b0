// The data of the churn-risk chart: today's customers binned by their build-time churn probability (from the
// cached churn run's score file), with the seed rule's status and the value at risk per bin. The scores are read
// in chunks and only the bins' counts are kept, so the chart costs the same memory for any number of customers.
import {bin, bisectRight} from "d3-array";
import type {ChurnRiskData, RiskBin} from "../../lib/contracts/churn-risk.js";
import {round} from "../../lib/num.js";
import {churnRun, churnScoresFile, type BatchScore} from "../churn/run.js";
import {sql} from "../sql.js";
import type {Warehouse} from "../warehouse/warehouse.js";

type Scored = Pick<BatchScore, "churn_probability" | "seed_rule_status" | "value_at_risk">;

/**
 * Bins over [lo, hi]: about `target` bins with round edges, as d3's bin() makes them over values of that extent
 * (nice domain and thresholds), filled chunk by chunk.
 */
export class RiskBinCounter {
  private readonly bins: RiskBin[];
  private readonly inner: number[];

  constructor(lo: number, hi: number, target = 25) {
    const binner = bin().thresholds(target);
    // A model that gives everyone the same probability (a tiny data set) would make one bin of zero width.
    if (lo === hi) binner.domain([Math.max(0, lo - 0.005), Math.min(1, hi + 0.005)]);
    this.bins = binner([lo, hi]).map((b) => ({
      risk_from: b.x0!,
      risk_to: b.x1!,
      people: 0,
      seed_rule_churned: 0,
      seed_rule_active: 0,
      value_at_risk: 0
    }));
    this.inner = this.bins.slice(1).map((b) => b.risk_from);
  }

  add(scores: readonly Scored[]): void {
    for (const s of scores) {
      const b = this.bins[bisectRight(this.inner, s.churn_probability)]!;
      b.people++;
      if (s.seed_rule_status === "churned") b.seed_rule_churned++;
      else b.seed_rule_active++;
      b.value_at_risk += s.value_at_risk;
    }
  }

  result(): RiskBin[] {
    return this.bins.map((b) => ({...b, value_at_risk: round(b.value_at_risk, 2)}));
  }
}

/** The bins of a list of scores held in memory (tests, small data). */
export function riskBins(scores: readonly Scored[], target = 25): RiskBin[] {
  if (!scores.length) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) [lo, hi] = [Math.min(lo, s.churn_probability), Math.max(hi, s.churn_probability)];
  const counter = new RiskBinCounter(lo, hi, target);
  counter.add(scores);
  return counter.result();
}

export async function churnRiskData(warehouse: Warehouse): Promise<ChurnRiskData> {
  const run = await churnRun(warehouse);
  const scores = await churnScoresFile(warehouse);
  const [range] = await warehouse.query<{lo: number | null; hi: number | null; people: number}>(
    sql("churn/score-extent"),
    {scores}
  );
  const bins: RiskBin[] = [];
  if (range && range.lo !== null && range.hi !== null) {
    const counter = new RiskBinCounter(range.lo, range.hi);
    for await (const chunk of warehouse.stream<Scored>(sql("churn/score-rows"), {scores})) counter.add(chunk);
    bins.push(...counter.result());
  }
  return {horizon_days: run.window.horizonDays, people: range?.people ?? 0, bins};
}
