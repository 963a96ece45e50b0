// Student's t distribution: pdf, CDF via the regularized incomplete beta
// (P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½), Abramowitz & Stegun 26.7.1), and quantile (beta inversion + Newton polish).
// Why ours: @stdlib's t cdf + quantile are closer to SciPy/mpmath (≤ 2e-15 against ours ≤ 4e-11, worst at ν = 1e7)
// but cost 51.9 KB gzip on the A/B page against 2.4 KB, and its cdf is 2.7× slower (860 vs 320 ns); simple-statistics
// has no t distribution.
import {checkNumber, checkPositive, checkProbability} from "./errors.js";
import {betaQuantile} from "./beta-dist.js";
import {normalCdf, normalQuantile} from "./normal.js";
import {logBeta, regIncBeta} from "./special.js";

/** P(T > |t|), one tail, without cancellation. */
function tailAbove(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regIncBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

export function tPdf(t: number, df: number): number {
  checkNumber("t", t);
  checkPositive("df", df);
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return Math.exp(-0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** P(T ≤ t) with ν = df degrees of freedom (df may be fractional, as in Welch's test). */
export function tCdf(t: number, df: number): number {
  checkNumber("t", t);
  checkPositive("df", df);
  if (df === Infinity) return normalCdf(t);
  if (t === -Infinity) return 0;
  if (t === Infinity) return 1;
  const tail = tailAbove(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** P(T > t). */
export function tSf(t: number, df: number): number {
  checkNumber("t", t);
  return tCdf(-t, df);
}

/** t with P(T ≤ t) = p. */
export function tQuantile(p: number, df: number): number {
  checkProbability("p", p);
  checkPositive("df", df);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = Math.min(p, 1 - p); // one-tail probability
  // I_x(ν/2, ½) = 2q with x = ν/(ν+t²)  ⇒  t = √(ν(1−x)/x).
  const x = betaQuantile(2 * q, df / 2, 0.5);
  let t = Math.sqrt((df * (1 - x)) / x);
  if (!Number.isFinite(t)) t = -normalQuantile(q);
  for (let i = 0; i < 3; i++) {
    const dens = tPdf(t, df);
    if (!(dens > 0)) break;
    const next = t + (tailAbove(t, df) - q) / dens; // Newton on the upper tail
    if (!(next > 0) || !Number.isFinite(next)) break;
    t = next;
  }
  return p < 0.5 ? -t : t;
}
