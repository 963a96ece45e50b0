// Beta distribution: log-pdf, CDF / survival via the regularized incomplete beta, and a robust quantile
// (safeguarded Newton on the CDF inside a shrinking bracket, falling back to bisection; works in the tail
// that keeps precision).
// Why ours: @stdlib's beta cdf + quantile are nearer SciPy (quantile 9e-14 against ours 3e-12, at a = 1, b = 1e6) but
// cost 51.9 KB gzip against 2.2 KB, and 3e-12 is far below the printed precision; simple-statistics has no beta.
import {AbInputError, checkNumber, checkPositive, checkProbability} from "./errors.js";
import {normalQuantile} from "./normal.js";
import {logBeta, regIncBeta, regIncBetaUpper} from "./special.js";

function checkShape(a: number, b: number): void {
  checkPositive("a", a);
  checkPositive("b", b);
}

export function betaLogPdf(x: number, a: number, b: number): number {
  checkNumber("x", x);
  checkShape(a, b);
  if (x < 0 || x > 1) return -Infinity;
  if (x === 0) return a === 1 ? -logBeta(a, b) : a < 1 ? Infinity : -Infinity;
  if (x === 1) return b === 1 ? -logBeta(a, b) : b < 1 ? Infinity : -Infinity;
  return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b);
}

export function betaPdf(x: number, a: number, b: number): number {
  return Math.exp(betaLogPdf(x, a, b));
}

/** P(X ≤ x) for X ~ Beta(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  checkNumber("x", x);
  checkShape(a, b);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return regIncBeta(a, b, x);
}

/** P(X > x), accurate when small. */
export function betaSf(x: number, a: number, b: number): number {
  checkNumber("x", x);
  checkShape(a, b);
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  return regIncBetaUpper(a, b, x);
}

/** x with P(X ≤ x) = p for X ~ Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  checkProbability("p", p);
  checkShape(a, b);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lowerTail = p <= 0.5;
  // g is increasing in x and is computed in whichever tail is small, so it keeps relative precision.
  const g = lowerTail ? (x: number) => regIncBeta(a, b, x) - p : (x: number) => 1 - p - regIncBetaUpper(a, b, x);
  const lb = logBeta(a, b);
  const logPdf = (x: number) => (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb;

  // Start: normal approximation, or the small-x / small-(1−x) power laws when that leaves (0, 1).
  const m = a / (a + b);
  const s = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  let x = m + s * normalQuantile(p);
  if (!(x > 0 && x < 1)) {
    x = lowerTail
      ? Math.exp((Math.log(p) + Math.log(a) + lb) / a)
      : 1 - Math.exp((Math.log(1 - p) + Math.log(b) + lb) / b);
    if (!(x > 0 && x < 1)) x = m;
  }
  let lo = 0;
  let hi = 1;
  let widthTwoAgo = 1;
  let widthOneAgo = 1;
  for (let iter = 0; iter < 1000; iter++) {
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) lo = x;
    else hi = x;
    let next = x - gx / Math.exp(logPdf(x));
    const width = hi - lo;
    const stalled = width > 0.5 * widthTwoAgo;
    widthTwoAgo = widthOneAgo;
    widthOneAgo = width;
    if (!(next > lo && next < hi) || (stalled && iter > 2)) {
      if (lo === 0) next = hi / 16;
      else if (hi === 1) next = 1 - (1 - lo) / 16;
      else if (hi / lo > 4) next = Math.sqrt(lo * hi);
      else next = 0.5 * (lo + hi);
      if (stalled) widthTwoAgo = widthOneAgo = 1;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(next, 1e-300) || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  throw new AbInputError("p", `betaQuantile did not converge for p = ${p}, a = ${a}, b = ${b}`);
}
