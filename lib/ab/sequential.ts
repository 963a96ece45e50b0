// Always-valid inference for a difference (of proportions or of means) under continuous monitoring.
//
// Normal-mixture (mixture SPRT) confidence sequence. With estimate d̂ of the difference θ and its variance
// v = Var(d̂) (v ≈ σA²/nA + σB²/nB), mixing the likelihood ratio of N(θ, v) over θ ~ N(θ₀, τ²) gives
//   Λ = √(v/(v+τ²)) · exp( τ²(d̂ − θ₀)² / (2v(v+τ²)) )
// — the mSPRT of Johari, Pekelis & Walsh, "Always valid inference: continuous monitoring of A/B tests"
// (Operations Research 2022; the statistic behind Optimizely's Stats Engine), equivalently Robbins' normal
// mixture, eq. (14) of Howard, Ramdas, McAuliffe & Sekhon (2021), "Time-uniform, nonparametric, nonasymptotic
// confidence sequences", Ann. Statist. 49(2). Λ is a nonnegative martingale under H₀, so by Ville's inequality
// P(∃n: Λ_n ≥ 1/α) ≤ α. Inverting {θ₀ : Λ < 1/α}:
//   d̂ ± √( v(v+τ²)/τ² · [ 2·log(1/α) + log((v+τ²)/v) ] ),
// and the always-valid p-value is p_n = min(1, min_{m ≤ n} 1/Λ_m(θ₀ = 0)).
// The mixing parameter τ (prior sd of the effect) is fixed before the test; `mixingTau` picks the τ that makes
// the boundary tightest at a planned sample size: with r = τ²/v*, the width is minimal where
// r = 2·log(1/α) + log(1 + r) (Howard et al. 2021, §3.5, solved here by fixed-point iteration).
// With a plug-in variance estimate the guarantee is asymptotic (valid as the sample grows), which is how the
// mSPRT is used for conversion rates in practice.
import {
  AbInputError,
  checkArm,
  checkCountAtLeast,
  checkFinite,
  checkNonNegative,
  checkOpenUnit,
  checkPositive
} from "./errors.js";
import type {Arm, ArmSummary, Interval} from "./types.js";

/** τ minimizing the confidence-sequence width when Var(d̂) = plannedVariance. */
export function mixingTau(input: {plannedVariance: number; alpha?: number}): number {
  const v = checkPositive("plannedVariance", input.plannedVariance);
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const L = -2 * Math.log(alpha);
  let r = L;
  for (let i = 0; i < 100; i++) r = L + Math.log1p(r);
  return Math.sqrt(r * v);
}

/** τ tuned for a conversion test with `visitorsPerArm` at horizon and an expected `rate`. */
export function mixingTauForProportions(input: {visitorsPerArm: number; rate: number; alpha?: number}): number {
  const n = checkCountAtLeast("visitorsPerArm", input.visitorsPerArm, 1);
  const p = checkOpenUnit("rate", input.rate);
  return mixingTau({
    plannedVariance: (2 * p * (1 - p)) / n,
    ...(input.alpha === undefined ? {} : {alpha: input.alpha})
  });
}

export interface SequentialResult {
  estimate: number;
  variance: number;
  /** Always-valid (1 − alpha) interval at this look. */
  interval: Interval;
  /** 1/Λ at θ₀ = 0 for this look alone (take the running minimum across looks: see sequentialPath). */
  pValue: number;
  alpha: number;
  tau: number;
}

/** One look of the normal-mixture confidence sequence for a difference with estimate and variance. */
export function normalMixtureInterval(input: {
  estimate: number;
  variance: number;
  tau: number;
  alpha?: number;
}): SequentialResult {
  const d = checkFinite("estimate", input.estimate);
  const v = checkNonNegative("variance", input.variance);
  const tau = checkPositive("tau", input.tau);
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  if (v === 0) {
    // No information about the variability yet (e.g. no conversions in either arm): no conclusion possible.
    return {estimate: d, variance: v, interval: {lower: -Infinity, upper: Infinity}, pValue: 1, alpha, tau};
  }
  const t2 = tau * tau;
  const half = Math.sqrt(((v * (v + t2)) / t2) * (-2 * Math.log(alpha) + Math.log1p(t2 / v)));
  const logLambda = 0.5 * Math.log(v / (v + t2)) + (t2 * d * d) / (2 * v * (v + t2));
  const pValue = Math.min(1, Math.exp(-logLambda));
  return {estimate: d, variance: v, interval: {lower: d - half, upper: d + half}, pValue, alpha, tau};
}

/** Always-valid interval for pB − pA (plug-in Bernoulli variances), clipped to [−1, 1]. */
export function sequentialProportions(input: {
  control: Arm;
  treatment: Arm;
  tau: number;
  alpha?: number;
}): SequentialResult {
  const {control: a, treatment: b} = input;
  checkArm(a.conversions, a.visitors, "control.");
  checkArm(b.conversions, b.visitors, "treatment.");
  const pa = a.conversions / a.visitors;
  const pb = b.conversions / b.visitors;
  const v = (pa * (1 - pa)) / a.visitors + (pb * (1 - pb)) / b.visitors;
  const r = normalMixtureInterval({
    estimate: pb - pa,
    variance: v,
    tau: input.tau,
    ...(input.alpha === undefined ? {} : {alpha: input.alpha})
  });
  return {...r, interval: {lower: Math.max(-1, r.interval.lower), upper: Math.min(1, r.interval.upper)}};
}

/** Always-valid interval for μB − μA from running summaries (plug-in variances sA²/nA + sB²/nB). */
export function sequentialMeans(input: {
  control: ArmSummary;
  treatment: ArmSummary;
  tau: number;
  alpha?: number;
}): SequentialResult {
  const {control: a, treatment: b} = input;
  for (const [s, p] of [
    [a, "control."],
    [b, "treatment."]
  ] as const) {
    checkCountAtLeast(`${p}n`, s.n, 2);
    checkFinite(`${p}mean`, s.mean);
    checkNonNegative(`${p}sd`, s.sd);
  }
  const v = (a.sd * a.sd) / a.n + (b.sd * b.sd) / b.n;
  return normalMixtureInterval({
    estimate: b.mean - a.mean,
    variance: v,
    tau: input.tau,
    ...(input.alpha === undefined ? {} : {alpha: input.alpha})
  });
}

export interface SequentialLook extends SequentialResult {
  /** Running intersection of all intervals so far (also always valid). */
  runningInterval: Interval;
  /** Running minimum of the per-look p-values: the always-valid p-value. */
  alwaysValidP: number;
}

/** Fold a series of cumulative looks (each the totals so far) into running intervals and always-valid p-values. */
export function sequentialPath(
  looks: readonly {control: Arm; treatment: Arm}[],
  options: {tau: number; alpha?: number}
): SequentialLook[] {
  if (!Array.isArray(looks) || looks.length === 0) throw new AbInputError("looks", "looks needs at least 1 look");
  let lower = -Infinity;
  let upper = Infinity;
  let p = 1;
  return looks.map((look) => {
    const r = sequentialProportions({...look, ...options});
    lower = Math.max(lower, r.interval.lower);
    upper = Math.min(upper, r.interval.upper);
    p = Math.min(p, r.pValue);
    return {...r, runningInterval: {lower, upper}, alwaysValidP: p};
  });
}
