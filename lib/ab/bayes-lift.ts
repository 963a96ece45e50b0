// Bayesian summary of a relative lift L = μB/μA − 1 (means or ratio metrics), GrowthBook's model: the data give
// L̂ ~ N(L, v) with v the delta-method variance; the prior is L ~ N(m₀, s₀²) (default N(0, 0.3²), GrowthBook's
// weakly informative prior: lifts beyond ±60% are unlikely), or flat (s₀ = ∞). Conjugate normal posterior:
//   precision 1/v + 1/s₀²,  mean (L̂/v + m₀/s₀²) / precision.
// With L ~ N(μ, σ²): chance to win P(L > 0) = Φ(μ/σ); expected loss of choosing B E[max(−L, 0)] =
// σ·φ(μ/σ) − μ·Φ(−μ/σ) (and of keeping A, E[max(L, 0)] = σ·φ(μ/σ) + μ·Φ(μ/σ)), in units of the relative lift.
import {checkFinite, checkNonNegative, checkOpenUnit, checkPositive} from "./errors.js";
import {normalCdf, normalPdf, normalQuantile} from "./normal.js";
import type {Interval} from "./types.js";

/** Normal prior on the relative lift; `sd: null` is the flat prior. */
export interface LiftPrior {
  mean: number;
  sd: number | null;
}

export const DEFAULT_LIFT_PRIOR: LiftPrior = {mean: 0, sd: 0.3};

export interface BayesLiftResult {
  posteriorMean: number;
  posteriorSd: number;
  /** P(L > 0). */
  chanceToWin: number;
  /** E[max(−L, 0)]: relative lift expected to be lost by choosing B. */
  expectedLossB: number;
  /** E[max(L, 0)]: relative lift expected to be lost by keeping A. */
  expectedLossA: number;
  credible: Interval;
  level: number;
}

/** E[max(X, 0)] for X ~ N(m, s²). */
export function positivePart(m: number, s: number): number {
  if (s === 0) return Math.max(m, 0);
  return s * normalPdf(m / s) + m * normalCdf(m / s);
}

export function bayesLift(input: {lift: number; variance: number; prior?: LiftPrior; level?: number}): BayesLiftResult {
  const lift = checkFinite("lift", input.lift);
  const v = checkNonNegative("variance", input.variance);
  const prior = input.prior ?? DEFAULT_LIFT_PRIOR;
  checkFinite("prior.mean", prior.mean);
  if (prior.sd !== null) checkPositive("prior.sd", prior.sd);
  const level = checkOpenUnit("level", input.level ?? 0.95);
  let mean = lift;
  let sd = Math.sqrt(v);
  if (prior.sd !== null && v > 0) {
    const precision = 1 / v + 1 / prior.sd ** 2;
    mean = (lift / v + prior.mean / prior.sd ** 2) / precision;
    sd = Math.sqrt(1 / precision);
  }
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    posteriorMean: mean,
    posteriorSd: sd,
    chanceToWin: sd === 0 ? (mean > 0 ? 1 : mean < 0 ? 0 : 0.5) : normalCdf(mean / sd),
    expectedLossB: positivePart(-mean, sd),
    expectedLossA: positivePart(mean, sd),
    credible: {lower: mean - z * sd, upper: mean + z * sd},
    level
  };
}
