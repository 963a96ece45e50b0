// Seeded simulation of the "peeking problem" (Evan Miller, "How Not To Run an A/B Test", 2010): under the null
// (both arms convert at `rate`), look at the data every day and stop at the first day the fixed-horizon
// z-test says p < alpha. Compares the false-positive rate of that practice with a single look at the end and
// with the always-valid p-value of the normal-mixture sequential test (sequential.ts).
import {checkCountAtLeast, checkOpenUnit} from "./errors.js";
import {sampleBinomial} from "./binomial-sample.js";
import {mixingTauForProportions, sequentialProportions} from "./sequential.js";
import {twoProportionZTest} from "./ztest.js";
import {rng} from "../random.js";

export interface PeekingInput {
  days: number;
  /** New users per arm per day. */
  usersPerDay: number;
  /** True conversion rate of both arms. */
  rate: number;
  alpha?: number;
  simulations?: number;
  seed?: number | string;
}

export interface PeekingResult {
  simulations: number;
  alpha: number;
  /** Share of experiments "significant" at the single planned look on the last day (≈ alpha). */
  fixedHorizonFalsePositiveRate: number;
  /** Share that were "significant" on at least one daily look (stop at first p < alpha): inflated. */
  peekingFalsePositiveRate: number;
  /** Share whose always-valid p-value fell below alpha on any day (≤ alpha). */
  sequentialFalsePositiveRate: number;
  /** Cumulative share stopped by daily peeking, by day (index 0 = after day 1). */
  peekingByDay: number[];
}

export function peekingSimulation(input: PeekingInput): PeekingResult {
  const days = checkCountAtLeast("days", input.days, 1);
  const perDay = checkCountAtLeast("usersPerDay", input.usersPerDay, 1);
  const rate = checkOpenUnit("rate", input.rate);
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const sims = checkCountAtLeast("simulations", input.simulations ?? 1000, 1);
  const r = rng(input.seed ?? 1);
  const tau = mixingTauForProportions({visitorsPerArm: days * perDay, rate, alpha});
  let fixed = 0;
  let peeking = 0;
  let sequential = 0;
  const stoppedBy = new Array<number>(days).fill(0);
  for (let s = 0; s < sims; s++) {
    let ca = 0;
    let cb = 0;
    let peeked = false;
    let seqRejected = false;
    for (let d = 1; d <= days; d++) {
      ca += sampleBinomial(r, perDay, rate);
      cb += sampleBinomial(r, perDay, rate);
      const n = d * perDay;
      const control = {conversions: ca, visitors: n};
      const treatment = {conversions: cb, visitors: n};
      const z = twoProportionZTest({control, treatment, alpha});
      if (!peeked && z.pValue < alpha) {
        peeked = true;
        stoppedBy[d - 1]!++;
      }
      if (d === days && z.pValue < alpha) fixed++;
      if (!seqRejected && sequentialProportions({control, treatment, tau, alpha}).pValue < alpha) seqRejected = true;
    }
    if (peeked) peeking++;
    if (seqRejected) sequential++;
  }
  let cum = 0;
  const peekingByDay = stoppedBy.map((c) => (cum += c) / sims);
  return {
    simulations: sims,
    alpha,
    fixedHorizonFalsePositiveRate: fixed / sims,
    peekingFalsePositiveRate: peeking / sims,
    sequentialFalsePositiveRate: sequential / sims,
    peekingByDay
  };
}
