// One-sided and two-sided tests on a normal (or t) statistic, shared by the z-test, Welch, ratio and CUPED results.
// "greater" tests H₁: B > A, "less" H₁: B < A. p-values: two-sided 2·P(Z > |z|), greater P(Z > z), less P(Z < z).
// Intervals: two-sided est ± c_{1−α/2}·se; one-sided [est − c_{1−α}·se, +∞) for "greater", (−∞, est + c_{1−α}·se]
// for "less", so each interval excludes 0 exactly when its test rejects at α.
import {AbInputError} from "./errors.js";
import type {Interval} from "./types.js";

export type Alternative = "two-sided" | "greater" | "less";

export function checkAlternative(alternative: unknown = "two-sided"): Alternative {
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    throw new AbInputError(
      "alternative",
      `alternative must be "two-sided", "greater" (B better) or "less" (B worse) (got ${String(alternative)})`
    );
  }
  return alternative;
}

/** The tail probability of the critical value: α/2 for a two-sided test, α for a one-sided one. */
export function tailAlpha(alpha: number, alternative: Alternative): number {
  return alternative === "two-sided" ? alpha / 2 : alpha;
}

/** p-value from the upper-tail function `sf` of the statistic's distribution (symmetric about 0). */
export function pFromStatistic(stat: number, alternative: Alternative, sf: (x: number) => number): number {
  if (alternative === "greater") return sf(stat);
  if (alternative === "less") return sf(-stat);
  return Math.min(1, 2 * sf(Math.abs(stat)));
}

/** The interval matching the test: `critical` is the (1 − tailAlpha) quantile. */
export function intervalFor(estimate: number, se: number, critical: number, alternative: Alternative): Interval {
  const lower = alternative === "less" ? -Infinity : estimate - critical * se;
  const upper = alternative === "greater" ? Infinity : estimate + critical * se;
  return {lower, upper};
}
