import {describe, expect, it} from "vitest";
import {
  bayesProportions,
  chiSquareIndependence,
  credibleInterval,
  probBBeatsA,
  sequentialProportions,
  srmCheck,
  twoProportionZTest,
  welchTTest,
  welchTTestFromValues
} from "../../lib/ab/index.js";
import {expectClose} from "./close.js";

const arm = (conversions: number, visitors: number) => ({conversions, visitors});

function allFinite(x: unknown): boolean {
  if (typeof x === "number") return !Number.isNaN(x);
  if (x === null || typeof x !== "object") return true;
  return Object.values(x).every(allFinite);
}

describe("edge cases", () => {
  it("zero conversions in both arms", () => {
    const z = twoProportionZTest({control: arm(0, 500), treatment: arm(0, 500)});
    expect(z.z).toBe(0);
    expect(z.pValue).toBe(1);
    expect(z.relativeLift).toBeNull();
    expect(z.ciRelative).toBeNull();
    const b = bayesProportions({control: arm(0, 500), treatment: arm(0, 500)});
    expectClose(b.probBBeatsA, 0.5, 1e-12);
    expect(allFinite(b)).toBe(true);
    expect(chiSquareIndependence([arm(0, 10), arm(0, 10)]).pValue).toBe(1);
  });
  it("everyone converted", () => {
    const z = twoProportionZTest({control: arm(300, 300), treatment: arm(300, 300)});
    expect(z.pValue).toBe(1);
    expect(z.ciDiff).toEqual({lower: 0, upper: 0});
    const b = bayesProportions({control: arm(300, 300), treatment: arm(300, 300)});
    expectClose(b.probBBeatsA, 0.5, 1e-12);
    expect(b.credibleA.upper).toBeGreaterThan(0.9999);
    expect(b.credibleA.upper).toBeLessThan(1);
  });
  it("n = 1 and n = 2", () => {
    const z = twoProportionZTest({control: arm(0, 1), treatment: arm(1, 1)});
    expect(z.pValue).toBeGreaterThan(0.1);
    expect(allFinite(z)).toBe(true);
    // Beta(1,2) vs Beta(2,1): P(B > A) = 5/6.
    expectClose(bayesProportions({control: arm(0, 1), treatment: arm(1, 1)}).probBBeatsA, 5 / 6, 1e-14);
    const w = welchTTestFromValues({control: [1, 2], treatment: [2, 4]});
    expect(w.df).toBeGreaterThan(1);
    expect(allFinite(w)).toBe(true);
  });
  it("equal arms", () => {
    const z = twoProportionZTest({control: arm(57, 1000), treatment: arm(57, 1000)});
    expect(z.z).toBe(0);
    expect(z.pValue).toBe(1);
    expectClose(probBBeatsA({alpha: 58, beta: 944}, {alpha: 58, beta: 944}), 0.5, 1e-12);
    const w = welchTTest({control: {n: 10, mean: 5, sd: 0}, treatment: {n: 10, mean: 5, sd: 0}});
    expect(w.pValue).toBe(1);
  });
  it("10 million users per arm: no overflow, no NaN", () => {
    const control = arm(1_000_000, 10_000_000);
    const treatment = arm(1_003_000, 10_000_000);
    const z = twoProportionZTest({control, treatment});
    expect(allFinite(z)).toBe(true);
    expect(z.pValue).toBeLessThan(0.05);
    const b = bayesProportions({control, treatment});
    expect(allFinite(b)).toBe(true);
    expectClose(b.probBBeatsA, 0.9873, 1e-3); // z ≈ 0.0003 / √(2·0.09/1e7) ≈ 2.24
    expect(b.expectedLossB).toBeGreaterThanOrEqual(0);
    expect(b.expectedLossB).toBeLessThan(1e-5);
    expect(allFinite(sequentialProportions({control, treatment, tau: 0.001}))).toBe(true);
    expect(allFinite(srmCheck({observed: [10_000_000, 10_001_000]}))).toBe(true);
    const ci = credibleInterval({alpha: 1_000_001, beta: 9_000_001});
    expect(ci.lower).toBeLessThan(0.1);
    expect(ci.upper).toBeGreaterThan(0.1);
    const w = welchTTest({control: {n: 1e7, mean: 10, sd: 30}, treatment: {n: 1e7, mean: 10.05, sd: 30}});
    expect(allFinite(w)).toBe(true);
  });
});
