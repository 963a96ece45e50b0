import {describe, expect, it} from "vitest";
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  type BgNbdParams
} from "../../lib/clv/bgnbd.js";
import {sampleBeta, simulateBgNbd} from "../../lib/clv/simulate.js";
import {rng} from "../../lib/random.js";
import {CDNOW_PARAMS as P, CUSTOMERS, SCIPY_COND39, SCIPY_EX} from "./reference.js";

/**
 * Brute-force E[Y(t) | x, t_x, T] by 1-D quadrature, independent of ₂F₁. Given the data, the posterior is
 * a two-part mixture (FHL 2005 §3): alive with probability π = A3/(A3+A4) (the likelihood's two terms), then
 * λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x); dead otherwise (no more purchases). For an alive customer
 * E[Y(t) | λ, p] = (1 − e^(−λpt))/p, and integrating λ out gives (1 − (β/(β+pt))^s)/p with β = α+T, s = r+x.
 * The Beta integral uses u = p^a when a < 1 (removes the p^(a−1) singularity) and Simpson's rule on [0, 1].
 */
function quadratureExpected(
  {r, alpha, a, b}: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  n = 20_000
): number {
  const s = r + x;
  const beta = alpha + T;
  const A3 = Math.pow(alpha + T, -s);
  const A4 = x > 0 ? (a / (b + x - 1)) * Math.pow(alpha + tx, -s) : 0;
  const alive = A3 / (A3 + A4);
  const b2 = b + x;
  let num = 0;
  let den = 0;
  for (let i = 0; i <= n; i++) {
    const u = i / n;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    // a < 1: p = u^(1/a), density ∝ (1−p)^(b+x−1) du; a ≥ 1: p = u, density ∝ p^(a−1)(1−p)^(b+x−1) dp.
    const p = a < 1 ? Math.pow(u, 1 / a) : u;
    const weight = (a < 1 ? 1 : Math.pow(p, a - 1)) * Math.pow(1 - p, b2 - 1);
    const h = p === 0 ? (s * t) / beta : (1 - Math.pow(beta / (beta + p * t), s)) / p;
    num += w * weight * h;
    den += w * weight;
  }
  return (alive * num) / den;
}

describe("P(alive | x, t_x, T)", () => {
  it("is exactly 1 for x = 0 (BG/NBD: no dropout before the first repeat purchase)", () => {
    for (const T of [0.1, 10, 100, 1e4]) expect(probabilityAlive(P, 0, 0, T)).toBe(1);
  });

  it("decreases as T − t_x grows for x > 0, and equals the hand formula", () => {
    for (const x of [1, 3, 10]) {
      let prev = Infinity;
      for (const T of [20, 30, 40, 60, 100]) {
        const pa = probabilityAlive(P, x, 20, T);
        expect(pa).toBeLessThan(prev);
        prev = pa;
      }
    }
    const [x, tx, T] = [2, 30.43, 38.86];
    const hand = 1 / (1 + (P.a / (P.b + x - 1)) * Math.pow((P.alpha + T) / (P.alpha + tx), P.r + x));
    expect(probabilityAlive(P, x, tx, T)).toBeCloseTo(hand, 15);
    // A customer who just bought (t_x = T) is alive with probability 1 / (1 + a/(b+x−1)).
    expect(probabilityAlive(P, 2, 30, 30)).toBeCloseTo(1 / (1 + P.a / (P.b + 1)), 15);
  });

  it("matches the fraction alive in a simulation with fixed (x, T) cohorts (x = 1, t_x near 5, T = 40)", () => {
    const g = rng("palive");
    const sims = simulateBgNbd(g, P, 200_000, () => 40).filter((c) => c.x === 1 && c.tx > 4 && c.tx < 6);
    const observed = sims.filter((c) => c.aliveAtT).length / sims.length;
    const se = Math.sqrt((observed * (1 - observed)) / sims.length);
    expect(Math.abs(observed - probabilityAlive(P, 1, 5, 40))).toBeLessThan(4 * se + 0.01);
  });
});

describe("expected purchases", () => {
  it("E[X(t)] matches SciPy for a new customer, and a simulated population mean", () => {
    for (const [t, ref] of Object.entries(SCIPY_EX)) expect(expectedPurchases(P, Number(t)) / ref).toBeCloseTo(1, 11);
    const sims = simulateBgNbd(rng("ex"), P, 100_000, () => 39);
    const mean = sims.reduce((s, c) => s + c.x, 0) / sims.length;
    const sd = Math.sqrt(sims.reduce((s, c) => s + (c.x - mean) ** 2, 0) / sims.length);
    expect(Math.abs(mean - expectedPurchases(P, 39))).toBeLessThan((4 * sd) / Math.sqrt(sims.length));
    expect(expectedPurchases(P, 0)).toBe(0);
  });

  it("E[Y(t) | x, t_x, T] matches SciPy and brute-force quadrature", () => {
    CUSTOMERS.forEach(([x, tx, T], i) => {
      const v = conditionalExpectedPurchases(P, 39, x, tx, T);
      expect(v / SCIPY_COND39[i]!).toBeCloseTo(1, 11);
      expect(v / quadratureExpected(P, 39, x, tx, T)).toBeCloseTo(1, 8);
    });
    // Other parameters (a > 1) and horizons, including z = t/(α+T+t) > 0.75.
    const Q: BgNbdParams = {r: 1.3, alpha: 20, a: 2.5, b: 4};
    for (const [t, x, tx, T] of [
      [10, 3, 40, 50],
      [300, 1, 2, 60],
      [52, 12, 50, 52]
    ] as const) {
      expect(conditionalExpectedPurchases(Q, t, x, tx, T) / quadratureExpected(Q, t, x, tx, T)).toBeCloseTo(1, 8);
    }
  });

  it("E[Y(t) | …] matches a Monte Carlo draw from the posterior", () => {
    const [x, tx, T, t] = [2, 30.43, 38.86, 39];
    const g = rng("posterior");
    const alive = probabilityAlive(P, x, tx, T);
    const n = 100_000;
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i++) {
      let y = 0;
      if (g.next() < alive) {
        const lambda = g.gamma(P.r + x, 1 / (P.alpha + T));
        const p = sampleBeta(g, P.a, P.b + x);
        for (let time = g.exponential(lambda); time <= t; time += g.exponential(lambda)) {
          y++;
          if (g.next() < p) break;
        }
      }
      sum += y;
      sum2 += y * y;
    }
    const mean = sum / n;
    const se = Math.sqrt((sum2 / n - mean * mean) / n);
    expect(Math.abs(mean - conditionalExpectedPurchases(P, t, x, tx, T))).toBeLessThan(4 * se);
  });

  it("is continuous at a = 1 (where (a+b+x−1)/(a−1) · […] is 0/0)", () => {
    const at1 = conditionalExpectedPurchases({...P, a: 1}, 20, 2, 10, 30);
    const near = conditionalExpectedPurchases({...P, a: 1.001}, 20, 2, 10, 30);
    expect(Number.isFinite(at1)).toBe(true);
    expect(at1).toBeCloseTo(near, 2);
    expect(expectedPurchases({...P, a: 1}, 20)).toBeCloseTo(expectedPurchases({...P, a: 0.999}, 20), 2);
  });

  it("E[Y(t)] increases with the horizon", () => {
    let prev = 0;
    for (const t of [1, 5, 20, 52, 104]) {
      const v = conditionalExpectedPurchases(P, t, 3, 30, 38);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });
});
