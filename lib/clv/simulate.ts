// Simulation from the BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma generative models (for tests and
// parameter-recovery checks). Randomness comes only from the seeded generator in lib/random.ts.

import type {Rng} from "../random.js";
import type {BgNbdParams} from "./bgnbd.js";
import type {GammaGammaParams} from "./gammagamma.js";
import type {ModelParams, PurchaseModelName} from "./models.js";
import type {ParetoNbdParams} from "./paretonbd.js";

/** Beta(a, b) as G1 / (G1 + G2) with G1 ~ Gamma(a), G2 ~ Gamma(b). */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const g1 = rng.gamma(a, 1);
  const g2 = rng.gamma(b, 1);
  return g1 / (g1 + g2);
}

export interface SimulatedCustomer {
  x: number;
  tx: number;
  T: number;
  /** Repeat purchases in the holdout period (T, T + holdout]. */
  holdoutX: number;
  lambda: number;
  p: number;
  /** Alive at the end of the calibration period T. */
  aliveAtT: boolean;
}

/**
 * One customer: λ ~ Gamma(r, rate α), p ~ Beta(a, b); first purchase at time 0, then purchases at Poisson(λ)
 * times; after each repeat purchase the customer drops out with probability p (FHL 2005 assumptions i–v).
 */
export function simulateBgNbdCustomer(
  rng: Rng,
  params: BgNbdParams,
  T: number,
  holdout = 0,
  dropAtFirst = false
): SimulatedCustomer {
  const lambda = rng.gamma(params.r, 1 / params.alpha);
  const p = sampleBeta(rng, params.a, params.b);
  let t = 0;
  let x = 0;
  let tx = 0;
  let holdoutX = 0;
  // MBG/NBD: the first dropout draw comes right after the first purchase, at time 0.
  let alive = !(dropAtFirst && rng.bernoulli(p));
  let aliveAtT = alive;
  const end = T + holdout;
  while (alive && lambda > 0) {
    t += rng.exponential(lambda);
    if (t > end) break;
    if (t <= T) {
      x++;
      tx = t;
    } else holdoutX++;
    if (rng.bernoulli(p)) {
      alive = false;
      if (t <= T) aliveAtT = false;
    }
  }
  return {x, tx, T, holdoutX, lambda, p, aliveAtT};
}

/**
 * Pareto/NBD: λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β); purchases at Poisson(λ) times until death at an
 * Exponential(μ) lifetime after the first purchase (time 0).
 */
export function simulateParetoNbdCustomer(
  rng: Rng,
  params: ParetoNbdParams,
  T: number,
  holdout = 0
): SimulatedCustomer {
  const lambda = rng.gamma(params.r, 1 / params.alpha);
  const mu = rng.gamma(params.s, 1 / params.beta);
  const death = rng.exponential(mu);
  const end = Math.min(death, T + holdout);
  let x = 0;
  let tx = 0;
  let holdoutX = 0;
  for (let t = rng.exponential(lambda); t <= end; t += rng.exponential(lambda)) {
    if (t <= T) {
      x++;
      tx = t;
    } else holdoutX++;
  }
  return {x, tx, T, holdoutX, lambda, p: mu, aliveAtT: death > T};
}

/** n customers with ages T drawn by `age(i)` (e.g. first purchases spread over the first weeks). */
export function simulateBgNbd(
  rng: Rng,
  params: BgNbdParams,
  n: number,
  age: (i: number) => number,
  holdout = 0
): SimulatedCustomer[] {
  return Array.from({length: n}, (_, i) => simulateBgNbdCustomer(rng, params, age(i), holdout));
}

/** n customers of any of the three purchase models (for the lambda/p fields: p is μ for the Pareto/NBD). */
export function simulatePurchases(
  model: PurchaseModelName,
  rng: Rng,
  params: ModelParams,
  n: number,
  age: (i: number) => number,
  holdout = 0
): SimulatedCustomer[] {
  return Array.from({length: n}, (_, i) =>
    model === "pareto_nbd"
      ? simulateParetoNbdCustomer(rng, params as unknown as ParetoNbdParams, age(i), holdout)
      : simulateBgNbdCustomer(rng, params as unknown as BgNbdParams, age(i), holdout, model === "mbgnbd")
  );
}

/** Gamma-Gamma: ν ~ Gamma(q, rate v); x transactions z ~ Gamma(p, rate ν); returns the mean m_x. */
export function simulateGammaGamma(
  rng: Rng,
  params: GammaGammaParams,
  xs: readonly number[]
): {x: number; mx: number; nu: number}[] {
  return xs.map((x) => {
    const nu = rng.gamma(params.q, 1 / params.v);
    let s = 0;
    for (let i = 0; i < x; i++) s += rng.gamma(params.p, 1 / nu);
    return {x, mx: s / x, nu};
  });
}
