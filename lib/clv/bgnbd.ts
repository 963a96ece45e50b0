// BG/NBD model: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
// Pareto/NBD Model", Marketing Science 24(2). While alive a customer buys as a Poisson process with rate
// λ ~ Gamma(r, α); after each repeat purchase they drop out with probability p ~ Beta(a, b).
// Times (t_x, T, t) are in whatever unit the summaries use (weeks or days); α is in that unit.

import {fitMaximumLikelihood, type MleFit, type MleOptions} from "./mle.js";
import {logNegativeBinomial, negativeBinomialTail} from "./nbd.js";
import {lgamma, logSumExp, scaledHyp2f1} from "./special.js";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer (or a group of `count` identical customers). */
export interface BgNbdRow {
  x: number;
  tx: number;
  T: number;
  /** Weight / number of identical customers (default 1). */
  count?: number;
}

/**
 * log L(r, α, a, b | x, t_x, T), FHL (2005) eq. (6), in log space:
 *   ln A1 = ln Γ(r+x) − ln Γ(r) + r ln α
 *   ln A2 = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)          [= ln B(a, b+x) − ln B(a, b)]
 *   ln A3 = −(r+x) ln(α+T)                                          (alive at T)
 *   ln A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x)  if x > 0, else absent (died right after the x-th purchase)
 *   ln L  = ln A1 + ln A2 + log-sum-exp(ln A3, ln A4)
 */
export function bgnbdLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  const {r, alpha, a, b} = params;
  const lnA1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const lnA2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const lnA3 = -(r + x) * Math.log(alpha + T);
  const lnA4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return lnA1 + lnA2 + logSumExp(lnA3, lnA4);
}

/**
 * Σ count_i · ln L_i over customers (counts default to 1). Same terms as bgnbdLogLikelihood, but the
 * gamma-function part of ln A1 + ln A2 depends only on x, so it is computed once per distinct x.
 */
export function bgnbdTotalLogLikelihood(params: BgNbdParams, rows: readonly BgNbdRow[]): number {
  const {r, alpha, a, b} = params;
  const lgR = lgamma(r);
  const lgB = lgamma(b);
  const lgAB = lgamma(a + b);
  const logA = Math.log(a);
  const rLogAlpha = r * Math.log(alpha);
  const byX = new Map<number, number>();
  let s = 0;
  for (const {x, tx, T, count = 1} of rows) {
    let g = byX.get(x);
    if (g === undefined) {
      g = lgamma(r + x) - lgR + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x);
      byX.set(x, g);
    }
    const lnA3 = -(r + x) * Math.log(alpha + T);
    const lnA4 = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
    // log-sum-exp of two terms, inlined for speed.
    const m = lnA3 > lnA4 ? lnA3 : lnA4;
    const lse = lnA4 === -Infinity ? lnA3 : m + Math.log(Math.exp(lnA3 - m) + Math.exp(lnA4 - m));
    s += count * (g + rLogAlpha + lse);
  }
  return s;
}

/** Checks (x, t_x, T) summaries before a fit: integer x ≥ 0, 0 ≤ t_x ≤ T, T > 0, t_x = 0 when x = 0. */
export function validateSummaries(model: string, rows: readonly BgNbdRow[]): void {
  for (const {x, tx, T, count = 1} of rows) {
    if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`${model}: x must be a non-negative integer, got ${x}`);
    if (!(T > 0 && tx >= 0 && tx <= T))
      throw new RangeError(`${model}: need 0 ≤ t_x ≤ T and T > 0, got t_x=${tx}, T=${T}`);
    if (x === 0 && tx !== 0) throw new RangeError(`${model}: t_x must be 0 when x = 0, got ${tx}`);
    if (!(count >= 0)) throw new RangeError(`${model}: count must be ≥ 0, got ${count}`);
  }
}

export type FitOptions = MleOptions<"r" | "alpha" | "a" | "b">;
export type BgNbdFit = MleFit<"r" | "alpha" | "a" | "b">;

