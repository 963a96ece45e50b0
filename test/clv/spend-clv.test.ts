import {describe, expect, it} from "vitest";
import {calibrationByFrequency, holdoutError} from "../../lib/clv/calibration.js";
import {PURCHASE_MODELS} from "../../lib/clv/models.js";
import {
  conditionalExpectedSpend,
  frequencySpendCorrelation,
  gammaGammaLogLikelihood,
  populationMeanSpend
} from "../../lib/clv/gammagamma.js";
import {simulateBgNbd} from "../../lib/clv/simulate.js";
import {groupSummaries, summarise} from "../../lib/clv/summary.js";
import {rng} from "../../lib/random.js";
import {CDNOW_PARAMS as P} from "./reference.js";

const GG = {p: 6.25, q: 3.74, v: 15.44};

describe("Gamma-Gamma", () => {
  it("log-likelihood matches the hand formula, and integrates to 1 over m_x", () => {
    // f(m | p,q,v,x) = Γ(px+q)/(Γ(px)Γ(q)) · v^q · m^(px−1) · x^(px) / (v + x m)^(px+q); take p = 2, q = 3, v = 10, x = 1:
    // Γ(5)/(Γ(2)Γ(3)) = 24/2 = 12, so f(m) = 12 · 1000 · m / (10 + m)^5.
    const m = 7;
    expect(gammaGammaLogLikelihood({p: 2, q: 3, v: 10}, 1, m)).toBeCloseTo(
      Math.log((12 * 1000 * m) / Math.pow(10 + m, 5)),
      12
    );
    // Numerical integral of the density for x = 3 (trapezoid on a log grid) is 1.
    let integral = 0;
    let prev = 0;
    let prevM = 0;
    for (let i = 0; i <= 20000; i++) {
      const mi = Math.exp(-8 + (i * 16) / 20000);
      const f = Math.exp(gammaGammaLogLikelihood(GG, 3, mi));
      if (i > 0) integral += 0.5 * (f + prev) * (mi - prevM);
      prev = f;
      prevM = mi;
    }
    expect(integral).toBeCloseTo(1, 4);
  });

  it("conditional expected spend is the published weighted average", () => {
    const {p, q, v} = GG;
    const [x, mx] = [4, 30];
    const published = ((q - 1) / (p * x + q - 1)) * ((v * p) / (q - 1)) + ((p * x) / (p * x + q - 1)) * mx;
    expect(conditionalExpectedSpend(GG, x, mx)).toBeCloseTo(published, 12);
    expect(populationMeanSpend(GG)).toBeCloseTo((v * p) / (q - 1), 12);
    expect(conditionalExpectedSpend(GG, 0, 0)).toBe(populationMeanSpend(GG));
    // Shrinkage: between the population mean and the customer's mean, closer to m_x as x grows.
    const pop = populationMeanSpend(GG);
    const e1 = conditionalExpectedSpend(GG, 1, 100);
    const e10 = conditionalExpectedSpend(GG, 10, 100);
    expect(e1).toBeGreaterThan(pop);
    expect(e10).toBeGreaterThan(e1);
    expect(e10).toBeLessThan(100);
  });

  it("independence check: correlation of frequency and spend", () => {
    const rows = [1, 2, 3, 4, 5].map((x) => ({x, mx: 10 * x}));
    expect(frequencySpendCorrelation(rows).correlation).toBeCloseTo(1, 12);
    expect(frequencySpendCorrelation([...rows, {x: 0, mx: 0}]).n).toBe(5); // x = 0 excluded
    expect(frequencySpendCorrelation([{x: 1, mx: 2}]).correlation).toBeNaN();
  });
});

describe("summaries", () => {
  it("computes x, t_x, T, m_x per customer; same-day purchases merge; later purchases are ignored", () => {
    const tx = [
      {id: "a", day: 0, amount: 10},
      {id: "a", day: 7, amount: 20},
      {id: "a", day: 7.5, amount: 5}, // same (floored) day as the previous: one purchase of 25
      {id: "a", day: 21, amount: 35},
      {id: "b", day: 14, amount: 40},
      {id: "b", day: 100, amount: 99} // after the observation end
    ];
    const s = summarise(tx, {observationEnd: 28, unitDays: 7});
    expect(s).toEqual([
      {id: "a", x: 2, tx: 3, T: 4, mx: 30, revenue: 70},
      {id: "b", x: 0, tx: 0, T: 2, mx: 0, revenue: 40}
    ]);
    expect(
      groupSummaries([
        {x: 0, tx: 0, T: 2},
        {x: 0, tx: 0, T: 2},
        {x: 1, tx: 1, T: 2}
      ])
    ).toEqual([
      {x: 0, tx: 0, T: 2, count: 2},
      {x: 1, tx: 1, T: 2, count: 1}
    ]);
  });
});

describe("calibration vs holdout", () => {
  it("buckets by calibration frequency and the model's expectations match simulated holdout counts", () => {
    const sims = simulateBgNbd(rng("calibration"), P, 20_000, () => 39, 39);
    const rows = sims.map((c) => ({x: c.x, tx: c.tx, T: c.T, actual: c.holdoutX}));
    const buckets = calibrationByFrequency(PURCHASE_MODELS.bgnbd, {...P}, rows, 39);
    expect(buckets.map((b) => b.label)).toEqual(["0", "1", "2", "3", "4+"]);
    expect(buckets.reduce((s, b) => s + b.n, 0)).toBe(20_000);
    for (const b of buckets) {
      // Mean actual within ~15% (+0.05 absolute) of the true-parameter expectation in every bucket.
      expect(Math.abs(b.meanActual - b.meanExpected)).toBeLessThan(0.15 * b.meanExpected + 0.05);
    }
    const totalExpected = buckets.reduce((s, b) => s + b.sumExpected, 0);
    const totalActual = buckets.reduce((s, b) => s + b.sumActual, 0);
    expect(totalActual / totalExpected).toBeCloseTo(1, 1);
    // Grouped rows (count, summed actual) give the same buckets as one row per person.
    const grouped = new Map<string, {x: number; tx: number; T: number; count: number; actual: number}>();
    for (const r of rows) {
      const key = `${r.x}|${r.tx}|${r.T}`;
      const g = grouped.get(key) ?? {x: r.x, tx: r.tx, T: r.T, count: 0, actual: 0};
      g.count++;
      g.actual += r.actual;
      grouped.set(key, g);
    }
    const fromGroups = calibrationByFrequency(PURCHASE_MODELS.bgnbd, {...P}, [...grouped.values()], 39);
    fromGroups.forEach((b, i) => {
      expect(b.n).toBe(buckets[i]!.n);
      expect(b.sumExpected).toBeCloseTo(buckets[i]!.sumExpected, 8);
    });
    // The holdout error is Σ |actual − expected| / people over the buckets.
    const hand = buckets.reduce((s, b) => s + Math.abs(b.sumActual - b.sumExpected), 0) / 20_000;
    expect(holdoutError(buckets)).toBeCloseTo(hand, 12);
  });

  it("keeps empty buckets with NaN means", () => {
    const b = calibrationByFrequency(PURCHASE_MODELS.bgnbd, {...P}, [{x: 0, tx: 0, T: 10, actual: 0}], 10, 2);
    expect(b.map((x) => [x.label, x.n])).toEqual([
      ["0", 1],
      ["1", 0],
      ["2+", 0]
    ]);
    expect(b[1]!.meanActual).toBeNaN();
  });
});
