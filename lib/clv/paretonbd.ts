// Pareto/NBD model: Schmittlein, Morrison & Colombo (1987); likelihood and predictions as in Fader, Hardie & Lee
// (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions". While alive a customer buys as a
// Poisson process with rate λ ~ Gamma(r, α) and dies after an exponential lifetime with rate μ ~ Gamma(s, β),
// independently of λ. Times (t_x, T, t) are in the summaries' unit (weeks here); α and β are in that unit.

import {integrate} from "../ab/quadrature.js";
import {logNegativeBinomial} from "./nbd.js";
import {lgamma, logHyp2f1Beta, logSumExp} from "./special.js";

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * The part of the likelihood that needs ₂F₁: with m = max(α, β), a = r+s+x and
 *   b = s+1 if α ≥ β, b = r+x if α < β,   z(t) = |α − β| / (m + t),
 *   G(t) = ln ₂F₁(a, b; a+1; z(t)) − a·ln(m + t),
 * a·∫_t^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = e^G(t). At α = β, z = 0 and G(t) = −a ln(α+t) exactly; the two
 * branches meet there, so the likelihood is continuous in (α, β).
 */
export function paretoTailLog({r, alpha, s, beta}: ParetoNbdParams, x: number, t: number): number {
  const a = r + s + x;
  const m = Math.max(alpha, beta);
  const b = alpha >= beta ? s + 1 : r + x;
  const z = Math.abs(alpha - beta) / (m + t);
  return (z === 0 ? 0 : logHyp2f1Beta(a, b, z)) - a * Math.log(m + t);
}

/**
 * ln of the two parts of L(r, α, s, β | x, t_x, T) without the common factor Γ(r+x) α^r β^s / Γ(r) (FHL 2005 eq. 22):
 *   alive = (α+T)^−(r+x) (β+T)^−s                          (still alive at T)
 *   dead  = s/(r+s+x) · [e^G(t_x) − e^G(T)]               (died in (t_x, T])
 */
function logParts(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  gTx: number,
  gT: number
): {alive: number; dead: number} {
  const alive = -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
  // e^G(t_x) − e^G(T) = e^G(t_x) · (1 − e^(G(T) − G(t_x))), without cancellation when T ≈ t_x.
  const dead = T > tx ? Math.log(p.s / (p.r + p.s + x)) + gTx + Math.log(-Math.expm1(gT - gTx)) : -Infinity;
  return {alive, dead};
}

const logFactor = (p: ParetoNbdParams, x: number) =>
  lgamma(p.r + x) - lgamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);

/** ln L(r, α, s, β | x, t_x, T), FHL (2005) eq. (22) in log space. */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const {alive, dead} = logParts(p, x, tx, T, paretoTailLog(p, x, tx), paretoTailLog(p, x, T));
  return logFactor(p, x) + logSumExp(alive, dead);
}

/**
 * Σ count · ln L over grouped rows, as a function of the parameters, for a fit that evaluates it many times.
 * ₂F₁ depends on (x, t) only, so the distinct (x, t) among the rows' t_x and T are listed once here and each
 * evaluation computes G once per pair: at most (distinct x) × (distinct days), however many people share them.
 */
export function paretoNbdLikelihoodOf(
  rows: readonly {x: number; tx: number; T: number; count?: number}[]
): (p: ParetoNbdParams) => number {
  const index = new Map<string, number>();
  const pairX: number[] = [];
  const pairT: number[] = [];
  const pair = (x: number, t: number) => {
    const key = `${x}|${t}`;
    let i = index.get(key);
    if (i === undefined) {
      index.set(key, (i = pairX.length));
      pairX.push(x);
      pairT.push(t);
    }
    return i;
  };
  const atTx = Int32Array.from(rows, (r) => pair(r.x, r.tx));
  const atT = Int32Array.from(rows, (r) => pair(r.x, r.T));
  const maxX = rows.reduce((m, r) => Math.max(m, r.x), 0);
  return (p) => {
    const g = new Float64Array(pairX.length);
    for (let i = 0; i < g.length; i++) g[i] = paretoTailLog(p, pairX[i]!, pairT[i]!);
    const factor = Float64Array.from({length: maxX + 1}, (_, x) => logFactor(p, x));
    let sum = 0;
    rows.forEach(({x, tx, T, count = 1}, i) => {
      const {alive, dead} = logParts(p, x, tx, T, g[atTx[i]!]!, g[atT[i]!]!);
      sum += count * (factor[x]! + logSumExp(alive, dead));
    });
    return sum;
  };
}

/** Σ count · ln L over grouped rows (one evaluation of paretoNbdLikelihoodOf). */
export function paretoNbdTotalLogLikelihood(
  p: ParetoNbdParams,
  rows: readonly {x: number; tx: number; T: number; count?: number}[]
): number {
  return paretoNbdLikelihoodOf(rows)(p);
}

/** P(alive at T | x, t_x, T) = alive / (alive + dead) (FHL 2005 eq. 18). Below 1 even for x = 0. */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const {alive, dead} = logParts(p, x, tx, T, paretoTailLog(p, x, tx), paretoTailLog(p, x, T));
  return 1 / (1 + Math.exp(dead - alive));
}

/** [1 − q^(s−1)] / (s−1), with its limit −ln q at s = 1. */
function powerTerm(q: number, s: number): number {
  return s === 1 ? -Math.log(q) : -Math.expm1((s - 1) * Math.log(q)) / (s - 1);
}

/**
 * E[Y(t) | alive at T, x, T] = (r+x)(β+T)/(α+T) · [1 − ((β+T)/(β+T+t))^(s−1)] / (s−1): the posterior mean rate
 * (r+x)/(α+T) times the expected time alive in (T, T+t] under μ ~ Gamma(s, β+T). Does not depend on t_x.
 */
export function paretoNbdExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  return (((p.r + x) * (p.beta + T)) / (p.alpha + T)) * powerTerm((p.beta + T) / (p.beta + T + t), p.s);
}

/** E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive] (FHL 2005 eq. 20). */
export function paretoNbdConditionalExpectedPurchases(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number
): number {
  return paretoNbdProbabilityAlive(p, x, tx, T) * paretoNbdExpectedIfAlive(p, t, x, T);
}

/** E[X(t)] for a new customer = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (FHL 2005 eq. 17). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number): number {
  return paretoNbdExpectedIfAlive(p, t, 0, 0);
}

/**
 * P(X(t) = x) for a new customer: alive at t with x purchases, or died at τ < t after x purchases,
 *   NB(x; t) · (β/(β+t))^s + ∫₀^t NB(x; τ) · s β^s (β+τ)^−(s+1) dτ
 * (the closed form of Fader & Hardie 2006 has ₂F₁ with a general c; the integral is smooth once written in
 * v = ln(1 + τ/β), where s β^s (β+τ)^−(s+1) dτ = s e^(−s v) dv, so Gauss–Legendre is exact to ~1e-13).
 */
export function paretoNbdProbabilityOfPurchases(p: ParetoNbdParams, x: number, t: number): number {
  const {r, alpha, s, beta} = p;
  const alive = Math.exp(logNegativeBinomial(x, r, alpha, t) + s * Math.log(beta / (beta + t)));
  if (t <= 0) return alive;
  const top = Math.log1p(t / beta);
  const panels = Math.min(200, Math.ceil(top * Math.max(1, s, r + x)) + 2);
  const dead = integrate(
    (v) => s * Math.exp(-s * v + logNegativeBinomial(x, r, alpha, beta * Math.expm1(v))),
    0,
    top,
    panels
  );
  return alive + dead;
}
