// MBG/NBD model: Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for
// customer base analysis", IJRM 24(3) (as in lifetimes' ModifiedBetaGeoFitter and BTYDplus). The BG/NBD with one
// change: a customer may also drop out right after the first purchase (at time 0), so a one-time buyer is not
// assumed alive. λ ~ Gamma(r, α); dropout probability p ~ Beta(a, b) at time 0 and after each repeat purchase.

import type {BgNbdParams} from "./bgnbd.js";
import {logNegativeBinomial, negativeBinomialTail} from "./nbd.js";
import {lgamma, logSumExp, scaledHyp2f1} from "./special.js";

/** Same four parameters as the BG/NBD. */
export type MbgNbdParams = BgNbdParams;

/**
 * ln L(r, α, a, b | x, t_x, T) (Batislam et al. 2007):
 *   L = B(a, b+x+1)/B(a, b) · Γ(r+x)α^r/(Γ(r)(α+T)^(r+x))      (survived x+1 dropout draws: alive at T)
 *     + B(a+1, b+x)/B(a, b) · Γ(r+x)α^r/(Γ(r)(α+t_x)^(r+x))    (dropped out right after the x-th purchase, x ≥ 0)
 * so that, in lifetimes' notation, ln L = A1 + A2 + A3 + ln(1 + e^A4) with
 *   A1 = ln Γ(r+x) − ln Γ(r) + r ln α,  A2 = ln Γ(a+b) + ln Γ(b+x+1) − ln Γ(b) − ln Γ(a+b+x+1),
 *   A3 = −(r+x) ln(α+T),  A4 = ln a − ln(b+x) + (r+x)(ln(α+T) − ln(α+t_x)).
 */
export function mbgnbdLogLikelihood({r, alpha, a, b}: MbgNbdParams, x: number, tx: number, T: number): number {
  const A1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const A2 = lgamma(a + b) + lgamma(b + x + 1) - lgamma(b) - lgamma(a + b + x + 1);
  const A3 = -(r + x) * Math.log(alpha + T);
  const A4 = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return A1 + A2 + A3 + logSumExp(0, A4);
}

/** Σ count · ln L; the gamma-function part depends only on x and is computed once per distinct x. */
export function mbgnbdTotalLogLikelihood(
  params: MbgNbdParams,
  rows: readonly {x: number; tx: number; T: number; count?: number}[]
): number {
  const {r, alpha, a, b} = params;
  const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
  const logA = Math.log(a);
  const byX = new Map<number, number>();
  let s = 0;
  for (const {x, tx, T, count = 1} of rows) {
    let g = byX.get(x);
    if (g === undefined) byX.set(x, (g = base + lgamma(r + x) + lgamma(b + x + 1) - lgamma(a + b + x + 1)));
    const A3 = -(r + x) * Math.log(alpha + T);
    const A4 = logA - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    // ln(1 + e^A4) without overflow
    s += count * (g + A3 + (A4 > 0 ? A4 + Math.log1p(Math.exp(-A4)) : Math.log1p(Math.exp(A4))));
  }
  return s;
}

/** P(alive at T | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)); below 1 for x = 0 too. */
export function mbgnbdProbabilityAlive({r, alpha, a, b}: MbgNbdParams, x: number, tx: number, T: number): number {
  const logOdds = Math.log(a / (b + x)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** Evaluates g at a = 1 ± h and averages when a ≈ 1, where (…)/(a−1) · […] is 0/0. */
function nearOne(params: MbgNbdParams, g: (p: MbgNbdParams) => number): number {
  const h = 1e-6;
  if (Math.abs(params.a - 1) > h) return g(params);
  return 0.5 * (g({...params, a: 1 + h}) + g({...params, a: 1 - h}));
}

/**
 * E[Y(t) | alive at T, x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]:
 * the BG/NBD's expression with the posterior p ~ Beta(a, b+x+1) (x+1 survived dropout draws).
 */
export function mbgnbdExpectedIfAlive(params: MbgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  return nearOne(params, ({r, alpha, a, b}) => {
    const z = t / (alpha + T + t);
    const logLead = (r + x) * Math.log((alpha + T) / (alpha + T + t));
    return ((a + b + x) / (a - 1)) * (1 - scaledHyp2f1(logLead, r + x, b + x + 1, a + b + x, z));
  });
}

/** E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive] (lifetimes' conditional_expected_number_of_purchases_up_to_time). */
export function mbgnbdConditionalExpectedPurchases(
  params: MbgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number
): number {
  return mbgnbdProbabilityAlive(params, x, tx, T) * mbgnbdExpectedIfAlive(params, t, x, T);
}

/** E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))] for a new customer. */
export function mbgnbdExpectedPurchases(params: MbgNbdParams, t: number): number {
  if (t <= 0) return 0;
  return nearOne(params, ({r, alpha, a, b}) => {
    const logLead = r * Math.log(alpha / (alpha + t));
    return (b / (a - 1)) * (1 - scaledHyp2f1(logLead, r, b + 1, a + b, t / (alpha + t)));
  });
}

/**
 * P(X(t) = x) for a new customer: alive with x purchases, (1−p)^(x+1) · Poisson(x; λt), or dropped out right
 * after the x-th purchase (made by t), p(1−p)^x · P(N(t) ≥ x); integrated over p and λ:
 *   B(a, b+x+1)/B(a, b) · NB(x; t) + B(a+1, b+x)/B(a, b) · [1 − Σ_{j<x} NB(j; t)].
 */
export function mbgnbdProbabilityOfPurchases({r, alpha, a, b}: MbgNbdParams, x: number, t: number): number {
  const logB = (p: number, q: number) => lgamma(p) + lgamma(q) - lgamma(p + q);
  const ab = logB(a, b);
  return (
    Math.exp(logB(a, b + x + 1) - ab + logNegativeBinomial(x, r, alpha, t)) +
    Math.exp(logB(a + 1, b + x) - ab) * negativeBinomialTail(x, r, alpha, t)
  );
}