/** Default starts: α chosen so that r/α matches the observed repeat rate Σx / ΣT (shared with the MBG/NBD). */
export function rateStarts(rows: readonly BgNbdRow[]): {n: number; sumX: number; starts: BgNbdParams[]} {
  let n = 0;
  let sumX = 0;
  let sumT = 0;
  for (const row of rows) {
    const w = row.count ?? 1;
    n += w;
    sumX += w * row.x;
    sumT += w * row.T;
  }
  const rate = sumX / sumT;
  return {
    n,
    sumX,
    starts: [
      {r: 1, alpha: 1 / rate, a: 1, b: 1},
      {r: 0.25, alpha: 0.25 / rate, a: 0.5, b: 3},
      {r: 3, alpha: 3 / rate, a: 3, b: 1}
    ]
  };
}

/**
 * Maximum-likelihood fit of (r, α, a, b) (mle.ts: Nelder–Mead over log-parameters, deterministic starts). Throws
 * if no customer has x ≥ 1: with all x = 0 the likelihood (α/(α+T))^r is maximised as r → 0 and does not
 * involve a, b at all, so there is nothing to fit.
 */
export function fitBgNbd(rows: readonly BgNbdRow[], options: FitOptions = {}): BgNbdFit {
  validateSummaries("BG/NBD", rows);
  const {n, sumX, starts} = rateStarts(rows);
  if (!(n > 0)) throw new RangeError("BG/NBD: no customers to fit");
  if (!(sumX > 0)) {
    throw new RangeError(
      "BG/NBD: every customer has x = 0 repeat purchases; the likelihood (α/(α+T))^r is maximised at r → 0 and a, b are unidentified, so the model cannot be fitted"
    );
  }
  return fitMaximumLikelihood(["r", "alpha", "a", "b"], (p) => bgnbdTotalLogLikelihood(p, rows), n, starts, options);
}

/** Evaluates g(a) at a = 1 ± h and averages when a ≈ 1, where (a−1) cancels in 0/0 form. */
function nearOne(params: BgNbdParams, g: (p: BgNbdParams) => number): number {
  const h = 1e-6;
  if (Math.abs(params.a - 1) > h) return g(params);
  return 0.5 * (g({...params, a: 1 + h}) + g({...params, a: 1 - h}));
}

/** E[X(t)] for a new customer (FHL eq. 7): (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]. */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  return nearOne(params, ({r, alpha, a, b}) => {
    const z = t / (alpha + t);
    const logLead = r * Math.log(alpha / (alpha + t));
    return ((a + b - 1) / (a - 1)) * (1 - scaledHyp2f1(logLead, r, b, a + b - 1, z));
  });
}

/**
 * E[Y(t) | alive at T, x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]:
 * with λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) after the data. Does not depend on t_x.
 */
export function bgnbdExpectedIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  return nearOne(params, ({r, alpha, a, b}) => {
    const z = t / (alpha + T + t);
    const logLead = (r + x) * Math.log((alpha + T) / (alpha + T + t));
    return ((a + b + x - 1) / (a - 1)) * (1 - scaledHyp2f1(logLead, r + x, b + x, a + b + x - 1, z));
  });
}

/** E[Y(t) | x, t_x, T]: expected purchases in (T, T+t] (FHL eq. 10) = P(alive) · E[Y(t) | alive]. */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return probabilityAlive(params, x, tx, T) * bgnbdExpectedIfAlive(params, t, x, T);
}

/**
 * P(X(t) = x) for a new customer (FHL eq. 8): alive with x purchases, (1−p)^x · Poisson(x; λt), or dropped out
 * right after the x-th purchase (x ≥ 1) made by t, p(1−p)^(x−1) · P(N(t) ≥ x); over p and λ:
 *   B(a, b+x)/B(a, b) · NB(x; t) + δ_{x>0} · B(a+1, b+x−1)/B(a, b) · [1 − Σ_{j<x} NB(j; t)].
 */
export function bgnbdProbabilityOfPurchases({r, alpha, a, b}: BgNbdParams, x: number, t: number): number {
  const logB = (p: number, q: number) => lgamma(p) + lgamma(q) - lgamma(p + q);
  const ab = logB(a, b);
  const alive = Math.exp(logB(a, b + x) - ab + logNegativeBinomial(x, r, alpha, t));
  if (x === 0) return alive;
  return alive + Math.exp(logB(a + 1, b + x - 1) - ab) * negativeBinomialTail(x, r, alpha, t);
}

/**
 * P(alive at T | x, t_x, T) = 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * For x = 0 this is exactly 1: in the BG/NBD a customer can only drop out immediately after a repeat
 * purchase, so someone who has never repurchased is assumed alive (a known artefact of the model).
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const {r, alpha, a, b} = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}
