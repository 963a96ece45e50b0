// Who gets a retention offer, and what it is worth. A person with churn probability p is offered when the
// expected gain is positive: p · success rate · value of a saved customer > offer cost, i.e. p ≥ threshold with
//   threshold = offer cost / (success rate × value of a saved customer)
// (this assumes calibrated probabilities). Outcomes on the evaluation snapshot come from a compact histogram
// of its probabilities, so the page can recompute them for any costs.

export interface Costs {
  /** Cost of one offer (R$), paid for everyone offered. */
  offerCost: number;
  /** Value (R$) of keeping a customer who would have churned. */
  savedValue: number;
  /** Share of offered churners the offer keeps (0–1). */
  successRate: number;
}

/** One bucket of the evaluation snapshot: people whose churn probability rounds to p. */
export interface ProbabilityBucket {
  p: number;
  churned: number;
  returned: number;
}

export function costThreshold({offerCost, savedValue, successRate}: Costs): number {
  const gainPerSave = savedValue * successRate;
  if (!(gainPerSave > 0)) return Infinity; // nobody is worth an offer
  return Math.max(0, offerCost / gainPerSave);
}

/**
 * Buckets of the churn probability rounded to `digits` significant digits of the return probability 1 − p
 * (probabilities crowd near 1, so rounding p itself would merge them).
 */
export function probabilityBuckets(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  digits = 3
): ProbabilityBucket[] {
  const map = new Map<number, ProbabilityBucket>();
  for (let i = 0; i < labels.length; i++) {
    const q = 1 - probs[i]!;
    const p = q > 0 ? 1 - Number(q.toPrecision(digits)) : 1;
    let b = map.get(p);
    if (!b) map.set(p, (b = {p, churned: 0, returned: 0}));
    labels[i] ? b.churned++ : b.returned++;
  }
  return [...map.values()].sort((a, b) => a.p - b.p);
}

export interface TargetingOutcome {
  threshold: number;
  /** Offered and would have churned / offered but would have come back / not offered, churned / not offered, came back. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  offered: number;
  /** Expected net value of the offers: tp · success rate · saved value − offered · offer cost. */
  netValue: number;
}

export function targetingOutcome(
  buckets: readonly ProbabilityBucket[],
  threshold: number,
  costs: Costs
): TargetingOutcome {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const b of buckets) {
    if (b.p >= threshold) {
      tp += b.churned;
      fp += b.returned;
    } else {
      fn += b.churned;
      tn += b.returned;
    }
  }
  const offered = tp + fp;
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    offered,
    netValue: tp * costs.successRate * costs.savedValue - offered * costs.offerCost
  };
}
