import {describe, expect, it} from "vitest";
import {fitBgNbd, type BgNbdParams} from "../../lib/clv/bgnbd.js";
import {fitGammaGamma, populationMeanSpend, type GammaGammaParams} from "../../lib/clv/gammagamma.js";
import {PURCHASE_MODELS, type ModelParams, type PurchaseModelName} from "../../lib/clv/models.js";
import {simulateBgNbd, simulateGammaGamma, simulatePurchases} from "../../lib/clv/simulate.js";
import {groupSummaries} from "../../lib/clv/summary.js";
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

// MBG/NBD and Pareto/NBD at their published CDNOW estimates (Batislam et al. 2007 as in BTYDplus; Fader, Hardie &
// Lee 2005), 10,000 simulated customers each, refitted on the grouped (x, t_x, T) rows the loader uses. Tolerances:
// 3 standard errors and a stated relative band (the dropout parameters are the least precise, as for the BG/NBD).
const RECOVERY: [PurchaseModelName, ModelParams, Record<string, number>][] = [
  ["mbgnbd", {r: 0.525, alpha: 6.183, a: 0.891, b: 1.614}, {r: 0.1, alpha: 0.15, a: 0.3, b: 0.3}],
  ["pareto_nbd", {r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67}, {r: 0.1, alpha: 0.15, s: 0.35, beta: 0.6}]
];

describe.each(RECOVERY)("%s parameter recovery (10,000 simulated customers, 78 weeks)", (name, truth, tolerance) => {
  const g = rng(`recovery-${name}`);
  const ages = g.fork("ages");
  const data = simulatePurchases(name, g.fork("customers"), truth, 10_000, () => 66 + 12 * ages.next());
  const model = PURCHASE_MODELS[name];
  const grouped = groupSummaries(data.map((c) => ({x: c.x, tx: Math.round(c.tx * 7) / 7, T: Math.round(c.T * 7) / 7})));
  const fit = model.fit(grouped);

  it("recovers each parameter within 3 SE and the stated relative tolerance", () => {
    for (const k of model.paramNames) {
      expect(Math.abs(fit.params[k]! - truth[k]!)).toBeLessThan(3 * fit.se[k]!);
      expect(Math.abs(fit.params[k]! / truth[k]! - 1)).toBeLessThan(tolerance[k]!);
    }
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(fit.n).toBe(10_000);
  });

  it("the maximum is a maximum: the true parameters have a lower likelihood", () => {
    expect(model.totalLogLikelihood(truth, grouped)).toBeLessThan(fit.logLikelihood);
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
