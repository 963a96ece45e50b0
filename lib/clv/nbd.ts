// The NBD count shared by the three purchase models: while alive, purchases by time τ are Poisson(λτ) with
// λ ~ Gamma(r, α), so their number is negative binomial, NB(x; r, α, τ).
import {lgamma} from "./special.js";

/** ln NB(x; r, α, τ) = ln [Γ(r+x)/(Γ(r) x!) · (α/(α+τ))^r · (τ/(α+τ))^x]. */
export function logNegativeBinomial(x: number, r: number, alpha: number, tau: number): number {
  const base = lgamma(r + x) - lgamma(r) - lgamma(x + 1) + r * Math.log(alpha / (alpha + tau));
  return x === 0 ? base : base + x * Math.log(tau / (alpha + tau));
}

/**
 * P(N(τ) ≥ x) = 1 − Σ_{j<x} NB(j). When the head is most of the mass, the tail is summed directly,
 * Σ_{j≥x} NB(j) with term ratio (r+j)/(j+1) · τ/(α+τ) < 1, so a small tail keeps its digits.
 */
export function negativeBinomialTail(x: number, r: number, alpha: number, tau: number): number {
  if (x <= 0) return 1;
  let head = 0;
  for (let j = 0; j < x; j++) head += Math.exp(logNegativeBinomial(j, r, alpha, tau));
  if (head < 0.5) return 1 - head;
  const q = tau / (alpha + tau);
  let term = Math.exp(logNegativeBinomial(x, r, alpha, tau));
  let tail = 0;
  for (let j = x; term > 1e-17 * tail && j < x + 100_000; j++) {
    tail += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  return tail;
}
