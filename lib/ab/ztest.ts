// Two-proportion z-test: pooled SE for the test statistic (the SE under H₀: pA = pB), unpooled (Wald) SE for
// the confidence interval of the absolute lift, and the delta method on the log of the ratio for the
// relative lift: Var(log p̂B/p̂A) ≈ (1−pA)/xA + (1−pB)/xB (Katz et al. 1978), then exp(·) − 1. One-sided tests
// ("greater": B better, "less": B worse) use one tail for the p-value and a one-sided interval (alternative.ts).
import {checkAlternative, intervalFor, pFromStatistic, tailAlpha, type Alternative} from "./alternative.js";
import {checkArm, checkOpenUnit} from "./errors.js";
import {normalQuantile, normalSf} from "./normal.js";
import type {Arm, Interval} from "./types.js";

export interface ZTestResult {
  rateA: number;
  rateB: number;
  /** Absolute lift pB − pA. */
  diff: number;
  /** z = diff / pooled SE (0 when the pooled SE is 0: both arms all-zero or all-converted). */
  z: number;
  /** p-value of the chosen alternative (two-sided by default). */
  pValue: number;
  alpha: number;
  alternative: Alternative;
  /** (1 − alpha) Wald interval for the absolute lift (unpooled SE). */
  ciDiff: Interval;
  /** pB / pA − 1, or null when pA = 0. */
  relativeLift: number | null;
  /** (1 − alpha) interval for the relative lift by the delta method on log(pB/pA); null when either arm has 0 conversions. */
  ciRelative: Interval | null;
  significant: boolean;
}

export function twoProportionZTest(input: {
  control: Arm;
  treatment: Arm;
  alpha?: number;
  alternative?: Alternative;
}): ZTestResult {
  const {control: a, treatment: b} = input;
  checkArm(a.conversions, a.visitors, "control.");
  checkArm(b.conversions, b.visitors, "treatment.");
  const alpha = checkOpenUnit("alpha", input.alpha ?? 0.05);
  const alternative = checkAlternative(input.alternative);
  const rateA = a.conversions / a.visitors;
  const rateB = b.conversions / b.visitors;
  const diff = rateB - rateA;
  const pooled = (a.conversions + b.conversions) / (a.visitors + b.visitors);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / a.visitors + 1 / b.visitors));
  const z = sePooled > 0 ? diff / sePooled : 0;
  const pValue = pFromStatistic(z, alternative, normalSf);
  const zc = normalQuantile(1 - tailAlpha(alpha, alternative));
  const se = Math.sqrt((rateA * (1 - rateA)) / a.visitors + (rateB * (1 - rateB)) / b.visitors);
  const ciDiff = intervalFor(diff, se, zc, alternative);
  const relativeLift = a.conversions > 0 ? rateB / rateA - 1 : null;
  let ciRelative: Interval | null = null;
  if (a.conversions > 0 && b.conversions > 0) {
    const logRatio = Math.log(rateB / rateA);
    const seLog = Math.sqrt((1 - rateA) / a.conversions + (1 - rateB) / b.conversions);
    const log = intervalFor(logRatio, seLog, zc, alternative);
    ciRelative = {lower: Math.expm1(log.lower), upper: Math.expm1(log.upper)};
  }
  return {
    rateA,
    rateB,
    diff,
    z,
    pValue,
    alpha,
    alternative,
    ciDiff,
    relativeLift,
    ciRelative,
    significant: pValue < alpha
  };
}
