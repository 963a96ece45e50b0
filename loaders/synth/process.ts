// The latent buying process of a person (the planted truth for churn/CLV models; see README.md).
//
// A person is acquired at the first purchase (time from the month curve). While "alive" they buy as a Poisson
// process with rate λ per day (gamma-distributed across people). After each order they drop out for good with
// probability p = logistic(base + Σ driver effects of that order's experience); otherwise the next purchase follows
// after an Exp(λ) gap. Purchases after OBS_END are not observed (censored).
import type {Rng} from "../../lib/random.js";

/** Driver effects on the log-odds of dropping out after an order. Positive = more churn. */
export const DRIVERS = {
  baseMean: 3.82, // person-level intercept ~ Normal(baseMean, baseSd): calibrated to ≈96.9% one-time buyers
  baseSd: 1.0,
  late: 0.9, // delivered after the estimated date
  undelivered: 1.0, // canceled / unavailable (never received)
  score: {1: 0.7, 2: 0.45, 3: 0.15, 4: 0, 5: -0.25} as Record<number, number>, // review score of the order
  sticky: -0.7, // order contains a replenishable category (STICKY_CATEGORIES)
  manyInstallments: -0.5, // credit card paid in ≥ 6 installments
  voucher: -0.5 // order used a voucher
};

/** λ ~ Gamma(shape, mean/shape) purchases per day while alive. */
export const LAMBDA = {shape: 0.55, mean: 0.022};

export interface Experience {
  late: boolean;
  undelivered: boolean;
  score: number | null; // null = no review
  sticky: boolean;
  manyInstallments: boolean;
  voucher: boolean;
}

export interface Latent {
  lambda: number;
  base: number;
}

export function drawLatent(rng: Rng): Latent {
  return {
    lambda: rng.gamma(LAMBDA.shape, LAMBDA.mean / LAMBDA.shape),
    base: rng.normal(DRIVERS.baseMean, DRIVERS.baseSd)
  };
}

export function dropoutProb(l: Latent, e: Experience): number {
  let z = l.base;
  if (e.late) z += DRIVERS.late;
  if (e.undelivered) z += DRIVERS.undelivered;
  if (e.score !== null) z += DRIVERS.score[e.score] ?? 0;
  if (e.sticky) z += DRIVERS.sticky;
  if (e.manyInstallments) z += DRIVERS.manyInstallments;
  if (e.voucher) z += DRIVERS.voucher;
  return 1 / (1 + Math.exp(-z));
}

/** Days until the next purchase of an alive person. */
export function nextGapDays(l: Latent, rng: Rng): number {
  return rng.exponential(l.lambda);
}
