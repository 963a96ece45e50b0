// Chi-square distribution through the regularized incomplete gamma: P(χ²_k ≤ x) = P(k/2, x/2).
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
