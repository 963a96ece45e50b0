// Chi-square test of independence on the 2 × k table (conversions / non-conversions by variant), Pearson's
// statistic without continuity correction (as scipy chi2_contingency(correction=False)), and pairwise
// z-tests of each variant against the control with corrected p-values (multiple.ts).
import {AbInputError, checkArm, checkOpenUnit} from "./errors.js";
import {chiSquareSf} from "./chi-square-dist.js";
import type {Alternative} from "./alternative.js";
import {compareWithControl, type PValueCorrection, type VariantComparison} from "./multiple.js";
import type {Arm} from "./types.js";
import {twoProportionZTest, type ZTestResult} from "./ztest.js";

function checkArms(arms: readonly Arm[]): void {
  if (!Array.isArray(arms) || arms.length < 2) {
    throw new AbInputError("arms", `arms needs at least 2 variants (got ${Array.isArray(arms) ? arms.length : 0})`);
  }
  arms.forEach((a, i) => checkArm(a.conversions, a.visitors, `arms[${i}].`));
}

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Expected conversions per arm under independence. */
  expectedConversions: number[];
}

export function chiSquareIndependence(arms: readonly Arm[]): ChiSquareResult {
  checkArms(arms);
  const total = arms.reduce((s, a) => s + a.visitors, 0);
  const conv = arms.reduce((s, a) => s + a.conversions, 0);
  const rate = conv / total;
  let statistic = 0;
  const expectedConversions: number[] = [];
  for (const a of arms) {
    const e1 = a.visitors * rate;
    const e0 = a.visitors - e1;
    expectedConversions.push(e1);
    // A zero expected count only happens when nobody (or everybody) converted; that row adds nothing.
    if (e1 > 0) statistic += (a.conversions - e1) ** 2 / e1;
    if (e0 > 0) statistic += (a.visitors - a.conversions - e0) ** 2 / e0;
  }
  const df = arms.length - 1;
  return {statistic, df, pValue: chiSquareSf(statistic, df), expectedConversions};
}

export type PairwiseComparison = VariantComparison<ZTestResult>;

/** Each variant vs arms[0] by the two-proportion z-test, with corrected p-values and intervals (Holm by default). */
export function pairwiseVsControl(
  arms: readonly Arm[],
  options: {alpha?: number; correction?: PValueCorrection; alternative?: Alternative} = {}
): PairwiseComparison[] {
  checkArms(arms);
  const alpha = checkOpenUnit("alpha", options.alpha ?? 0.05);
  const alternative = options.alternative ?? "two-sided";
  return compareWithControl(
    arms.length - 1,
    (v, a) => twoProportionZTest({control: arms[0]!, treatment: arms[v]!, alpha: a, alternative}),
    {alpha, correction: options.correction ?? "holm"}
  );
}
