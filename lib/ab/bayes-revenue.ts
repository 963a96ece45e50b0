// Bayesian comparison of a per-user mean (e.g. revenue per user) by a normal approximation of each arm's mean:
// likelihood x̄ ~ N(μ, s²/n) (CLT). Prior on μ per arm: flat (default; posterior N(x̄, s²/n)) or a weakly
// informative N(m₀, τ₀²), giving the conjugate posterior precision n/s² + 1/τ₀² and mean
// (n·x̄/s² + m₀/τ₀²) / precision. With D = μB − μA ~ N(d, v):
//   P(μB > μA) = Φ(d/√v);   E[max(μA − μB, 0)] = E[max(−D, 0)] = √v·φ(d/√v) − d·Φ(−d/√v).
import {
  AbInputError,
  checkCountAtLeast,
  checkFinite,
  checkNonNegative,
  checkOpenUnit,
  checkPositive
} from "./errors.js";
import {positivePart} from "./bayes-lift.js";
import {normalCdf, normalQuantile} from "./normal.js";
import type {ArmSummary, Interval} from "./types.js";

export type MeanPrior = {kind: "flat"} | {kind: "normal"; mean: number; sd: number};

export interface NormalPosterior {
  mean: number;
  sd: number;
}

export function meanPosterior(s: ArmSummary, prior: MeanPrior = {kind: "flat"}, prefix = ""): NormalPosterior {
  checkCountAtLeast(`${prefix}n`, s.n, 2);
  checkFinite(`${prefix}mean`, s.mean);
  checkNonNegative(`${prefix}sd`, s.sd);
  const dataVar = (s.sd * s.sd) / s.n;
  if (prior.kind === "flat") {
    if (dataVar === 0)
      throw new AbInputError(`${prefix}sd`, `${prefix}sd is 0; a flat prior needs some variability in the data`);
    return {mean: s.mean, sd: Math.sqrt(dataVar)};
  }
  if (prior.kind !== "normal") throw new AbInputError("prior", `prior.kind must be "flat" or "normal"`);
  checkFinite("prior.mean", prior.mean);
  checkPositive("prior.sd", prior.sd);
  const precision = (dataVar > 0 ? 1 / dataVar : Infinity) + 1 / (prior.sd * prior.sd);
  if (precision === Infinity) return {mean: s.mean, sd: 0};
  const mean = (s.mean / dataVar + prior.mean / (prior.sd * prior.sd)) / precision;
  return {mean, sd: Math.sqrt(1 / precision)};
}

export interface BayesMeansResult {
  posteriorA: NormalPosterior;
  posteriorB: NormalPosterior;
  /** P(μB > μA). */
  probBBeatsA: number;
  /** E[max(μB − μA, 0)]: expected loss if A is chosen. */
  expectedLossA: number;
  /** E[max(μA − μB, 0)]: expected loss if B is chosen. */
  expectedLossB: number;
  /** Equal-tailed credible interval of μB − μA. */
  credibleDiff: Interval;
  level: number;
}

export function bayesMeans(input: {
  control: ArmSummary;
  treatment: ArmSummary;
  prior?: MeanPrior;
  level?: number;
}): BayesMeansResult {
  const prior = input.prior ?? {kind: "flat"};
  const level = checkOpenUnit("level", input.level ?? 0.95);
  const posteriorA = meanPosterior(input.control, prior, "control.");
  const posteriorB = meanPosterior(input.treatment, prior, "treatment.");
  const d = posteriorB.mean - posteriorA.mean;
  const s = Math.hypot(posteriorA.sd, posteriorB.sd);
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    posteriorA,
    posteriorB,
    probBBeatsA: s === 0 ? (d > 0 ? 1 : d < 0 ? 0 : 0.5) : normalCdf(d / s),
    expectedLossA: positivePart(d, s),
    expectedLossB: positivePart(-d, s),
    credibleDiff: {lower: d - z * s, upper: d + z * s},
    level
  };
}
