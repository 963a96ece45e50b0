// Ratio metrics (revenue per order, items per order…) where the denominator varies per user, by the delta method
// (Deng, Knoblich & Lu 2018, "Applying the Delta Method in Metric Analytics", KDD). Per arm, users i = 1…n have a
// numerator Xᵢ and a denominator Yᵢ; the metric is R = X̄/Ȳ and
//   Var(R) ≈ [s²_X/Ȳ² − 2·X̄·s_XY/Ȳ³ + X̄²·s²_Y/Ȳ⁴] / n.
// The difference R_B − R_A gets a z-test and interval (the arms are independent); the relative lift R_B/R_A − 1
// the delta-method interval of welch.ts's relativeLiftDelta.
import {checkAlternative, intervalFor, pFromStatistic, tailAlpha, type Alternative} from "./alternative.js";
import {AbInputError, checkCountAtLeast, checkFinite, checkNonNegative, checkOpenUnit} from "./errors.js";
import {normalQuantile, normalSf} from "./normal.js";
import type {Interval} from "./types.js";
import {relativeLiftDelta} from "./welch.js";

export interface RatioArm {
  /** Users (the unit of randomisation). */
  n: number;
  numeratorMean: number;
  numeratorSd: number;
  denominatorMean: number;
  denominatorSd: number;
  /** Sample covariance of numerator and denominator per user. */
  covariance: number;
}

export interface RatioEstimate {
  ratio: number;
  /** Delta-method variance of the ratio. */
  variance: number;
}

export function checkRatioArm(a: RatioArm, prefix: string): void {
  checkCountAtLeast(`${prefix}n`, a.n, 2);
  checkFinite(`${prefix}numeratorMean`, a.numeratorMean);
  checkNonNegative(`${prefix}numeratorSd`, a.numeratorSd);
  checkFinite(`${prefix}denominatorMean`, a.denominatorMean);
  if (a.denominatorMean === 0)
    throw new AbInputError(`${prefix}denominatorMean`, `${prefix}denominatorMean is 0: the ratio is undefined`);
  checkNonNegative(`${prefix}denominatorSd`, a.denominatorSd);
  checkFinite(`${prefix}covariance`, a.covariance);
  if (Math.abs(a.covariance) > a.numeratorSd * a.denominatorSd * (1 + 1e-9) + 1e-12) {
    throw new AbInputError(
      `${prefix}covariance`,
      `${prefix}covariance (${a.covariance}) cannot exceed the product of the two sds (${a.numeratorSd * a.denominatorSd}) in size`
    );
  }
}

export function ratioEstimate(a: RatioArm, prefix = ""): RatioEstimate {
  checkRatioArm(a, prefix);
  const x = a.numeratorMean;
  const y = a.denominatorMean;
  const variance =
    (a.numeratorSd ** 2 / y ** 2 - (2 * x * a.covariance) / y ** 3 + (x ** 2 * a.denominatorSd ** 2) / y ** 4) / a.n;
  return {ratio: x / y, variance: Math.max(0, variance)};
}

export interface RatioTestResult {
  ratioA: number;
  ratioB: number;
  diff: number;
  se: number;
  z: number;
  pValue: number;
  alpha: number;
  alternative: Alternative;
  ci: Interval;
  relativeLift: number | null;
  ciRelative: Interval | null;
  relativeVariance: number | null;
  significant: boolean;
}

export function ratioTest(input: {
  control: RatioArm;
  treatment: RatioArm;
  alpha?: number;
  alternative?: Alternative;
}): RatioTestResult {
  const a = ratioEstimate(input.control, "control.");
  const b = ratioEstimate(input.treatment, "treatment.");
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const alternative = checkAlternative(input.alternative);
  const diff = b.ratio - a.ratio;
  const se = Math.sqrt(a.variance + b.variance);
  const z = se > 0 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  const pValue = pFromStatistic(z, alternative, (v) => (Number.isFinite(v) ? normalSf(v) : v > 0 ? 0 : 1));
  const zc = normalQuantile(1 - tailAlpha(alpha, alternative));
  const rel = relativeLiftDelta(a.ratio, b.ratio, a.variance, b.variance);
  return {
    ratioA: a.ratio,
    ratioB: b.ratio,
    diff,
    se,
    z,
    pValue,
    alpha,
    alternative,
    ci: intervalFor(diff, se, zc, alternative),
    relativeLift: rel?.lift ?? null,
    ciRelative: rel ? intervalFor(rel.lift, Math.sqrt(rel.variance), zc, alternative) : null,
    relativeVariance: rel?.variance ?? null,
    significant: pValue < alpha
  };
}
