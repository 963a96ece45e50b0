// CUPED variance reduction (Deng, Xu, Kohavi & Walker 2013, "Improving the sensitivity of online controlled
// experiments by utilizing pre-experiment data"). One θ for all arms from the pooled data,
//   θ = cov(X, Y) / var(X),   Y'ᵢ = Yᵢ − θ(Xᵢ − X̄)   (X̄ = pooled pre-period mean),
// so the adjustment has mean zero and the difference of adjusted means stays unbiased. It works from summary
// statistics per arm (n, mean and sd of Y, mean and sd of X, cov(X, Y)) as exactly as from raw values:
//   pooled Sxy = Σᵢ [(nᵢ − 1)·covᵢ + nᵢ(x̄ᵢ − X̄)(ȳᵢ − Ȳ)], Sxx likewise, θ = Sxy/Sxx;
//   adjusted arm mean ȳᵢ − θ(x̄ᵢ − X̄), adjusted variance s²_Y − 2θ·cov + θ²·s²_X.
// The variance reduction reported is that of the difference estimate: 1 − Var(Ȳ'B − Ȳ'A) / Var(ȲB − ȲA)
// (≈ ρ² for a common correlation ρ). Intervals and tests are Welch's on the adjusted summaries.
import type {Alternative} from "./alternative.js";
import {AbInputError, checkCountAtLeast, checkFinite, checkNonNegative, checkOpenUnit} from "./errors.js";
import {checkSameLength, checkValues} from "./errors.js";
import type {ArmSummary, Interval} from "./types.js";
import {summarize, welchTTest, type WelchResult} from "./welch.js";

/** Raw per-user values of one arm. */
export interface CupedArm {
  /** Metric in the experiment period, per user. */
  y: readonly number[];
  /** Pre-period covariate of the same users (same order). */
  x: readonly number[];
}

/** Summary statistics of one arm: the metric (n, mean, sd) and its pre-period covariate. */
export interface CupedArmSummary extends ArmSummary {
  preMean: number;
  preSd: number;
  /** Sample covariance of the pre-period value and the metric (n − 1 denominator). */
  covariance: number;
}

export interface CupedResult {
  theta: number;
  /** 1 − Var(adjusted difference)/Var(raw difference), in [0, 1) up to sampling noise. */
  varianceReduction: number;
  adjustedMeanA: number;
  adjustedMeanB: number;
  /** Adjusted meanB − meanA and its Welch interval / test. */
  adjusted: WelchResult;
  /** The same test on the raw metric, for comparison. */
  raw: WelchResult;
  ci: Interval;
}

export function checkCupedSummary(s: CupedArmSummary, prefix: string): void {
  checkCountAtLeast(`${prefix}n`, s.n, 2);
  checkFinite(`${prefix}mean`, s.mean);
  checkNonNegative(`${prefix}sd`, s.sd);
  checkFinite(`${prefix}preMean`, s.preMean);
  checkNonNegative(`${prefix}preSd`, s.preSd);
  checkFinite(`${prefix}covariance`, s.covariance);
  // Cauchy–Schwarz: |cov| ≤ sd_X·sd_Y (with room for rounding in typed figures).
  if (Math.abs(s.covariance) > s.sd * s.preSd * (1 + 1e-9) + 1e-12) {
    throw new AbInputError(
      `${prefix}covariance`,
      `${prefix}covariance (${s.covariance}) cannot exceed sd × pre-period sd (${s.sd * s.preSd}) in size`
    );
  }
}

/** Pooled θ and each arm's CUPED-adjusted summary. */
export function cupedAdjust(
  arms: readonly CupedArmSummary[],
  prefixes: readonly string[] = arms.map((_, i) => `arms[${i}].`)
): {theta: number; preMean: number; adjusted: ArmSummary[]} {
  arms.forEach((a, i) => checkCupedSummary(a, prefixes[i]!));
  const n = arms.reduce((s, a) => s + a.n, 0);
  const xbar = arms.reduce((s, a) => s + a.n * a.preMean, 0) / n;
  const ybar = arms.reduce((s, a) => s + a.n * a.mean, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const a of arms) {
    sxy += (a.n - 1) * a.covariance + a.n * (a.preMean - xbar) * (a.mean - ybar);
    sxx += (a.n - 1) * a.preSd ** 2 + a.n * (a.preMean - xbar) ** 2;
  }
  const theta = sxx === 0 ? 0 : sxy / sxx;
  const adjusted = arms.map((a) => ({
    n: a.n,
    mean: a.mean - theta * (a.preMean - xbar),
    sd: Math.sqrt(Math.max(0, a.sd ** 2 - 2 * theta * a.covariance + theta ** 2 * a.preSd ** 2))
  }));
  return {theta, preMean: xbar, adjusted};
}

/** CUPED on two arms given as summaries. */
export function cupedFromSummaries(input: {
  control: CupedArmSummary;
  treatment: CupedArmSummary;
  alpha?: number;
  alternative?: Alternative;
}): CupedResult {
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const alternative = input.alternative ?? "two-sided";
  const {theta, adjusted: pair} = cupedAdjust([input.control, input.treatment], ["control.", "treatment."]);
  const raw = welchTTest({control: input.control, treatment: input.treatment, alpha, alternative});
  const adjusted = welchTTest({control: pair[0]!, treatment: pair[1]!, alpha, alternative});
  if (raw.se === 0)
    throw new AbInputError("control.sd", "the metric has no variability in either arm; nothing to reduce");
  return {
    theta,
    varianceReduction: 1 - (adjusted.se * adjusted.se) / (raw.se * raw.se),
    adjustedMeanA: adjusted.meanA,
    adjustedMeanB: adjusted.meanB,
    adjusted,
    raw,
    ci: adjusted.ci
  };
}

/** The summary of one arm's raw values (two-pass, n − 1 denominators). */
export function cupedSummary(arm: CupedArm, name: string): CupedArmSummary {
  checkValues(`${name}.y`, arm.y, 2);
  checkValues(`${name}.x`, arm.x, 2);
  checkSameLength(`${name}.x`, arm.y, arm.x, `${name}.y`);
  const y = summarize(arm.y, `${name}.y`);
  const x = summarize(arm.x, `${name}.x`);
  let sxy = 0;
  for (let i = 0; i < arm.y.length; i++) sxy += (arm.x[i]! - x.mean) * (arm.y[i]! - y.mean);
  return {...y, preMean: x.mean, preSd: x.sd, covariance: sxy / (y.n - 1)};
}

/** θ = cov(X, Y)/var(X) on paired arrays (0 when X is constant: nothing to adjust with). */
export function cupedTheta(x: readonly number[], y: readonly number[]): number {
  const s = cupedSummary({x, y}, "data");
  return s.preSd === 0 ? 0 : s.covariance / s.preSd ** 2;
}

/** CUPED on raw per-user values: the summaries of each arm, then cupedFromSummaries. */
export function cuped(input: {control: CupedArm; treatment: CupedArm; alpha?: number}): CupedResult {
  const control = cupedSummary(input.control, "control");
  const treatment = cupedSummary(input.treatment, "treatment");
  if (control.sd === 0 && treatment.sd === 0)
    throw new AbInputError("control.y", "the metric has no variability in either arm; nothing to reduce");
  return cupedFromSummaries({control, treatment, ...(input.alpha === undefined ? {} : {alpha: input.alpha})});
}
