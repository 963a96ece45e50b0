import {describe, expect, it} from "vitest";
import {fitBgNbd, type BgNbdParams} from "../../lib/clv/bgnbd.js";
import {fitGammaGamma, populationMeanSpend, type GammaGammaParams} from "../../lib/clv/gammagamma.js";
import {simulateBgNbd, simulateGammaGamma} from "../../lib/clv/simulate.js";
import {rng} from "../../lib/random.js";

// CDNOW-style parameter recovery: simulate from known parameters with the seeded PRNG, refit, and check
// each estimate is within 3 standard errors AND within a stated relative tolerance of the truth.
const TRUE_BG: BgNbdParams = {r: 0.24, alpha: 4.41, a: 0.79, b: 2.43};
const TRUE_GG: GammaGammaParams = {p: 6.25, q: 3.74, v: 15.44};

function simulateCohort(seed: number, n = 8000) {
  const g = rng(seed);
  const ages = g.fork("ages");
  // First purchases spread over the first 12 weeks of a 78-week window: T ∈ [66, 78] weeks.
  return simulateBgNbd(g.fork("bgnbd"), TRUE_BG, n, () => 66 + 12 * ages.next());
}

describe("BG/NBD parameter recovery (8,000 simulated customers, 78 weeks, seed 2005)", () => {
  const data = simulateCohort(2005);
  const fit = fitBgNbd(data);
  // Relative tolerances: r and α are tightly identified; a and b (the dropout Beta) are strongly
  // correlated (ρ ≈ 0.9) and less precise.
  const REL_TOL: BgNbdParams = {r: 0.1, alpha: 0.15, a: 0.2, b: 0.25};

  it("recovers each parameter within 3 SE and the stated relative tolerance", () => {
    for (const k of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[k] - TRUE_BG[k])).toBeLessThan(3 * fit.se[k]);
      expect(Math.abs(fit.params[k] / TRUE_BG[k] - 1)).toBeLessThan(REL_TOL[k]);
    }
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(fit.n).toBe(8000);
  });

  it("is robust to a start far from the optimum", () => {
    const far = fitBgNbd(data, {starts: [{r: 50, alpha: 0.01, a: 20, b: 0.05}], onlyGivenStarts: true});
    expect(far.logLikelihood).toBeCloseTo(fit.logLikelihood, 4);
    for (const k of ["r", "alpha", "a", "b"] as const) expect(far.params[k] / fit.params[k]).toBeCloseTo(1, 3);
  });

  it("is deterministic", () => {
    const again = fitBgNbd(simulateCohort(2005));
    expect(again.params).toEqual(fit.params);
  });
});

describe("BG/NBD degenerate data", () => {
  it("all x = 0 gives a clear error, not NaN", () => {
    const rows = Array.from({length: 100}, (_, i) => ({x: 0, tx: 0, T: 10 + i}));
    expect(() => fitBgNbd(rows)).toThrow(/every customer has x = 0/);
  });

  it("rejects invalid summaries", () => {
    expect(() => fitBgNbd([{x: 1, tx: 5, T: 4}])).toThrow(RangeError);
    expect(() => fitBgNbd([{x: 1.5, tx: 1, T: 4}])).toThrow(RangeError);
    expect(() => fitBgNbd([])).toThrow(/no customers/);
  });

  it("nearly degenerate data (one repeat buyer) still returns finite parameters", () => {
    const rows = [...Array.from({length: 50}, () => ({x: 0, tx: 0, T: 30})), {x: 1, tx: 3, T: 30}];
    const fit = fitBgNbd(rows);
    for (const v of Object.values(fit.params)) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});

describe("Gamma-Gamma parameter recovery (10,000 customers with x = 1 + Poisson(2) repeat purchases, seed 7)", () => {
  const g = rng(7);
  const xs = Array.from({length: 10_000}, () => 1 + g.poisson(2));
  const data = simulateGammaGamma(g.fork("gg"), TRUE_GG, xs);
  const fit = fitGammaGamma(data);
  // p and v are negatively correlated (ρ ≈ −0.9) and less precise than q.
  const REL_TOL: GammaGammaParams = {p: 0.25, q: 0.08, v: 0.25};

  it("recovers each parameter within 3 SE and the stated relative tolerance", () => {
    for (const k of ["p", "q", "v"] as const) {
      expect(Math.abs(fit.params[k] - TRUE_GG[k])).toBeLessThan(3 * fit.se[k]);
      expect(Math.abs(fit.params[k] / TRUE_GG[k] - 1)).toBeLessThan(REL_TOL[k]);
    }
    // The population mean spend v·p/(q−1) is much better determined than p or v alone.
    expect(populationMeanSpend(fit.params) / populationMeanSpend(TRUE_GG)).toBeCloseTo(1, 1);
    expect(fit.warnings).toEqual([]);
  });

  it("is robust to a start far from the optimum", () => {
    const far = fitGammaGamma(data, {starts: [{p: 0.01, q: 100, v: 1e4}], onlyGivenStarts: true});
    expect(far.logLikelihood).toBeCloseTo(fit.logLikelihood, 4);
    for (const k of ["p", "q", "v"] as const) expect(far.params[k] / fit.params[k]).toBeCloseTo(1, 3);
  });
});
