// Welch's unequal-variance t-test for a per-user metric (e.g. revenue per user), from summary statistics or
// from raw per-user values. SE² = sA²/nA + sB²/nB; Welch–Satterthwaite degrees of freedom
// ν = SE⁴ / [(sA²/nA)²/(nA−1) + (sB²/nB)²/(nB−1)].
import {checkCountAtLeast, checkFinite, checkNonNegative, checkOpenUnit, checkValues} from "./errors.js";
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
  ci: Interval;
  /** diff / meanA, or null when meanA = 0. */
  relativeLift: number | null;
  significant: boolean;
}

function checkSummary(s: ArmSummary, prefix: string): void {
  checkCountAtLeast(`${prefix}n`, s.n, 2);
  checkFinite(`${prefix}mean`, s.mean);
  checkNonNegative(`${prefix}sd`, s.sd);
}

export function welchTTest(input: {control: ArmSummary; treatment: ArmSummary; alpha?: number}): WelchResult {
  const {control: a, treatment: b} = input;
  checkSummary(a, "control.");
  checkSummary(b, "treatment.");
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  const diff = b.mean - a.mean;
  const relativeLift = a.mean !== 0 ? diff / a.mean : null;
  if (se === 0) {
    // No variability at all: the difference is known exactly.
    const t = diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
    return {
      meanA: a.mean,
      meanB: b.mean,
      diff,
      se,
      t,
      df: a.n + b.n - 2,
      pValue: diff === 0 ? 1 : 0,
      alpha,
      ci: {lower: diff, upper: diff},
      relativeLift,
      significant: diff !== 0
    };
  }
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const t = diff / se;
  const pValue = Math.min(1, 2 * tSf(Math.abs(t), df));
  const tc = tQuantile(1 - alpha / 2, df);
  return {
    meanA: a.mean,
    meanB: b.mean,
    diff,
    se,
    t,
    df,
    pValue,
    alpha,
    ci: {lower: diff - tc * se, upper: diff + tc * se},
    relativeLift,
    significant: pValue < alpha
  };
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
}): WelchResult {
  checkValues("control", input.control, 2);
  checkValues("treatment", input.treatment, 2);
  return welchTTest({
    control: summarize(input.control, "control"),
    treatment: summarize(input.treatment, "treatment"),
    ...(input.alpha === undefined ? {} : {alpha: input.alpha})
  });
}
