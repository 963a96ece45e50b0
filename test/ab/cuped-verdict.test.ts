import {describe, expect, it} from "vitest";
import {bayesProportions, cuped, cupedTheta, twoProportionZTest, verdict, welchTTest} from "../../lib/ab/index.js";
import {expectClose} from "./close.js";
import {CUPED} from "./reference-values.js";

describe("CUPED vs numpy / statsmodels", () => {
  it("θ, adjusted means, variance reduction and Welch interval", () => {
    const r = cuped({control: {y: CUPED.YA, x: CUPED.XA}, treatment: {y: CUPED.YB, x: CUPED.XB}});
    expectClose(r.theta, CUPED.theta, 1e-13);
    expectClose(r.adjustedMeanA, CUPED.meanA, 1e-13);
    expectClose(r.adjustedMeanB, CUPED.meanB, 1e-13);
    expectClose(r.varianceReduction, CUPED.reduction, 1e-12);
    expectClose(r.ci.lower, CUPED.ci[0], 1e-10);
    expectClose(r.ci.upper, CUPED.ci[1], 1e-10);
    expectClose(r.adjusted.pValue, CUPED.p, 1e-8);
    expect(r.adjusted.se).toBeLessThan(r.raw.se);
  });
  it("a constant covariate means no adjustment", () => {
    expect(cupedTheta([1, 1, 1], [3, 4, 5])).toBe(0);
  });
});

describe("verdict", () => {
  it("Bayesian: probability and expected loss in points", () => {
    const b = bayesProportions({
      control: {conversions: 100, visitors: 1000},
      treatment: {conversions: 120, visitors: 1000}
    });
    expect(verdict(b)).toBe("B is better with 92% probability; expected loss of choosing B: 0.048 points");
    expect(verdict({probBBeatsA: 0.03, expectedLossA: 0.0002, expectedLossB: 0.01})).toBe(
      "A is better with 97% probability; expected loss of choosing A: 0.02 points"
    );
  });
  it("frequentist: no significant difference, with the interval", () => {
    const z = twoProportionZTest({
      control: {conversions: 100, visitors: 1000},
      treatment: {conversions: 120, visitors: 1000}
    });
    expect(verdict(z)).toBe(
      "No significant difference (p = 0.15); the 95% interval for the lift is \u22120.74 to +4.7 points"
    );
  });
  it("frequentist: significant, and revenue units", () => {
    const z = twoProportionZTest({
      control: {conversions: 200, visitors: 10000},
      treatment: {conversions: 260, visitors: 10000}
    });
    expect(verdict(z)).toBe(
      "B is significantly better (p = 0.0047); the 95% interval for the lift is +0.18 to +1.0 points"
    );
    const w = welchTTest({control: {n: 5000, mean: 100, sd: 40}, treatment: {n: 5000, mean: 97, sd: 40}});
    expect(verdict(w, {scale: 1, unit: "R$"})).toBe(
      "B is significantly worse (p < 0.001); the 95% interval for the lift is \u22124.6 to \u22121.4 R$"
    );
  });
});
