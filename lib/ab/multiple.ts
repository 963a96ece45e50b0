// Multiple comparisons of k variants against one control.
//   Holm (1979) step-down: sort ascending, p̃(i) = max_{j ≤ i} min(1, (m − j + 1)·p(j))  (controls the
//   family-wise error rate).
//   Benjamini–Hochberg (1995) step-up: p̃(i) = min_{j ≥ i} min(1, m·p(j)/j)  (controls the false discovery rate).
// Adjusted intervals: each variant's interval is recomputed at α·p/p̃ (its raw p over its adjusted p), the level
// at which the raw test and the adjusted one agree, so an adjusted interval excludes 0 exactly when the adjusted
// p-value is below α whenever the test's interval and p-value agree (Welch, ratio; the z-test pools its SE under H₀).
import {AbInputError, checkOpenUnit, checkProbability, checkValues} from "./errors.js";

export type PValueCorrection = "none" | "holm" | "bh";

function checkPValues(pValues: readonly number[]): void {
  checkValues("pValues", pValues, 1);
  pValues.forEach((p, i) => checkProbability(`pValues[${i}]`, p));
}

export function holmAdjust(pValues: readonly number[]): number[] {
  checkPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((p, i) => ({p, i})).sort((x, y) => x.p - y.p);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(({p, i}, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  checkPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((p, i) => ({p, i})).sort((x, y) => x.p - y.p);
  const out = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const {p, i} = order[rank]!;
    running = Math.min(running, (m * p) / (rank + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}

export function checkCorrection(correction: unknown = "none"): PValueCorrection {
  if (correction !== "none" && correction !== "holm" && correction !== "bh") {
    throw new AbInputError(
      "correction",
      `correction must be "none", "holm" or "bh" (Benjamini–Hochberg) (got ${String(correction)})`
    );
  }
  return correction;
}

export function adjustPValues(pValues: readonly number[], correction: PValueCorrection): number[] {
  checkPValues(pValues);
  if (correction === "holm") return holmAdjust(pValues);
  if (correction === "bh") return benjaminiHochbergAdjust(pValues);
  return [...pValues];
}

export interface VariantComparison<T> {
  /** 1-based index of the variant among the arms (arm 0 is the control). */
  variant: number;
  /** The test at α, unadjusted. */
  test: T;
  /** The corrected p-value (= test.pValue when the correction is "none" or there is one variant). */
  adjustedP: number;
  /** The test recomputed at the adjusted level α·p/p̃, whose interval is the adjusted interval. */
  adjusted: T;
  /** The level the adjusted interval was computed at. */
  adjustedAlpha: number;
  significant: boolean;
}

/** Run `test(variant, alpha)` for each of `variants` variants, then correct the p-values and intervals. */
export function compareWithControl<T extends {pValue: number}>(
  variants: number,
  test: (variant: number, alpha: number) => T,
  options: {alpha: number; correction: PValueCorrection}
): VariantComparison<T>[] {
  const alpha = checkOpenUnit("alpha", options.alpha);
  const correction = checkCorrection(options.correction);
  const tests = Array.from({length: variants}, (_, i) => test(i + 1, alpha));
  const adjustedPs = adjustPValues(
    tests.map((t) => t.pValue),
    correction
  );
  return tests.map((raw, i) => {
    const adjustedP = adjustedPs[i]!;
    // p̃ = p (no correction, or the largest p under BH): the raw interval is the adjusted one.
    const adjustedAlpha = adjustedP > raw.pValue ? (alpha * raw.pValue) / adjustedP : alpha;
    const adjusted = adjustedAlpha === alpha ? raw : test(i + 1, Math.max(adjustedAlpha, 1e-300));
    return {variant: i + 1, test: raw, adjustedP, adjusted, adjustedAlpha, significant: adjustedP < alpha};
  });
}
