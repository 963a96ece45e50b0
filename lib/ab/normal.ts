// Standard normal distribution: pdf, CDF (via erfc = regularized upper incomplete gamma Q(½, x²), accurate in
// both tails to ~1e-15 relative), and quantile (Acklam's rational approximation polished by one Halley step
// against that CDF, which brings it to full double precision).
// Why ours: @stdlib's normal cdf + quantile cost 14.0 KB gzip (ours 1.5 KB) and its quantile is 2e-9 off at p = 1e-10
// and −∞ below 1e-17 (ours ≤ 2e-15 vs SciPy down to 1e-300); simple-statistics' CDF is a 2-decimal table (0.999 at
// z = 5.5, where the tail is 1.9e-8) and its probit(0.975) is 1.9572 against 1.95996.
import {checkNumber, checkProbability} from "./errors.js";
import {regIncGamma} from "./special.js";

const INV_SQRT_2PI = 0.3989422804014327;

export function normalPdf(z: number): number {
  checkNumber("z", z);
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** erfc(x) for any real x. erfc(x) = Q(½, x²) for x ≥ 0 (Abramowitz & Stegun 7.1.2 / 6.5.17). */
export function erfc(x: number): number {
  checkNumber("x", x);
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  const {lower, upper} = regIncGamma(0.5, x * x);
  return x >= 0 ? upper : 1 + lower;
}

/** P(Z ≤ z). */
export function normalCdf(z: number): number {
  checkNumber("z", z);
  if (z === -Infinity) return 0;
  if (z === Infinity) return 1;
  const {lower, upper} = regIncGamma(0.5, 0.5 * z * z);
  return z < 0 ? 0.5 * upper : 0.5 + 0.5 * lower;
}

/** P(Z > z), accurate in the upper tail. */
export function normalSf(z: number): number {
  checkNumber("z", z);
  return normalCdf(-z);
}

// Acklam (2003) coefficients, relative error < 1.15e-9 before refinement.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function acklamLower(p: number): number {
  // p in (0, 0.5]
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** z with P(Z ≤ z) = p. Returns ±Infinity at p = 0 or 1. */
export function normalQuantile(p: number): number {
  checkProbability("p", p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Work in the lower tail (1 − p is exact for p ≥ ½) and reflect.
  const upper = p > 0.5;
  const t = upper ? 1 - p : p;
  let x = acklamLower(t);
  // One Halley step on F(x) − t (Acklam's refinement): e = Φ(x) − t, u = e·√(2π)·exp(x²/2).
  const e = normalCdf(x) - t;
  const u = (e / INV_SQRT_2PI) * Math.exp(0.5 * x * x);
  if (Number.isFinite(u)) x = x - u / (1 + (x * u) / 2); // skipped only for p below ~1e-300

  return upper ? -x : x;
}
