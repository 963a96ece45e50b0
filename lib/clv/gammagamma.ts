// Gamma-Gamma spend model: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-value Curves for Customer
// Base Analysis", JMR 42(4), and Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value".
// Transaction values z_i ~ Gamma(p, ν) (shape p, rate ν) around a customer's mean p/ν, with ν ~ Gamma(q, v).
// Fitted on customers with x ≥ 1 repeat purchases and their mean repeat spend m_x.

import {lgamma} from "./special.js";
import {fitMaximumLikelihood, type MleFit, type MleOptions} from "./mle.js";

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface SpendRow {
  /** Number of (repeat) transactions averaged, x ≥ 1. */
  x: number;
  /** Mean transaction value m_x > 0. */
  mx: number;
  count?: number;
}

/**
 * log f(m_x | p, q, v, x) (Fader & Hardie 2013, eq. 4):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m_x + px ln x − (px+q) ln(v + x m_x)
 */
export function gammaGammaLogLikelihood({p, q, v}: GammaGammaParams, x: number, mx: number): number {
  const px = p * x;
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(v) +
    (px - 1) * Math.log(mx) +
    px * Math.log(x) -
    (px + q) * Math.log(v + x * mx)
  );
}

/** Σ count_i · log f_i; the gamma-function terms depend only on x and are computed once per distinct x. */
export function gammaGammaTotalLogLikelihood(params: GammaGammaParams, rows: readonly SpendRow[]): number {
  const {p, q, v} = params;
  const base = q * Math.log(v) - lgamma(q);
  const byX = new Map<number, number>();
  let s = 0;
  for (const {x, mx, count = 1} of rows) {
    const px = p * x;
    let g = byX.get(x);
    if (g === undefined) {
      g = lgamma(px + q) - lgamma(px) + px * Math.log(x);
      byX.set(x, g);
    }
    s += count * (g + base + (px - 1) * Math.log(mx) - (px + q) * Math.log(v + x * mx));
  }
  return s;
}

export type GammaGammaFit = MleFit<"p" | "q" | "v">;

/** Maximum-likelihood fit of (p, q, v) over log-parameters (mle.ts; deterministic starts). */
export function fitGammaGamma(rows: readonly SpendRow[], options: MleOptions<"p" | "q" | "v"> = {}): GammaGammaFit {
  let n = 0;
  let sumM = 0;
  for (const r of rows) {
    if (!(Number.isInteger(r.x) && r.x >= 1)) throw new RangeError(`Gamma-Gamma: x must be an integer ≥ 1, got ${r.x}`);
    if (!(r.mx > 0)) throw new RangeError(`Gamma-Gamma: m_x must be > 0, got ${r.mx}`);
    const w = r.count ?? 1;
    n += w;
    sumM += w * r.mx;
  }
  if (!(n > 0)) throw new RangeError("Gamma-Gamma: no customers with x ≥ 1 to fit");
  const mean = sumM / n;
  // Default starts: v set so that the population mean spend v·p/(q−1) matches the sample mean.
  const starts = [
    [1, 2],
    [5, 5],
    [2, 10]
  ].map(([p, q]) => ({p: p!, q: q!, v: (mean * (q! - 1)) / p!}));
  return fitMaximumLikelihood(
    ["p", "q", "v"],
    (params) => gammaGammaTotalLogLikelihood(params, rows),
    n,
    starts,
    options
  );
}

/**
 * E[M | m_x, x] = ((q−1)/(px+q−1)) · (v p/(q−1)) + (px/(px+q−1)) · m_x = p (v + x m_x) / (px + q − 1):
 * a weighted average of the population mean v p/(q−1) and the customer's own mean m_x. With x = 0 it
 * is the population mean (needs q > 1).
 */
export function conditionalExpectedSpend({p, q, v}: GammaGammaParams, x: number, mx: number): number {
  if (x === 0) return populationMeanSpend({p, q, v});
  return (p * (v + x * mx)) / (p * x + q - 1);
}

/** E[M] = v p / (q − 1) (infinite for q ≤ 1). */
export function populationMeanSpend({p, q, v}: GammaGammaParams): number {
  return q > 1 ? (v * p) / (q - 1) : Infinity;
}

/**
 * Independence check behind the Gamma-Gamma model (spend independent of purchase frequency): the Pearson
 * correlation between x and m_x over customers with x ≥ 1. Values near 0 (|ρ| ≲ 0.1–0.3) support it.
 */
export function frequencySpendCorrelation(rows: readonly {x: number; mx: number}[]): {correlation: number; n: number} {
  const rs = rows.filter((r) => r.x >= 1);
  const n = rs.length;
  if (n < 2) return {correlation: NaN, n};
  let mxx = 0;
  let mm = 0;
  for (const r of rs) {
    mxx += r.x / n;
    mm += r.mx / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rs) {
    sxy += (r.x - mxx) * (r.mx - mm);
    sxx += (r.x - mxx) ** 2;
    syy += (r.mx - mm) ** 2;
  }
  return {correlation: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN, n};
}
