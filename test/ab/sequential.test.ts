import {describe, expect, it} from "vitest";
import {
  mixingTau,
  normalMixtureInterval,
  peekingSimulation,
  sampleBinomial,
  sequentialMeans,
  sequentialPath,
  sequentialProportions
} from "../../lib/ab/index.js";
import {rng} from "../../lib/random.js";
import {expectClose} from "./close.js";

describe("normal-mixture confidence sequence", () => {
  it("matches the closed form d̂ ± √(v(v+τ²)/τ² · (2 log(1/α) + log((v+τ²)/v)))", () => {
    const r = normalMixtureInterval({estimate: 0.01, variance: 1e-5, tau: 0.01, alpha: 0.05});
    const v = 1e-5,
      t2 = 1e-4;
    const half = Math.sqrt(((v * (v + t2)) / t2) * (2 * Math.log(20) + Math.log((v + t2) / v)));
    expectClose(r.interval.upper - 0.01, half, 1e-13);
    // 1/Λ at θ₀ = 0 and the interval agree: 0 lies inside exactly when p ≥ α.
    expect(r.pValue >= 0.05).toBe(r.interval.lower <= 0);
  });
  it("is wider than the fixed-horizon interval", () => {
    const r = sequentialProportions({
      control: {conversions: 200, visitors: 2000},
      treatment: {conversions: 240, visitors: 2000},
      tau: 0.02
    });
    const v = (0.1 * 0.9 + 0.12 * 0.88) / 2000;
    expect(r.interval.upper - r.estimate).toBeGreaterThan(1.96 * Math.sqrt(v));
  });
  it("the mixing τ minimizes the width at the planned variance", () => {
    const v = 1e-5;
    const tau = mixingTau({plannedVariance: v, alpha: 0.05});
    const width = (t: number) => normalMixtureInterval({estimate: 0, variance: v, tau: t}).interval.upper;
    expect(width(tau)).toBeLessThan(width(tau * 1.2));
    expect(width(tau)).toBeLessThan(width(tau / 1.2));
  });
  it("means version uses sA²/nA + sB²/nB", () => {
    const r = sequentialMeans({control: {n: 100, mean: 10, sd: 5}, treatment: {n: 100, mean: 11, sd: 5}, tau: 1});
    expectClose(r.variance, 0.5, 1e-15);
  });
  it("no information (no conversions yet) gives an unbounded interval and p = 1", () => {
    const r = sequentialProportions({
      control: {conversions: 0, visitors: 50},
      treatment: {conversions: 0, visitors: 50},
      tau: 0.02
    });
    expect(r.interval).toEqual({lower: -1, upper: 1});
    expect(r.pValue).toBe(1);
  });
  it("sequentialPath keeps a running intersection and a non-increasing always-valid p", () => {
    const looks = [1, 2, 3, 4].map((d) => ({
      control: {conversions: 100 * d, visitors: 1000 * d},
      treatment: {conversions: 118 * d, visitors: 1000 * d}
    }));
    const path = sequentialPath(looks, {tau: 0.02});
    for (let i = 1; i < path.length; i++) {
      expect(path[i]!.alwaysValidP).toBeLessThanOrEqual(path[i - 1]!.alwaysValidP);
      expect(path[i]!.runningInterval.upper - path[i]!.runningInterval.lower).toBeLessThanOrEqual(
        path[i - 1]!.runningInterval.upper - path[i - 1]!.runningInterval.lower
      );
    }
  });
});

describe("coverage under continuous peeking (simulation, seeded)", () => {
  it("the always-valid interval covers the true difference at every look in ≥ 95% − tolerance of streams", () => {
    const r = rng(2024);
    const pa = 0.1,
      pb = 0.12,
      alpha = 0.05,
      streams = 300,
      looks = 100,
      batch = 20;
    const tau = mixingTau({plannedVariance: (pa * (1 - pa) + pb * (1 - pb)) / (looks * batch), alpha});
    let covered = 0;
    for (let s = 0; s < streams; s++) {
      let ca = 0,
        cb = 0,
        ok = true;
      for (let k = 1; k <= looks && ok; k++) {
        ca += sampleBinomial(r, batch, pa);
        cb += sampleBinomial(r, batch, pb);
        const n = k * batch;
        const ci = sequentialProportions({
          control: {conversions: ca, visitors: n},
          treatment: {conversions: cb, visitors: n},
          tau,
          alpha
        }).interval;
        if (ci.lower > pb - pa || ci.upper < pb - pa) ok = false;
      }
      if (ok) covered++;
    }
    expect(covered / streams).toBeGreaterThanOrEqual(1 - alpha - 0.02);
  });
});

describe("peekingSimulation", () => {
  it("daily peeking inflates false positives well above α; the sequential test does not", () => {
    const r = peekingSimulation({days: 30, usersPerDay: 200, rate: 0.1, alpha: 0.05, simulations: 1000, seed: 7});
    expect(r.peekingFalsePositiveRate).toBeGreaterThan(0.15);
    expect(r.fixedHorizonFalsePositiveRate).toBeLessThan(0.075);
    expect(r.sequentialFalsePositiveRate).toBeLessThanOrEqual(0.05);
    expect(r.peekingByDay).toHaveLength(30);
    expect(r.peekingByDay[29]).toBe(r.peekingFalsePositiveRate);
  });
  it("is deterministic for a seed", () => {
    const input = {days: 5, usersPerDay: 50, rate: 0.2, simulations: 50, seed: 3};
    expect(peekingSimulation(input)).toEqual(peekingSimulation(input));
  });
  it("sampleBinomial has the binomial mean and variance", () => {
    const r = rng(11);
    for (const [n, p] of [
      [20, 0.3],
      [1000, 0.02],
      [500, 0.9]
    ] as const) {
      let s = 0,
        s2 = 0;
      const m = 20_000;
      for (let i = 0; i < m; i++) {
        const x = sampleBinomial(r, n, p);
        s += x;
        s2 += x * x;
      }
      const mean = s / m;
      expectClose(mean, n * p, 0.02);
      expectClose(s2 / m - mean * mean, n * p * (1 - p), 0.05);
    }
  });
});
