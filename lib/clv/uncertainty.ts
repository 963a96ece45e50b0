// Parameter uncertainty for per-customer intervals: draws of the parameters from the normal approximation of the
// likelihood in log-parameters, θ ~ N(θ̂, H⁻¹) (the same Hessian as the standard errors), mapped back by φ = e^θ so
// every draw is positive. A customer's interval is the 5th–95th percentile of a prediction over the draws.
import type {Rng} from "../random.js";
import {cholesky} from "./optimize.js";

/** Number of parameter draws per model and the interval they give. */
export const DRAWS = 100;
export const INTERVAL_LEVEL = 0.9;

export type Draw = Record<string, number>;

/**
 * `count` draws φ_k = exp(θ̂ + L z_k), z_k ~ N(0, I), L Lᵀ = Cov(θ); null when the covariance is not available
 * (a parameter at its bound or a singular Hessian): then there is no interval to give.
 */
export function drawParameters(
  names: readonly string[],
  params: Readonly<Record<string, number>>,
  logCovariance: readonly (readonly number[])[] | null,
  count: number,
  rng: Rng
): Draw[] | null {
  if (logCovariance === null) return null;
  const L = cholesky(logCovariance);
  if (L === null) return null;
  const theta = names.map((k) => Math.log(params[k]!));
  return Array.from({length: count}, () => {
    const z = names.map(() => rng.normal());
    return Object.fromEntries(
      names.map((k, i) => {
        let v = theta[i]!;
        for (let j = 0; j <= i; j++) v += L[i]![j]! * z[j]!;
        return [k, Math.exp(v)];
      })
    );
  });
}

/** Quantile (type 7, as d3.quantile) of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const i = (n - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export interface Interval {
  /** At the maximum-likelihood parameters. */
  value: number;
  /** 5th and 95th percentiles over the parameter draws (null without draws). */
  lo: number | null;
  hi: number | null;
}

/** The interval of values over draws (values[0] is the point estimate, values[1..] the draws). */
export function intervalOf(values: Float64Array): Interval {
  const value = values[0]!;
  if (values.length < 2) return {value, lo: null, hi: null};
  const sorted = values.slice(1).sort();
  const tail = (1 - INTERVAL_LEVEL) / 2;
  return {value, lo: quantileSorted(sorted, tail), hi: quantileSorted(sorted, 1 - tail)};
}
