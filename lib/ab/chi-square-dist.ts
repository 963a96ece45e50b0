// Chi-square distribution through the regularized incomplete gamma: P(χ²_k ≤ x) = P(k/2, x/2).
// Why ours: @stdlib's chisquare-cdf costs 29.2 KB gzip against 0.9 KB and has no survival function (1 − cdf is 0 at
// χ² = 100, df = 3, where SciPy's tail is 1.6e-21; ours ≤ 2e-15 on all SciPy points); simple-statistics has a table.
import {checkNumber, checkPositive} from "./errors.js";
import {regIncGamma} from "./special.js";

export function chiSquareCdf(x: number, df: number): number {
  checkNumber("x", x);
  checkPositive("df", df);
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return regIncGamma(df / 2, x / 2).lower;
}

/** P(χ²_k > x), accurate for small p-values. */
export function chiSquareSf(x: number, df: number): number {
  checkNumber("x", x);
  checkPositive("df", df);
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return regIncGamma(df / 2, x / 2).upper;
}
