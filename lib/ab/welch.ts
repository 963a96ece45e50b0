// Welch's unequal-variance t-test for a per-user metric (e.g. revenue per user), from summary statistics or
// from raw per-user values. SE² = sA²/nA + sB²/nB; Welch–Satterthwaite degrees of freedom
// ν = SE⁴ / [(sA²/nA)²/(nA−1) + (sB²/nB)²/(nB−1)].
// Relative lift x̄B/x̄A − 1 with a delta-method interval (normal critical value, as the method is asymptotic):
//   Var(x̄B/x̄A) ≈ vB/x̄A² + x̄B²·vA/x̄A⁴,  vA = sA²/nA, vB = sB²/nB  (the arms are independent).
import {checkAlternative, intervalFor, pFromStatistic, tailAlpha, type Alternative} from "./alternative.js";
import {checkCountAtLeast, checkFinite, checkNonNegative, checkOpenUnit, checkValues} from "./errors.js";
import {normalQuantile} from "./normal.js";
import {tQuantile, tSf} from "./student-t.js";
import type {ArmSummary, Interval} from "./types.js";

export interface WelchResult {
  meanA: number;
  meanB: number;
  /** meanB − meanA. */
  diff: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
  alpha: number;
  alternative: Alternative;
  ci: Interval;
  /** diff / meanA, or null when meanA = 0. */
  relativeLift: number | null;
  /** Delta-method interval for the relative lift (null when meanA = 0). */
  ciRelative: Interval | null;
  /** Delta-method variance of the relative lift (null when meanA = 0). */
  relativeVariance: number | null;
  significant: boolean;
}

export function checkSummary(s: ArmSummary, prefix: string): void {
  checkCountAtLeast(`${prefix}n`, s.n, 2);
  checkFinite(`${prefix}mean`, s.mean);
  checkNonNegative(`${prefix}sd`, s.sd);
}

/** Delta-method relative lift of two independent means with variances va, vb of the means. */
export function relativeLiftDelta(
  meanA: number,
  meanB: number,
  va: number,
  vb: number
): {lift: number; variance: number} | null {
  if (meanA === 0) return null;
  return {lift: meanB / meanA - 1, variance: vb / meanA ** 2 + (meanB ** 2 * va) / meanA ** 4};
}

export function welchTTest(input: {
  control: ArmSummary;
  treatment: ArmSummary;
  alpha?: number;
  alternative?: Alternative;
}): WelchResult {
  const {control: a, treatment: b} = input;
  checkSummary(a, "control.");
  checkSummary(b, "treatment.");
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const alternative = checkAlternative(input.alternative);
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  const diff = b.mean - a.mean;
  const rel = relativeLiftDelta(a.mean, b.mean, va, vb);
  const zc = normalQuantile(1 - tailAlpha(alpha, alternative));
  const base = {
    meanA: a.mean,
    meanB: b.mean,
    diff,
    se,
    alpha,
    alternative,
    relativeLift: rel?.lift ?? null,
    ciRelative: rel ? intervalFor(rel.lift, Math.sqrt(rel.variance), zc, alternative) : null,
    relativeVariance: rel?.variance ?? null
  };
  if (se === 0) {
    // No variability at all: the difference is known exactly.
    const t = diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
    const pValue = diff === 0 ? 1 : pFromStatistic(t, alternative, (x) => (x === Infinity ? 0 : 1));
    return {...base, t, df: a.n + b.n - 2, pValue, ci: {lower: diff, upper: diff}, significant: pValue < alpha};
  }
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const t = diff / se;
  const pValue = pFromStatistic(t, alternative, (x) => tSf(x, df));
  const tc = tQuantile(1 - tailAlpha(alpha, alternative), df);
  return {...base, t, df, pValue, ci: intervalFor(diff, se, tc, alternative), significant: pValue < alpha};
}

/** n, mean and sample sd (n − 1) of raw values, by a two-pass algorithm. */
export function summarize(values: readonly number[], field = "values"): ArmSummary {
  checkValues(field, values, 1);
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return {n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0};
}

export function welchTTestFromValues(input: {
  control: readonly number[];
  treatment: readonly number[];
  alpha?: number;
  alternative?: Alternative;
}): WelchResult {
  checkValues("control", input.control, 2);
  checkValues("treatment", input.treatment, 2);
  return welchTTest({
    control: summarize(input.control, "control"),
    treatment: summarize(input.treatment, "treatment"),
    ...(input.alpha === undefined ? {} : {alpha: input.alpha}),
    ...(input.alternative === undefined ? {} : {alternative: input.alternative})
  });
}
