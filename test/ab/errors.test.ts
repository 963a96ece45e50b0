import {describe, expect, it} from "vitest";
import {
  AbInputError,
  betaQuantile,
  bayesMeans,
  bayesProportions,
  chiSquareIndependence,
  correctedAlpha,
  cuped,
  holmAdjust,
  normalCdf,
  normalMixtureInterval,
  peekingSimulation,
  powerCurve,
  sampleSizeMeans,
  sampleSizeProportions,
  srmCheck,
  testDuration,
  twoProportionZTest,
  verdict,
  welchTTest,
  welchTTestFromValues
} from "../../lib/ab/index.js";

function expectInputError(run: () => unknown, field: string, message: string): void {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AbInputError);
  expect(caught).toBeInstanceOf(Error);
  expect((caught as AbInputError).field).toBe(field);
  expect((caught as AbInputError).message).toBe(message);
}

const arm = (conversions: number, visitors: number) => ({conversions, visitors});
const ok = arm(10, 100);

describe("every validation error names its field and says what is wrong", () => {
  it("conversions above visitors", () =>
    expectInputError(
      () => twoProportionZTest({control: arm(120, 100), treatment: ok}),
      "control.conversions",
      "control.conversions (120) cannot exceed control.visitors (100)"
    ));
  it("negative count", () =>
    expectInputError(
      () => twoProportionZTest({control: ok, treatment: arm(-3, 100)}),
      "treatment.conversions",
      "treatment.conversions (-3) cannot be negative"
    ));
  it("non-integer count", () =>
    expectInputError(
      () => bayesProportions({control: arm(2.5, 100), treatment: ok}),
      "control.conversions",
      "control.conversions (2.5) must be a whole number"
    ));
  it("zero visitors", () =>
    expectInputError(
      () => twoProportionZTest({control: arm(0, 0), treatment: ok}),
      "control.visitors",
      "control.visitors (0) must be at least 1"
    ));
  it("NaN", () =>
    expectInputError(
      () => twoProportionZTest({control: arm(NaN, 100), treatment: ok}),
      "control.conversions",
      "control.conversions must be a finite number (got NaN)"
    ));
  it("NaN in a distribution argument", () =>
    expectInputError(() => normalCdf(NaN), "z", "z must be a number (got NaN)"));
  it("rate outside (0, 1)", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 1.2, mde: 0.05}),
      "baseline",
      "baseline (1.2) must be between 0 and 1 (exclusive)"
    ));
  it("alpha outside (0, 1)", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 0.2, mde: 0.05, alpha: 1.5}),
      "alpha",
      "alpha (1.5) must be between 0 and 1 (exclusive)"
    ));
  it("power outside (0, 1)", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 0.2, mde: 0.05, power: 0}),
      "power",
      "power (0) must be between 0 and 1 (exclusive)"
    ));
  it("MDE ≤ 0", () =>
    expectInputError(() => sampleSizeProportions({baseline: 0.2, mde: 0}), "mde", "mde (0) must be greater than 0"));
  it("MDE pushing the treatment rate to 1 or more", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 0.6, mde: 1, mdeType: "relative"}),
      "mde",
      "baseline (0.6) plus the mde gives a treatment rate of 1.2, which must be below 1"
    ));
  it("unknown method", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 0.2, mde: 0.05, method: "magic" as never}),
      "method",
      "method must be one of unpooled, pooled, evanMiller, arcsine (got magic)"
    ));
  it("unknown mdeType", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 0.2, mde: 0.05, mdeType: "percent" as never}),
      "mdeType",
      'mdeType must be "absolute" or "relative" (got percent)'
    ));
  it("unknown correction", () =>
    expectInputError(
      () => correctedAlpha(0.05, 2, "holm" as never),
      "correction",
      "correction must be none, bonferroni or sidak (got holm)"
    ));
  it("variants below 1", () =>
    expectInputError(
      () => sampleSizeProportions({baseline: 0.2, mde: 0.05, variants: 0}),
      "variants",
      "variants (0) must be at least 1"
    ));
  it("standard deviation ≤ 0 in planning", () =>
    expectInputError(() => sampleSizeMeans({sd: -1, mde: 1}), "sd", "sd (-1) must be greater than 0"));
  it("negative sd in a summary", () =>
    expectInputError(
      () => welchTTest({control: {n: 10, mean: 1, sd: -2}, treatment: {n: 10, mean: 1, sd: 1}}),
      "control.sd",
      "control.sd (-2) cannot be negative"
    ));
  it("n < 2 for a t-test", () =>
    expectInputError(
      () => welchTTest({control: {n: 1, mean: 1, sd: 1}, treatment: {n: 10, mean: 1, sd: 1}}),
      "control.n",
      "control.n (1) must be at least 2"
    ));
  it("too few values", () =>
    expectInputError(
      () => welchTTestFromValues({control: [1], treatment: [1, 2]}),
      "control",
      "control needs at least 2 values (got 1)"
    ));
  it("non-finite value in an array", () =>
    expectInputError(
      () => welchTTestFromValues({control: [1, Infinity], treatment: [1, 2]}),
      "control",
      "control[1] must be a finite number (got Infinity)"
    ));
  it("mismatched CUPED arrays", () =>
    expectInputError(
      () => cuped({control: {y: [1, 2, 3], x: [1, 2]}, treatment: {y: [1, 2], x: [1, 2]}}),
      "control.x",
      "control.x has 2 values but control.y has 3; they must pair up"
    ));
  it("fewer than two arms", () =>
    expectInputError(() => chiSquareIndependence([ok]), "arms", "arms needs at least 2 variants (got 1)"));
  it("SRM weights of the wrong length", () =>
    expectInputError(
      () => srmCheck({observed: [10, 10], weights: [1]}),
      "weights",
      "weights has 1 entries but observed has 2; give one weight per arm"
    ));
  it("SRM with no users", () =>
    expectInputError(() => srmCheck({observed: [0, 0]}), "observed", "observed has no users at all; nothing to check"));
  it("allocation outside (0, 1]", () =>
    expectInputError(
      () => testDuration({perArm: 100, dailyTraffic: 1000, allocation: 1.5}),
      "allocation",
      "allocation (1.5) must be greater than 0 and at most 1"
    ));
  it("traffic ≤ 0", () =>
    expectInputError(
      () => testDuration({perArm: 100, dailyTraffic: 0}),
      "dailyTraffic",
      "dailyTraffic (0) must be greater than 0"
    ));
  it("prior parameter ≤ 0", () =>
    expectInputError(
      () => bayesProportions({control: ok, treatment: ok, prior: {alpha: 0, beta: 1}}),
      "prior.alpha",
      "prior.alpha (0) must be greater than 0"
    ));
  it("normal prior sd ≤ 0", () =>
    expectInputError(
      () =>
        bayesMeans({
          control: {n: 5, mean: 1, sd: 1},
          treatment: {n: 5, mean: 1, sd: 1},
          prior: {kind: "normal", mean: 0, sd: 0}
        }),
      "prior.sd",
      "prior.sd (0) must be greater than 0"
    ));
  it("probability outside [0, 1] for a quantile", () =>
    expectInputError(() => betaQuantile(1.1, 2, 3), "p", "p (1.1) must be between 0 and 1"));
  it("p-values outside [0, 1]", () =>
    expectInputError(() => holmAdjust([0.1, 2]), "pValues[1]", "pValues[1] (2) must be between 0 and 1"));
  it("empty grid for a power curve", () =>
    expectInputError(
      () => powerCurve({baseline: 0.2, mde: 0.05}, {ns: []}),
      "ns",
      "ns needs at least 1 value (got 0)"
    ));
  it("mixing parameter ≤ 0", () =>
    expectInputError(
      () => normalMixtureInterval({estimate: 0, variance: 1, tau: 0}),
      "tau",
      "tau (0) must be greater than 0"
    ));
  it("simulation size", () =>
    expectInputError(
      () => peekingSimulation({days: 0, usersPerDay: 10, rate: 0.1}),
      "days",
      "days (0) must be at least 1"
    ));
  it("verdict without an interval", () =>
    expectInputError(
      () => verdict({pValue: 0.2, alpha: 0.05, diff: 0.01}),
      "ci",
      "a frequentist result needs its interval (ciDiff or ci)"
    ));
});
