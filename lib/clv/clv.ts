// Predictive CLV = expected purchases in the horizon × expected spend per purchase × margin, with an
// optional discount: the horizon is cut into periods (months) and each period's expected purchases,
// E[Y(kL)] − E[Y((k−1)L)], are discounted by (1 + d)^k (as in the `lifetimes` customer_lifetime_value).

import {conditionalExpectedPurchases, type BgNbdParams} from "./bgnbd.js";

export interface ClvOptions {
  /** Number of periods in the horizon (e.g. 12 months). */
  periods: number;
  /** Length of one period in the model's time unit (e.g. 30.4375 / 7 ≈ 4.35 for months with weekly summaries). */
  periodLength: number;
  /** Discount rate per period (e.g. 0.01 per month; default 0). */
  discountRate?: number;
  /** Profit margin applied to spend (default 1: CLV in revenue). */
  margin?: number;
}

/** Expected purchases per period of the horizon (not discounted), from E[Y(t) | x, t_x, T]. */
export function expectedPurchasesByPeriod(
  params: BgNbdParams,
  customer: {x: number; tx: number; T: number},
  periods: number,
  periodLength: number
): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let k = 1; k <= periods; k++) {
    const cum = conditionalExpectedPurchases(params, k * periodLength, customer.x, customer.tx, customer.T);
    out.push(cum - prev);
    prev = cum;
  }
  return out;
}

/** CLV = margin · spend · Σ_k (E[Y(kL)] − E[Y((k−1)L)]) / (1 + d)^k. */
export function predictiveClv(
  params: BgNbdParams,
  customer: {x: number; tx: number; T: number},
  expectedSpend: number,
  options: ClvOptions
): number {
  const d = options.discountRate ?? 0;
  const margin = options.margin ?? 1;
  const byPeriod = expectedPurchasesByPeriod(params, customer, options.periods, options.periodLength);
  let s = 0;
  byPeriod.forEach((y, i) => (s += y / Math.pow(1 + d, i + 1)));
  return s * expectedSpend * margin;
}
